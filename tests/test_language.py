"""One interface language everywhere, in Vietnamese and in English, driven through real widgets
at 1366×768: Qt's own dialogs (message box buttons and "Show Details…", the file and print
dialogs, a field's context menu), numbers and dates (score fields, validation hints, the
"/ max" label, tables, the settings and merge dialogs), and the command line's help and usage
errors. Expected texts are written out here, never taken from the window's code.
"""
from __future__ import annotations

import argparse
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
)
from qt_helpers import open_window, settle_all
from test_gui_editing import click_criterion, click_unit

from parapp.cli import main
from parapp.core import i18n
from parapp.core.packages import export_package, load_key, new_key, seal_package
from parapp.core.store import Store
from parapp.ui import app as gui_app
from parapp.ui import report_view
from parapp.ui.merge_dialog import K_MASTER, K_THEIRS, P_SEALED, MergeDialog
from parapp.ui.unit_list import U_TOTAL

pytestmark = pytest.mark.gui

SIZE = (1366, 768)


@pytest.fixture(params=["vi", "en"])
def lang(request, qapp):
    """The interface in one language, set up as run_gui does it: the core's messages and
    numbers, parapp's translation and Qt's."""
    code = request.param
    i18n.set_language(code)
    installed = gui_app.install_translations(qapp, code)
    yield code
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.set_language(None)


def on_next_dialog(qtbot, read, kind=QDialog) -> dict:
    """Arrange for `read(dialog)` to run on the next modal dialog of `kind` once it shows, then
    close it (rejected, as Esc would); returns what `read` gave, filled in once the dialog has
    closed. (A busy machine may show an import's progress dialog first: not that one.)"""
    seen: dict = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        try:
            seen.update(read(dialog))
        finally:  # never left open: the test would wait for it forever
            dialog.reject()
    QTimer.singleShot(0, poll)
    return seen


def texts(dialog, kind) -> list[str]:
    return [w.text() for w in dialog.findChildren(kind) if w.isVisibleTo(dialog) and w.text()]


# -- Qt's own dialogs -----------------------------------------------------------------------

QT_WORDS = {
    "vi": {"buttons": ["&Có", "&Không"], "details": ["Đồng ý", "Hiện chi tiết…"],
           "labels": ["&Xem trong:", "&Tên tệp:", "&Kiểu tệp:"], "open": ["&Mở", "Hủy"],
           "menu": ["&Hoàn tác\tCtrl+Z", "&Làm lại\tCtrl+Y", "&Cắt\tCtrl+X",
                    "&Sao chép\tCtrl+C", "&Dán\tCtrl+V", "Xóa", "Chọn tất cả\tCtrl+A"],
           "print": ["&In", "Hủy", "Tùy &chọn >>", "Th&uộc tính"],
           "print_groups": {"Máy in", "Phạm vi in"}, "print_all": "In tất cả"},
    "en": {"buttons": ["&Yes", "&No"], "details": ["OK", "Show Details..."],
           "labels": ["&Look in:", "File &name:", "Files of &type:"], "open": ["&Open", "Cancel"],
           "menu": ["&Undo\tCtrl+Z", "&Redo\tCtrl+Y", "Cu&t\tCtrl+X", "&Copy\tCtrl+C",
                    "&Paste\tCtrl+V", "Delete", "Select All\tCtrl+A"],
           "print": ["&Print", "Cancel", "&Options >>", "P&roperties"],
           "print_groups": {"Printer", "Print range"}, "print_all": "Print all"},
}


def buttons(dialog) -> list[str]:
    return sorted(texts(dialog, QAbstractButton))


def test_message_boxes_and_the_file_dialog_speak_the_language(qtbot, lang, small_demo,
                                                              tmp_path):
    words = QT_WORDS[lang]
    window = open_window(qtbot, small_demo, SIZE)
    click_unit(qtbot, window, "SYT")
    click_criterion(qtbot, window, "2.4")
    editor = window.editor
    # the context menu Qt gives a text field (its right click)
    menu = editor.self_score.createStandardContextMenu()
    assert [a.text() for a in menu.actions() if a.text()] == words["menu"]
    menu.deleteLater()

    # removing an evidence file asks first: Qt's Yes / No buttons
    (tmp_path / "bien-ban.txt").write_text("Biên bản kiểm tra", encoding="utf-8")
    assert editor.add_evidence_files([tmp_path / "bien-ban.txt"]) == ["bien-ban.txt"]
    settle_all()
    editor.evidence_list.setCurrentRow(editor.evidence_list.count() - 1)
    seen = on_next_dialog(qtbot, lambda box: {"buttons": buttons(box)}, QMessageBox)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert seen["buttons"] == sorted(words["buttons"])
    listed = [editor.evidence_list.item(i).text() for i in range(editor.evidence_list.count())]
    assert any("bien-ban.txt" in name for name in listed)  # answered No: kept

    # a workbook with an error: the warning's OK and "Show Details…"
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá"])
    sheet.append(["XYZ", "2.4", 1])
    book.save(tmp_path / "loi.xlsx")
    seen = on_next_dialog(qtbot, lambda box: {"buttons": buttons(box)}, QMessageBox)
    ended = []
    assert window.import_excel("scores", tmp_path / "loi.xlsx", None, ended.append)
    qtbot.waitUntil(lambda: bool(ended) and "buttons" in seen)
    assert ended == [None] and seen["buttons"] == sorted(words["details"])

    # Tệp › Mở…: Qt's own file dialog (no native one offscreen)
    seen = on_next_dialog(qtbot, lambda d: {"labels": texts(d, QLabel),
                                            "buttons": texts(d, QAbstractButton)})
    window.ui.actionOpen.trigger()
    assert [t for t in seen["labels"] if t in words["labels"]] == words["labels"]
    assert sorted(t for t in seen["buttons"] if t in words["open"]) == sorted(words["open"])
    assert window.path == small_demo


def test_the_print_dialog_speaks_the_language(qtbot, lang, small_demo, monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo
    # a machine with a printer: without one, In… points to Lưu PDF… instead
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", lambda: ["May-in-phong-TH"])
    words = QT_WORDS[lang]
    window = open_window(qtbot, small_demo, SIZE)
    try:
        window.select_unit("SYT")
        window.ui.actionReportUnit.trigger()
        report = window.report_window
        qtbot.waitUntil(lambda: not report.building and report.pages.page_count > 0,
                        timeout=60_000)
        seen = on_next_dialog(qtbot, lambda d: {
            "buttons": texts(d, QAbstractButton),
            "groups": {g.title() for g in d.findChildren(QGroupBox)},
            "choices": [w.text() for kind in (QRadioButton, QCheckBox)
                        for w in d.findChildren(kind)]})
        report.print_button.click()
        assert set(words["print"]) <= set(seen["buttons"])
        assert words["print_groups"] <= seen["groups"]
        assert words["print_all"] in seen["choices"]
    finally:
        if window.report_window is not None:
            window.report_window.close()
        report_view.wait_for_tasks()


# -- numbers and dates ----------------------------------------------------------------------

EDITOR = {
    "vi": {"max": "/ 1,00", "meta": "Điểm tối đa: 1,00  ·  Cách chấm: Theo mức "
                                    "(1,00 / 0,50 / 0,00)",
           "typed": "0,3", "hint": "điểm phải là một trong các mức: 1,00; 0,50; 0,00",
           "stored": "0,50"},
    "en": {"max": "/ 1.00", "meta": "Max points: 1.00  ·  Scoring method: Levels "
                                    "(1.00 / 0.50 / 0.00)",
           "typed": "0.3", "hint": "points must be one of the levels: 1.00; 0.50; 0.00",
           "stored": "0.50"},
}


def test_score_fields_hints_and_max_follow_the_language(qtbot, lang, small_demo):
    words = EDITOR[lang]
    window = open_window(qtbot, small_demo, SIZE)
    editor = window.editor
    assert (editor.self_max.text(), editor.appraisal_max.text()) == ("", "")  # nothing chosen
    click_unit(qtbot, window, "SYT")
    click_criterion(qtbot, window, "2.4")
    assert editor.self_max.text() == editor.appraisal_max.text() == words["max"]
    assert editor.meta_label.text().startswith(words["meta"])

    field = editor.self_score
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, words["typed"])
    assert editor.self_error.text() == words["hint"]
    field.selectAll()
    qtbot.keyClicks(field, "0,5")  # both marks are accepted in both languages
    assert editor.commit_pending()
    # back on the leaf at once, before the file has answered: what was sent is shown
    click_criterion(qtbot, window, "2.3.2")
    click_criterion(qtbot, window, "2.4")
    assert field.text() == words["stored"]
    settle_all()
    with Store.open(small_demo, readonly=True) as store:
        assert store.score("SYT", "2.4")["self_points"] == Decimal("0.5")
    assert field.text() == words["stored"]

    # a parent criterion: not scored, so no "/ max" by the fields, its own or the leaf's
    click_criterion(qtbot, window, "2")
    assert editor.criterion_code == "2" and not editor.self_score.isEnabled()
    assert (editor.self_max.text(), editor.appraisal_max.text()) == ("", "")


def test_tables_and_the_settings_dialog_follow_the_language(qtbot, lang, small_demo):
    with Store.open(small_demo) as store, store.edit() as ed:
        ed.set_setting("bonus_cap", "2.5")
        total = store.evaluate().results[next(u.key for u in store.snapshot().units
                                              if u.code == "SYT")].total
    mark, other = (",", ".") if lang == "vi" else (".", ",")
    window = open_window(qtbot, small_demo, SIZE)
    click_unit(qtbot, window, "SYT")
    index = window.unit_view.currentIndex().siblingAtColumn(U_TOTAL)
    shown = index.data()
    whole, places = str(total.quantize(Decimal("0.01"))).split(".")
    assert shown == f"{whole}{mark}{places}" and other not in shown

    dialog = window.open_settings()
    try:
        assert dialog.bonus_cap_edit.text() == f"2{mark}5"
        assert dialog.decimals_combo.itemText(0) == {
            "vi": "2 chữ số (ví dụ 92,76)", "en": "2 digits (e.g. 92.76)"}[lang]
    finally:
        dialog.reject()


@pytest.fixture
def conflict(tmp_path):
    """A master and one member's sealed package that both changed leaf 1.1 of SYT: the
    package to 2.5, the master meanwhile to 3.25."""
    key = tmp_path / "STP.key"
    fingerprint = new_key(key)
    master = tmp_path / "chinh.parapp"
    with Store.create(master, "Tỉnh Sơn Hà", 2025) as store:
        with store.edit() as ed:
            ed.add_block("SO", "Khối sở")
            ed.add_member("STP", "Sở Tư pháp")
            ed.add_criterion("1", "Cải cách thể chế", "4", appraiser="STP")
            ed.add_criterion("1.1", "Xây dựng văn bản quy phạm pháp luật", "4", "1")
            ed.add_unit("SYT", "Sở Y tế", "SO")
            ed.set_self_score("SYT", "1.1", "4", "Đã thực hiện đầy đủ")
            ed.register_key("STP", fingerprint)
        package = export_package(store, "STP", tmp_path / "goi-STP.parapp").path
    with Store.open(package) as pkg, pkg.edit("thẩm định") as ed:
        ed.set_appraisal("SYT", "1.1", "2.5", "Chậm ban hành kế hoạch")
    seal = seal_package(package, load_key(key))
    with Store.open(master) as store, store.edit("Tổ thư ký") as ed:
        ed.set_appraisal("SYT", "1.1", "3.25", "Thiếu báo cáo quý IV")
    return master, package, seal.sealed_at


def test_the_merge_dialog_follows_the_language(qtbot, lang, conflict, monkeypatch):
    master, package, sealed_at = conflict
    dialog = MergeDialog(None, master)
    qtbot.addWidget(dialog)
    dialog.resize(*SIZE)
    dialog.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(package)], "")))
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    table = dialog.conflicts_table
    mark = "," if lang == "vi" else "."
    assert table.item(0, K_MASTER).text() == f"3{mark}25 (Thiếu báo cáo quý IV)"
    assert table.item(0, K_THEIRS).text() == f"2{mark}5 (Chậm ban hành kế hoạch)"
    sealed = datetime.fromisoformat(sealed_at).astimezone()
    shown = dialog.packages_table.item(0, P_SEALED).text()
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", shown)
    assert shown == f"{sealed:%d/%m/%Y %H:%M}"


# -- the command line -----------------------------------------------------------------------

HELP = {
    "vi": ("Cách dùng: parapp [-h] [--version] [--lang {vi,en}] [--log-level MỨC] LỆNH ...",
           ["Tham số:", "Tùy chọn:", "-h, --help hiện trợ giúp này rồi thoát",
            "--version hiện số phiên bản rồi thoát"]),
    "en": ("usage: parapp [-h] [--version] [--lang {vi,en}] [--log-level LEVEL]\n"
           "              COMMAND ...",
           ["positional arguments:", "options:",
            "-h, --help show this help message and exit",
            "--version show program's version number and exit"]),
}
RANKING_HELP = {
    "vi": ("Cách dùng: parapp ranking [-h] [--block MÃ] [--format {text,json}] TỆP",
           ["Tham số:", "TỆP tệp kỳ đánh giá (.parapp)", "Tùy chọn:",
            "-h, --help hiện trợ giúp này rồi thoát"]),
    "en": ("usage: parapp ranking [-h] [--block CODE] [--format {text,json}] FILE",
           ["positional arguments:", "FILE assessment file (.parapp)",
            "options:", "-h, --help show this help message and exit"]),
}
USAGE_ERRORS = {
    "vi": ["parapp: lỗi: thiếu tham số bắt buộc: --province (xem parapp new --help)",
           "parapp: lỗi: tham số --format: lựa chọn không hợp lệ: 'xml' (chọn một "
           "trong 'text', 'json') (xem parapp ranking --help)"],
    "en": ["parapp: error: the following arguments are required: --province (see parapp "
           "new --help)",
           "parapp: error: argument --format: invalid choice: 'xml' (choose from "
           "'text', 'json') (see parapp ranking --help)"],
}


def cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


@pytest.mark.parametrize("code", ["vi", "en"])
def test_command_line_help_and_usage_errors_in_the_language(capsys, tmp_path, code):
    flag = ["--lang", code] if code == "en" else []  # Vietnamese unless asked
    for args, (usage, lines) in (([], HELP[code]), (["ranking"], RANKING_HELP[code])):
        status, out, _ = cli(capsys, *flag, *args, "--help")
        assert status == 0
        assert out.startswith(usage + "\n")
        words = [" ".join(line.split()) for line in out.splitlines()]  # columns vary
        assert [line for line in words if line in lines] == lines
    new = cli(capsys, *flag, "new", str(tmp_path / "x.parapp"), "--year", "2025")
    ranking = cli(capsys, *flag, "ranking", str(tmp_path / "x.parapp"), "--format", "xml")
    assert [new[0], ranking[0]] == [2, 2]
    assert [new[2], ranking[2]] == [line + "\n" for line in USAGE_ERRORS[code]]
    # argparse is left as it was for everything else in the process
    assert argparse._("usage: ") == "usage: "


def test_english_counts_have_their_number(monkeypatch):
    """'1 unit', '37 units', '2 criteria': no 'unit(s)' in what the core says in English;
    Vietnamese keeps its count as it is."""
    from parapp.core.check import rule_count
    from parapp.core.interchange.xlsx import ImportFailed
    assert [i18n.count(n, "unit") for n in (0, 1, 37)] == ["0 units", "1 unit", "37 units"]
    assert i18n.count(2, "criterion", "criteria") == "2 criteria"
    monkeypatch.setattr(i18n, "_language", "en")
    assert (rule_count("not_appraised", 1), rule_count("points", 38)) == ("1 unit", "38 scores")
    assert str(ImportFailed(Path("d.xlsx"), ["Điểm!C3: x"])).splitlines()[0] == (
        "d.xlsx: 1 error, nothing was imported")
    monkeypatch.setattr(i18n, "_language", "vi")
    assert rule_count("points", 38) == "38 điểm"
