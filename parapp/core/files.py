"""Writing output files so that a crash or a full disk never leaves half a file."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parapp.core.errors import ParappError


@contextmanager
def replacing(out: Path | str) -> Iterator[Path]:
    """A temporary path beside `out` to write to. When the block ends, the data is flushed to
    disk and the temporary file takes `out`'s place in one step, so readers see the old file or
    the new one, never a part. On any failure it is removed and `out` stays as it was; an
    OSError becomes a ParappError naming `out`."""
    out = Path(out)
    try:
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise ParappError(f"{out}: không ghi được tệp ({exc.strerror})",
                          f"{out}: cannot write ({exc.strerror})") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise ParappError(f"{out}: không ghi được tệp ({exc.strerror})",
                          f"{out}: cannot write ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(out: Path | str, data: bytes) -> Path:
    with replacing(out) as tmp:
        tmp.write_bytes(data)
    return Path(out)
