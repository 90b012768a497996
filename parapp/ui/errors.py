"""Unexpected errors in the window: logged with their traceback, told to the user in one dialog.

`install(app)` catches what no code of parapp caught: an exception raised in a slot or an event
handler (PySide hands it to `sys.excepthook` and goes on), in a QThread's `run` (the same, on
that thread) or in a Python thread (`threading.excepthook`); and routes Qt's own warnings into
the log. Each error is logged at once, on whatever thread it happened; the dialog is shown on the
GUI thread shortly after the first one and takes in those that follow while it is open (a paint
event that fails does so on every repaint: one dialog, not hundreds).

The dialog never touches the open file: parapp writes through SQLite transactions, so what was
committed stays and the edit that failed was rolled back. The window stays open and usable.
Modelled on Anki's aqt/errors.py (a short message, the details copyable for a report).
"""
from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from parapp import __version__, logs
from parapp.core.i18n import language

log = logging.getLogger(__name__)
qt_log = logging.getLogger("parapp.qt")

SHOW_AFTER_MS = 200  # a burst of errors (one failure, then its consequences) makes one dialog
MAX_SHOWN = 10  # distinct tracebacks in the details; later ones are counted only
QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}


def versions() -> str:
    """What a bug report needs to know about this installation."""
    return (f"parapp {__version__}; Python {platform.python_version()}; Qt {qVersion()} "
            f"(PySide6 {PySide6.__version__}); {platform.platform()}; {language()}")


class ErrorReporter(QObject):
    """Logs uncaught exceptions (any thread) and shows them in one dialog (GUI thread)."""

    arrived = Signal(str)  # a traceback; queued, so the dialog is made on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}  # traceback → times logged so far
        self.tracebacks: list[str] = []  # distinct, for the dialog being shown (or about to be)
        self.count = 0  # errors since the dialog was last closed
        self.box: QMessageBox | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self._show)
        self.arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple = ()

    # -- any thread ---------------------------------------------------------------------------

    def report(self, exc_type, exc, tb) -> None:
        """Log the exception and have the dialog show it (safe from any thread)."""
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        with self._lock:
            times = self._seen[text] = self._seen.get(text, 0) + 1
        if times == 1:  # a QThread's name: Python sees it as "Dummy-1"
            log.error("uncaught exception in %s", QThread.currentThread().objectName()
                      or threading.current_thread().name, exc_info=(exc_type, exc, tb))
        elif times & (times - 1) == 0:  # 2, 4, 8…: a failure in a loop does not fill the log
            log.error("the same uncaught exception again (%d times): %s: %s", times,
                      exc_type.__name__, exc)
        self.arrived.emit(text)

    def _excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal: Python's way
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb)

    def _thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:  # how a thread ends on purpose
            return
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    @staticmethod
    def _qt_message(mode: QtMsgType, _context, message: str) -> None:
        qt_log.log(QT_LEVELS.get(mode, logging.WARNING), "%s", message)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook,
                          qInstallMessageHandler(self._qt_message))
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        """Restore the hooks `install` replaced (tests)."""
        if self._previous:
            sys.excepthook, threading.excepthook, qt_handler = self._previous
            qInstallMessageHandler(qt_handler)
            self._previous = ()

    # -- GUI thread ---------------------------------------------------------------------------

    @Slot(str)
    def _collect(self, text: str) -> None:
        self.count += 1
        if text not in self.tracebacks and len(self.tracebacks) < MAX_SHOWN:
            self.tracebacks.append(text)
        if self.box is not None:
            self._fill(self.box)
        elif not self._timer.isActive():
            self._timer.start()

    def message(self) -> str:
        return self.tr("Đã xảy ra lỗi không mong đợi. Dữ liệu đã ghi không bị mất; thao tác vừa "
                       "rồi có thể chưa được thực hiện.")

    def _informative(self) -> str:
        path = logs.log_path()
        lines = [self.tr("Lỗi đã xảy ra {n} lần.").format(n=self.count)] if self.count > 1 else []
        lines.append(self.tr("Chi tiết đã được ghi vào nhật ký:\n{path}").format(path=path)
                     if path else
                     self.tr("Không ghi được nhật ký: bấm «Sao chép» để giữ chi tiết."))
        return "\n".join(lines)

    def _fill(self, box: QMessageBox) -> None:
        box.setInformativeText(self._informative())
        box.setDetailedText("\n".join(self.tracebacks))

    def details(self) -> str:
        """What «Sao chép» copies: the message, versions, the log's place and the tracebacks."""
        return "\n".join([self.message(), self._informative(), versions(), "",
                          *self.tracebacks])

    @Slot()
    def _show(self) -> None:
        while QApplication.overrideCursor() is not None:  # a slot that failed midway left it
            QApplication.restoreOverrideCursor()
        box = QMessageBox(QMessageBox.Icon.Critical, "parapp", self.message())
        box.setWindowModality(Qt.WindowModality.ApplicationModal)  # above any modal dialog
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = self._action(box, self.tr("&Sao chép"), self.copy)
        self.folder_button = self._action(box, self.tr("&Mở thư mục nhật ký"),
                                          self.open_log_folder)
        self.folder_button.setEnabled(logs.log_path() is not None)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
        box.finished.connect(self._closed)
        self._fill(box)
        self.box = box
        box.show()  # not exec(): the excepthook may be deep in another event loop

    @staticmethod
    def _action(box: QMessageBox, text: str, slot):
        button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
        button.clicked.disconnect()  # a message box closes on any button: not on these
        button.clicked.connect(slot)
        return button

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    @Slot()
    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs.log_dir())))

    @Slot()
    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None
        self.tracebacks.clear()
        self.count = 0


def install(app: QCoreApplication) -> ErrorReporter:
    """Catch the window's uncaught exceptions from now on (see the module's docstring)."""
    reporter = ErrorReporter(app)  # a child of the application: on the GUI thread, as long
    reporter.install()
    return reporter
