"""An unexpected error in the window (parapp/ui/errors.py): logged with its traceback, shown in
one dialog with a short message, the log's place and copyable details; the open file keeps
every committed edit and the window goes on working. And the window's long operations in the
log: start, end, duration, outcome.

pytest-qt's own capture of slot exceptions and Qt messages is off here: these tests install
parapp's handler in their place, as run_gui does.
"""
from __future__ import annotations

import hashlib
import re
import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, QUrl, qWarning
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from test_gui_editing import (  # noqa: F401 - boxes is a fixture
    Fresh,
    boxes,
    click_criterion,
    click_unit,
    make_window,
    score_of,
    self_leaves,
)

from parapp import logs
from parapp.core import i18n
from parapp.core.criteria import check_points
from parapp.core.numbers import fmt
from parapp.ui import app as gui_app
from parapp.ui import errors

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture, pytest.mark.no_qt_log]

MESSAGE = ("Đã xảy ra lỗi không mong đợi. Dữ liệu đã ghi không bị mất; thao tác vừa rồi có thể "
           "chưa được thực hiện.")


@pytest.fixture
def reporter(qapp, request):
    """The handler as run_gui installs it, in Vietnamese (or the language given as param)."""
    lang = getattr(request, "param", "vi")
    i18n.set_language(lang)
    installed = gui_app.install_translations(qapp, lang)
    reporter = errors.install(qapp)
    yield reporter
    reporter.uninstall()
    if reporter.box is not None:
        reporter.box.done(0)
    reporter.deleteLater()
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.set_language(None)


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def log_text() -> str:
    return logs.log_path().read_text(encoding="utf-8")


def shown_box(qtbot, reporter) -> QMessageBox:
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible(), timeout=3000)
    return reporter.box


class BoxesShown(QObject):
    """Counts the message boxes shown while it is installed."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            self.count += 1
        return False


def enter_self_score(qtbot, window, path, unit: str) -> tuple[str, Decimal]:
    """Type a new self score for a leaf of `unit` and press Enter: committed at once."""
    fresh = Fresh(path)
    node = self_leaves(fresh, unit)[0]
    block = fresh.units[unit].block
    scores = fresh.units[unit].scores
    current = scores[node.key].self_points if node.key in scores else None
    value = next(v for v in (node.max_for(block), Decimal(0))
                 if v != current and check_points(node, block, v) is None)
    click_unit(qtbot, window, unit)
    click_criterion(qtbot, window, node.code)
    qtbot.keyClick(window.criteria_view, Qt.Key.Key_Return)  # into the score field
    qtbot.keyClicks(window.editor.self_score, fmt(value, 2, comma=True))
    qtbot.keyClick(window.editor.self_score, Qt.Key.Key_Return)
    assert score_of(path, unit, node.code)["self_points"] == value
    return node.code, value


def test_an_exception_in_a_slot_shows_one_dialog_and_loses_nothing(
        qtbot, reporter, small_demo, boxes, monkeypatch):  # noqa: F811
    window = make_window(qtbot, small_demo)
    code, value = enter_self_score(qtbot, window, small_demo, "SYT")
    before = sha256(small_demo)

    def raiser():
        raise RuntimeError("hỏng giữa chừng")

    shown = BoxesShown()
    QApplication.instance().installEventFilter(shown)
    for _ in range(3):  # a burst: one failure and its consequences
        QTimer.singleShot(0, raiser)
    box = shown_box(qtbot, reporter)
    qtbot.wait(2 * errors.SHOW_AFTER_MS)
    QApplication.instance().removeEventFilter(shown)
    assert shown.count == 1

    assert box.text() == MESSAGE
    path = logs.log_path()
    assert box.informativeText() == (f"Lỗi đã xảy ra 3 lần.\nChi tiết đã được ghi vào nhật ký:"
                                     f"\n{path}")
    assert "in raiser" in box.detailedText()
    assert box.detailedText().count("RuntimeError: hỏng giữa chừng") == 1  # the same, once
    buttons = {b.text(): b for b in box.buttons()}
    assert sorted(buttons) == ["&Mở thư mục nhật ký", "&Sao chép", "Hiện chi tiết…", "Đóng"]
    assert box.defaultButton() is buttons["Đóng"]

    # the log holds the traceback, once, and counts the repeat
    text = log_text()
    assert text.count("Traceback (most recent call last)") == 1
    assert "in raiser" in text and "RuntimeError: hỏng giữa chừng" in text
    assert "the same uncaught exception again (2 times)" in text

    QApplication.clipboard().clear()
    buttons["&Sao chép"].click()
    copied = QApplication.clipboard().text()
    assert copied.startswith(MESSAGE) and str(path) in copied
    assert "RuntimeError: hỏng giữa chừng" in copied and "in raiser" in copied
    for part in ("parapp 0.1.0", "Python 3.", "Qt 6.", "PySide6 6."):
        assert part in copied
    assert box.isVisible()  # copying does not close the dialog

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    buttons["&Mở thư mục nhật ký"].click()
    assert [u.toLocalFile() for u in opened] == [str(path.parent)]
    assert box.isVisible()

    # the handler never wrote the file; what was committed is there
    assert sha256(small_demo) == before
    assert score_of(small_demo, "SYT", code)["self_points"] == value

    box.defaultButton().click()
    qtbot.waitUntil(lambda: reporter.box is None)
    assert window.isVisible() and boxes == []
    enter_self_score(qtbot, window, small_demo, "SNV")  # the window goes on working

    QTimer.singleShot(0, raiser)  # the next error: a new dialog, counted afresh
    box = shown_box(qtbot, reporter)
    assert box.informativeText() == f"Chi tiết đã được ghi vào nhật ký:\n{path}"


class _FailingThread(QThread):
    def run(self):
        raise ValueError("luồng xử lý hỏng")


@pytest.mark.parametrize("kind", ["QThread", "threading"])
def test_an_exception_on_a_worker_thread_is_logged_and_shown(qtbot, reporter, kind):
    if kind == "QThread":
        thread = _FailingThread()
        thread.setObjectName("parapp-thu")
        thread.start()
        qtbot.waitUntil(thread.isFinished)
    else:
        def fail():
            raise ValueError("luồng xử lý hỏng")
        thread = threading.Thread(target=fail, name="parapp-thu")
        thread.start()
        thread.join()
    box = shown_box(qtbot, reporter)
    assert box.thread() is QApplication.instance().thread()  # made on the GUI thread
    assert box.text() == MESSAGE and "ValueError: luồng xử lý hỏng" in box.detailedText()
    text = log_text()
    assert "uncaught exception in parapp-thu" in text and "ValueError: luồng xử lý hỏng" in text


@pytest.mark.parametrize("reporter", ["en"], indirect=True)
def test_the_dialog_speaks_english(qtbot, reporter):
    QTimer.singleShot(0, lambda: 1 / 0)
    box = shown_box(qtbot, reporter)
    assert box.text() == ("An unexpected error occurred. Saved data is not lost; the last "
                          "action may not have been carried out.")
    assert box.informativeText() == f"Details were written to the log:\n{logs.log_path()}"
    assert sorted(b.text() for b in box.buttons()) == [
        "&Copy", "&Open log folder", "Close", "Show Details..."]


def test_qt_warnings_go_to_the_log(reporter):
    qWarning("Qt cảnh báo điều gì đó")
    assert "WARNING" in log_text() and "parapp.qt: Qt cảnh báo điều gì đó" in log_text()


def test_without_a_log_the_dialog_says_to_copy(qtbot, reporter, monkeypatch, tmp_path):
    (tmp_path / "state").write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(logs, "_warned", True)  # said once on stderr: not what is tested here
    assert logs.setup() is None
    QTimer.singleShot(0, lambda: 1 / 0)
    box = shown_box(qtbot, reporter)
    assert box.informativeText() == "Không ghi được nhật ký: bấm «Sao chép» để giữ chi tiết."
    folder = next(b for b in box.buttons() if b.text() == "&Mở thư mục nhật ký")
    assert not folder.isEnabled()


# -- the window's long operations in the log ----------------------------------------------------

def test_an_import_logs_its_start_end_and_outcome(qtbot, small_demo, tmp_path, monkeypatch):
    from parapp.ui import importing
    monkeypatch.setattr(importing, "show_warning", lambda *a: None)
    window = make_window(qtbot, small_demo)
    ended = []
    assert window.import_excel("scores", tmp_path / "khong-co.xlsx", None, ended.append)
    qtbot.waitUntil(lambda: bool(ended))
    text = log_text()
    assert "start import scores (file=demo.parapp, workbook=khong-co.xlsx)" in text
    end = next(line for line in text.splitlines() if "end import scores" in line)
    assert re.search(r"end import scores: failed: .*khong-co\.xlsx.* in \d+ ms$", end)


def test_an_operation_that_fails_is_logged_with_its_traceback(qtbot, small_demo, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = make_window(qtbot, small_demo)

    def work(_job):
        raise KeyError("thiếu khóa")
    window.ops.work("Đang tạo gói cho SNV…", work)
    qtbot.waitUntil(lambda: window.ops.idle)
    assert shown == ["Lỗi không mong đợi: KeyError: 'thiếu khóa'"]  # the user gets one line
    text = log_text()
    assert "start Đang tạo gói cho SNV" in text
    assert re.search(r"ERROR .*failed Đang tạo gói cho SNV after \d+ ms\nTraceback", text)
    assert "in work" in text and "KeyError: 'thiếu khóa'" in text


@pytest.mark.parametrize("outcome", ["done", "failed"])
def test_an_answer_for_a_dialog_closed_meanwhile_is_not_an_error(qtbot, reporter, small_demo,
                                                                outcome, monkeypatch):
    """A dialog closed while its work ran on the file thread: its callbacks are dropped (they
    would reach a deleted widget: the unexpected-error box), and a failure is said in the
    window instead."""
    from PySide6.QtWidgets import QDialog, QLabel
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    window = make_window(qtbot, small_demo)
    release = threading.Event()
    dialog = QDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    label = QLabel(dialog)
    dialog.show()

    def work(_job) -> str:
        assert release.wait(30)
        if outcome == "failed":
            raise ValueError("ổ mạng mất kết nối")
        return "Đã lưu"
    heard = []
    window.ops.work("Đang lưu ánh xạ…", work, lambda text: heard.append(label.setText(text)),
                    lambda message: heard.append(label.setText(message)), owner=dialog)
    window.ops.query("Đang đọc…", lambda _store: "Đã đọc", label.setText)  # a bound method
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken_valid(label))
    release.set()
    qtbot.waitUntil(lambda: window.ops.idle)
    qtbot.wait(2 * errors.SHOW_AFTER_MS)
    assert reporter.box is None and heard == []
    assert shown == ([] if outcome == "done" else
                     [("Đang lưu ánh xạ", "Lỗi không mong đợi: ValueError: ổ mạng mất kết nối")])


def shiboken_valid(obj) -> bool:
    import shiboken6
    return shiboken6.isValid(obj)


def test_a_message_an_operation_shows_waits_with_the_file_free(qtbot, small_demo, monkeypatch):
    """The box an op's answer shows runs its own event loop; meanwhile the op is over: the
    window is not busy, and editing and undo are not held back by it."""
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: seen.append(
        (window.ops.idle, window.ops.exclusive, window.ops.status.isVisible())))
    window = make_window(qtbot, small_demo)

    def work(_job):
        raise ValueError("không ghi được")
    window.ops.work("Đang nhập…", work, exclusive=True)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(True, None, False)]
