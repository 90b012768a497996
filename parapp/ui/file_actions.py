"""Tệp › Mới…, Mở…, Mở gần đây, Lưu bản sao…, Đóng: the window's file commands. Each runs on
the window's file thread (parapp.ui.operations) and shows what it gives; the document
(parapp.ui.document) does the opening and closing."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from parapp.core.errors import ParappError
from parapp.ui import importing
from parapp.ui.document import Opened, recent_files
from parapp.ui.new_period import NewPeriodDialog

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class FileActions(QObject):
    """The file commands of one window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def open_path(self, path: Path | str, done=None) -> bool:
        """Open and show a file on the file thread — writable under a lock when it can be, else
        read-only with a notice; on failure warn and keep what was shown. `done(ok)` is called
        when it has ended. False when it was not started."""
        w = self.window
        path = Path(path)
        if not w._leave_current():
            return False

        def opened(result: Opened) -> None:
            w.document.install(result)
            w._close_windows()  # they showed the file held until now
            w._show()
            if result.leftovers:
                w.statusBar().showMessage(result.leftovers, 60000)
            if result.notice:
                QMessageBox.information(w, self.tr("Mở ở chế độ chỉ xem"), result.notice)
            if done is not None:
                done(True)

        def failed(message: str) -> None:  # what was shown stays
            self._warn_open(message)
            if done is not None:
                done(False)

        w.ops.work(self.tr("Đang mở {file}…").format(file=path.name),
                   lambda _work: self._open_work(path), opened, failed, exclusive=True)
        return True

    def _open_work(self, path: Path) -> Opened:
        w = self.window
        try:
            return w.document.open_work(path)
        except ParappError:
            raise
        except Exception as err:
            raise ParappError(self.tr("{path}: không đọc được tệp ({error})").format(
                path=path, error=err)) from err

    def fill_recent(self) -> None:
        w = self.window
        w.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = w.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            w.recent_menu.addAction(self.tr("(chưa có)")).setEnabled(False)

    def choose_new(self) -> None:
        w = self.window
        folder = w.path.parent if w.path else None
        dialog = NewPeriodDialog(w, folder, w.ops)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        source = dialog.workbook or dialog.last
        folder = source.parent if source else dialog.folder
        target, _ = QFileDialog.getSaveFileName(
            w, self.tr("Lưu kỳ đánh giá mới"), str(folder / f"{dialog.year}.parapp"),
            self.tr("Tệp parapp (*.parapp)"))
        if target:
            self.new_period(Path(target), dialog.province, dialog.year, dialog.workbook,
                            dialog.last)

    def new_period(self, target: Path, province: str, year: int,
                   workbook: Path | None, last: Path | None = None) -> bool:
        """Create a period (criteria and units from `workbook`, or what carries over from last
        year's file `last`; all or nothing), off the GUI thread, and open it."""
        w = self.window
        if not w._leave_current():
            return False

        def work(_work):  # on the file thread, which imports the store and the importer
            from parapp.core.carry_over import create_from_period
            from parapp.core.interchange.importer import create_period
            from parapp.core.interchange.xlsx import ImportFailed
            if last is not None:
                create_from_period(target, last, province, year, overwrite=target.exists())
                return target
            try:
                create_period(target, province, year, workbook, overwrite=target.exists())
            except ImportFailed as err:  # every error, in the details of the box below
                return err
            return target

        def created(result) -> None:
            if not isinstance(result, Path):  # the workbook's errors
                importing.show_warning(w, self.tr("Không tạo được kỳ đánh giá"),
                                       str(result).splitlines()[0],
                                       "" if result.whole else "\n".join(result.errors))
            else:
                self.open_path(target)
        w.ops.work(self.tr("Đang tạo kỳ đánh giá…"), work, created, exclusive=True)
        return True

    def choose_save_copy(self) -> None:
        w = self.window
        if not w.document.is_open:
            return
        target, _ = QFileDialog.getSaveFileName(
            w, self.tr("Lưu bản sao"), str(w.path.with_name(f"{w.path.stem}-ban-sao.parapp")),
            self.tr("Tệp parapp (*.parapp)"))
        if target:
            self.save_copy(Path(target))

    def save_copy(self, target: Path) -> bool:
        """A consistent, self-contained copy of the open file (on the file thread)."""
        w = self.window
        if not w.document.is_open or not w.editor.leave():
            return False

        def failed(message: str) -> None:
            QMessageBox.warning(w, self.tr("Không lưu được bản sao"),
                                self.tr("{path}: {error}").format(path=target, error=message))

        def saved(_path) -> None:
            w.statusBar().showMessage(self.tr("Đã lưu bản sao: {path}").format(path=target),
                                      5000)

        def work(job):
            try:
                return job.store.save_copy(target)
            except OSError as err:
                raise ParappError(str(err)) from err
        w.ops.work(self.tr("Đang lưu bản sao…"), work, saved, failed)
        return True

    def close_file(self) -> bool:
        """Close the open file (releasing its lock); the window stays, empty."""
        w = self.window
        if not w._leave_current():
            return False
        w._close_windows()

        def closed(_none) -> None:
            w.document._forget()
            w._show_empty()
        w.ops.work(self.tr("Đang đóng tệp…"), lambda _w: w.document.close_work(), closed,
                      exclusive=True)
        return True

    def _warn_open(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Không mở được tệp"), message)

    def choose_file(self) -> None:
        w = self.window
        start = str(w.path.parent) if w.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            w, self.tr("Mở tệp đánh giá"), start,
            self.tr("Tệp parapp (*.parapp);;Mọi tệp (*)"))
        if name:
            self.open_path(name)
