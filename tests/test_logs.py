"""The log file (parapp/logs.py) and the command line's use of it: every command's start, end,
duration and exit status; a bug's traceback in the log and only one line on stderr naming it;
the level from --log-level or PARAPP_LOG_LEVEL; no log, and one note, when its folder cannot be
written. The window's side is in test_gui_errors.py.

conftest.py points XDG_STATE_HOME at each test's own home and calls logs.setup() there.
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest

from parapp import cli, logs
from parapp.cli import main
from parapp.core.errors import ParappError

# the line format: time, level, process and thread, logger, message
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
                  r"\[\d+ [^\]]+\] parapp[\w.]*: ")


def log_text() -> str:
    return logs.log_path().read_text(encoding="utf-8")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_log_lives_in_the_user_log_folder(tmp_path):
    home = Path.home()
    assert logs.log_path() == home / ".local" / "state" / "parapp" / "log" / "parapp.log"
    assert logs.log_path().is_file()


def test_a_command_logs_start_end_duration_and_exit_status(small_demo, capsys):
    code, _, err = run(capsys, "check", small_demo)
    assert code in (0, 1) and "Traceback" not in err
    lines = log_text().splitlines()
    assert all(LINE.match(line) for line in lines), lines
    start = next(line for line in lines if "start parapp check" in line)
    assert f"argv=check {small_demo}" in start
    end = next(line for line in lines if "end parapp check" in line)
    assert re.search(rf"end parapp check: exit {code} in \d+ ms$", end)


def test_a_bug_is_one_line_on_stderr_and_its_traceback_in_the_log(small_demo, capsys,
                                                                  monkeypatch):
    def broken(args):
        raise RuntimeError("chỗ hỏng")
    monkeypatch.setattr(cli, "cmd_info", broken)
    code, out, err = run(capsys, "info", small_demo)
    assert code == 2 and out == ""
    assert err == (f"parapp: lỗi không mong đợi: RuntimeError('chỗ hỏng') (chi tiết trong "
                   f"{logs.log_path()})\n")
    text = log_text()
    assert "ERROR" in text and "unexpected error" in text
    assert "Traceback (most recent call last)" in text and "in broken" in text
    assert "RuntimeError: chỗ hỏng" in text and "end parapp info: exit 2" in text

    code, _, err = run(capsys, "--lang", "en", "info", small_demo)
    assert err == f"parapp: unexpected error: RuntimeError('chỗ hỏng') (details in " \
                  f"{logs.log_path()})\n"


def test_a_users_error_is_logged_without_a_traceback(tmp_path, capsys):
    code, _, err = run(capsys, "info", tmp_path / "khong-co.parapp")
    assert code == 1 and err.count("\n") == 1
    warning = next(line for line in log_text().splitlines() if " WARNING " in line)
    assert "khong-co.parapp" in warning
    assert "Traceback" not in log_text() and "exit 1" in log_text()


def test_the_level_comes_from_the_option_else_the_environment(small_demo, capsys, monkeypatch):
    monkeypatch.setenv("PARAPP_LOG_LEVEL", "warning")
    run(capsys, "info", small_demo)
    assert "start parapp info" not in log_text()  # info records are not written
    run(capsys, "--log-level", "info", "info", small_demo)  # the option wins
    assert "start parapp info" in log_text()

    run(capsys, "--log-level", "debug", "info", small_demo)
    logging.getLogger("parapp.core.test").debug("chi tiết gỡ lỗi")
    assert "DEBUG" in log_text() and "chi tiết gỡ lỗi" in log_text()

    monkeypatch.setenv("PARAPP_LOG_LEVEL", "nhiều")  # not a level: info, and the log says so
    run(capsys, "info", small_demo)
    assert "PARAPP_LOG_LEVEL='nhiều' is not one of debug, info, warning, error" in log_text()
    assert logging.getLogger("parapp").level == logging.INFO


def test_log_level_is_in_the_help_and_refuses_other_values(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--log-level MỨC" in out and "PARAPP_LOG_LEVEL" in out
    assert str(logs.log_dir()) in "".join(out.split())  # where to find it (wrapped)
    with pytest.raises(SystemExit) as exit_:
        main(["--log-level", "verbose", "info", "x.parapp"])
    assert exit_.value.code == 2
    assert "--log-level" in capsys.readouterr().err


def test_the_window_takes_log_level_too(monkeypatch, capsys):
    import parapp.ui.app as gui_app
    opened = []
    monkeypatch.setattr(gui_app, "run_gui", lambda path: opened.append(path) or 0)
    assert main(["--log-level", "debug"]) == 0  # "debug" is the option's value, not a command
    assert opened == [None] and logging.getLogger("parapp").level == logging.DEBUG
    with pytest.raises(SystemExit):
        main(["--log-level", "debug", "chek"])
    assert "không có lệnh 'chek'" in capsys.readouterr().err


def test_an_unwritable_log_folder_means_no_log_and_one_note(small_demo, tmp_path, capsys,
                                                            monkeypatch):
    (tmp_path / "state").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(logs, "_warned", False)
    code, out, err = run(capsys, "info", small_demo)
    assert code == 0 and "Sở Tư pháp" in out
    assert err.startswith(f"parapp: không ghi được nhật ký vào {tmp_path / 'state'}")
    assert err.count("\n") == 1 and logs.log_path() is None
    code, _, err = run(capsys, "info", small_demo)
    assert code == 0 and err == ""  # said once

    def broken(args):
        raise RuntimeError("chỗ hỏng")
    monkeypatch.setattr(cli, "cmd_info", broken)
    code, _, err = run(capsys, "info", small_demo)  # a bug without a log: how to see it
    assert code == 2 and err == ("parapp: lỗi không mong đợi: RuntimeError('chỗ hỏng') (đặt "
                                 "PARAPP_DEBUG=1 để xem chi tiết)\n")


def test_the_log_rotates_at_five_files(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup()
    for n in range(200):
        logging.getLogger("parapp").info("dòng %d %s", n, "x" * 50)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["parapp.log", *(f"parapp.log.{n}" for n in range(1, 5))]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "dòng 199" in log_text()


def test_a_log_that_cannot_be_rotated_is_written_on(monkeypatch):
    """On Windows a file another parapp has open cannot be renamed: the rollover fails, and
    the records must still reach the file (rotated a minute later)."""
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup()

    def in_use(_src, _dst):
        raise PermissionError(32, "The process cannot access the file because it is being used "
                                  "by another process")

    rename = os.rename
    monkeypatch.setattr(os, "rename", in_use)
    for n in range(100):
        logging.getLogger("parapp").info("dòng %d %s", n, "x" * 50)
    assert [p.name for p in path.parent.iterdir()] == ["parapp.log"]
    assert "dòng 0 " in log_text() and "dòng 99 " in log_text()
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(logs.time, "monotonic", lambda: 1e12)  # a minute later and more
    logging.getLogger("parapp").info("sau khi xoay vòng")
    assert sorted(p.name for p in path.parent.iterdir()) == ["parapp.log", "parapp.log.1"]
    assert "sau khi xoay vòng" in log_text()


def test_timed_logs_duration_and_errors():
    log = logging.getLogger("parapp.test")
    with logs.timed("nhập điểm", log, file="a.parapp") as op:
        op.outcome = "12 changed"
    with pytest.raises(ParappError), logs.timed("kiểm tra", log):
        raise ParappError("Tệp hỏng", "Damaged file")
    with pytest.raises(ZeroDivisionError), logs.timed("tính", log):
        _ = 1 / 0
    lines = log_text().splitlines()
    assert re.search(r" INFO .*parapp\.test: start nhập điểm \(file=a\.parapp\)$", lines[0])
    assert re.search(r" INFO .*parapp\.test: end nhập điểm: 12 changed in \d+ ms$", lines[1])
    assert re.search(r" WARNING .*: failed kiểm tra after \d+ ms: Tệp hỏng$", lines[3])
    assert re.search(r" ERROR .*: failed tính after \d+ ms$", lines[5])
    assert lines[6] == "Traceback (most recent call last):" and lines[-1] == \
        "ZeroDivisionError: division by zero"
    assert "Traceback" not in "\n".join(lines[:5])  # a user's error: no traceback
