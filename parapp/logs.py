"""The log file: what parapp did, how long it took and what went wrong, for support.

`setup(level)` sends the `parapp` logger's records (every module's `logging.getLogger(__name__)`)
to a rotating file in the user's log folder; the window, the command line and the core all log
there. `timed(operation)` logs an operation's start, end and duration, and the error that ended
it. Qt-free: the core and the command line use it too.

Logging never gets in the user's way: a folder that cannot be written means no log (said once on
stderr), and a record that cannot be written (the file locked by another parapp, the disk full)
is dropped silently rather than printed as a traceback.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from parapp.core.errors import ParappError
from parapp.core.i18n import pick

LOGGER = "parapp"
FILE_NAME = "parapp.log"
LEVELS = ("debug", "info", "warning", "error")
ENV_LEVEL = "PARAPP_LOG_LEVEL"
DEFAULT_LEVEL = "info"
MAX_BYTES = 1_000_000
BACKUPS = 4  # parapp.log and parapp.log.1 … .4: five files, 5 MB at most
ROTATE_RETRY_S = 60
# the process too: a window and a command may write the same file at once
FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

log = logging.getLogger(LOGGER)
_warned = False


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A record that cannot be written is dropped: logging's default prints a traceback on
    stderr, in the middle of the command line's one-line messages (a rollover fails on Windows
    while another parapp has the file open)."""

    retry_at = 0.0  # time.monotonic() before which no rollover is tried

    def handleError(self, record: logging.LogRecord) -> None:
        pass

    def shouldRollover(self, record: logging.LogRecord) -> int:
        return time.monotonic() >= self.retry_at and super().shouldRollover(record)

    def doRollover(self) -> None:
        """A rollover that fails (on Windows, while another parapp has the file open) leaves
        the file to be written on, and is tried again a minute later: tried at every record,
        it lost every record until the other parapp ended."""
        try:
            super().doRollover()
        except OSError:
            self.retry_at = time.monotonic() + ROTATE_RETRY_S
            if self.stream is None:
                self.stream = self._open()


def log_dir() -> Path:
    """The user's log folder (read each time: tests point HOME elsewhere)."""
    return Path(platformdirs.user_log_dir("parapp", appauthor=False))


def log_path() -> Path | None:
    """The file being written, or None when there is none (not set up, or not writable)."""
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def setup(level: str | None = None) -> Path | None:
    """Send the `parapp` logger to the log file at `level` (one of LEVELS; None: the
    environment's or info); returns the file, or None when the folder cannot be written. Called
    again (each command-line run in the same process does), it replaces what it set up."""
    global _warned
    for old in list(log.handlers):
        log.removeHandler(old)
        old.close()
    env = os.environ.get(ENV_LEVEL, "").strip().lower()
    chosen = level or (env if env in LEVELS else DEFAULT_LEVEL)
    log.setLevel(chosen.upper())
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietFileHandler(
            folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        handler = logging.NullHandler()  # else the records reach stderr (logging's last resort)
        if not _warned:
            _warned = True
            print(pick(f"parapp: không ghi được nhật ký vào {folder} ({exc.strerror or exc}); "
                       "tiếp tục không có nhật ký",
                       f"parapp: cannot write the log in {folder} ({exc.strerror or exc}); "
                       "going on without a log"), file=sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    if not level and env and env not in LEVELS:
        log.warning("%s=%r is not one of %s; using %s", ENV_LEVEL, os.environ[ENV_LEVEL],
                    ", ".join(LEVELS), chosen)
    return log_path()


class Operation:
    """What `timed` yields: set `outcome` to say how the operation ended when it does not end
    in an exception ("exit 1", "cancelled", "failed: …")."""

    def __init__(self):
        self.outcome = "done"


@contextmanager
def timed(operation: str, logger: logging.Logger | None = None, **details) -> Iterator[Operation]:
    """Log `operation`'s start (with `details`, e.g. file=…), its end and duration in ms, or the
    exception that ended it: a ParappError (the user was told why) as a warning, anything else
    with its traceback. The exception goes on."""
    logger = logger or log
    about = ", ".join(f"{key}={value}" for key, value in details.items())
    logger.info("start %s%s", operation, f" ({about})" if about else "")
    op = Operation()
    start = time.perf_counter()

    def elapsed() -> int:
        return round((time.perf_counter() - start) * 1000)

    try:
        yield op
    except ParappError as exc:
        logger.warning("failed %s after %d ms: %s", operation, elapsed(), exc)
        raise
    except Exception:
        logger.exception("failed %s after %d ms", operation, elapsed())
        raise
    except BaseException as exc:  # Ctrl+C, exit
        logger.info("interrupted %s after %d ms (%s)", operation, elapsed(), type(exc).__name__)
        raise
    logger.info("end %s: %s in %d ms", operation, op.outcome, elapsed())
