"""Báo cáo › Thông tin văn bản…, driven offscreen: a secretary fills in the decision's number,
date and bases and the notices' signer, a wrong date is named and blocks Lưu, and what is
saved is what the documents print (read back with pdftotext). Ctrl+Z takes it back."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_helpers import open_window, settle, type_text

from parapp.core.reports.decision import build_decision
from parapp.core.reports.notice import build_notice
from parapp.core.store import Store
from parapp.ui.document_settings import DocumentSettingsDialog

pytestmark = pytest.mark.gui


def pdf_words(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


def replace_text(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_document_details_typed_saved_and_printed(qtbot, small_demo, tmp_path):
    window = open_window(qtbot, small_demo)
    window.ui.actionDocumentSettings.trigger()  # Báo cáo › Thông tin văn bản…
    dialog = window.findChild(DocumentSettingsDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Thông tin văn bản công bố"
    fields = dialog.fields
    # what the demo stored shows; an empty field shows what would be printed instead
    assert fields["decision_number"].text() == "386/QĐ-UBND"
    assert fields["decision_date"].text() == "26/02/2026"
    assert fields["legal_bases"].toPlainText() == ""
    assert fields["legal_bases"].placeholderText().startswith(
        "Căn cứ Luật Tổ chức chính quyền địa phương")
    assert fields["notice_issuer"].placeholderText() == "Sở Nội vụ"
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    # a date that does not exist: named, and Lưu is off until it is put right
    replace_text(qtbot, fields["decision_date"], "31/02/2027")
    assert not ok.isEnabled()
    assert dialog.ui.errorLabel.text() == (
        "Thiết lập 'decision_date' không hợp lệ: ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd")
    replace_text(qtbot, fields["decision_date"], "05/02/2027")
    assert ok.isEnabled() and dialog.ui.errorLabel.text() == ""
    replace_text(qtbot, fields["decision_number"], "52/QĐ-UBND")
    fields["legal_bases"].setFocus()
    type_text(qtbot, fields["legal_bases"], "Căn cứ Luật Tổ chức chính quyền địa phương;")
    qtbot.keyClick(fields["legal_bases"], Qt.Key.Key_Return)
    type_text(qtbot, fields["legal_bases"], "Căn cứ Quyết định số 12/QĐ-UBND;")
    dialog.ui.tabs.setCurrentIndex(1)
    replace_text(qtbot, fields["notice_signer_name"], "Lê Thu Trang")
    replace_text(qtbot, fields["notice_number"], "41/TB-SNV")
    fields["annex_per_block"].setChecked(True)
    assert dialog.changed() == {
        "decision_number": "52/QĐ-UBND", "decision_date": "05/02/2027",
        "legal_bases": "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
                       "Căn cứ Quyết định số 12/QĐ-UBND;",
        "annex_per_block": "true", "notice_number": "41/TB-SNV",
        "notice_signer_name": "Lê Thu Trang"}
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with Store.open(small_demo, readonly=True) as store:
        doc = store.settings().document
        assert (doc["decision_number"], doc["decision_date"], doc["legal_bases"]) == (
            "52/QĐ-UBND", "2027-02-05", ["Căn cứ Luật Tổ chức chính quyền địa phương;",
                                         "Căn cứ Quyết định số 12/QĐ-UBND;"])
        build_decision(store, tmp_path / "qd.pdf")
        build_notice(store, tmp_path / "tb.pdf", "SYT")
    text = pdf_words(tmp_path / "qd.pdf")
    assert "Số: 52/QĐ-UBND" in text and "Sơn Hà, ngày 05 tháng 02 năm 2027" in text
    assert ("Căn cứ Luật Tổ chức chính quyền địa phương; Căn cứ Quyết định số 12/QĐ-UBND; "
            "Theo đề nghị của Giám đốc Sở Nội vụ.") in text
    assert "(Phụ lục I, II, III kèm theo)" in text  # one ranking annex per block
    notice = pdf_words(tmp_path / "tb.pdf")
    assert "Số: 41/TB-SNV" in notice and "Lê Thu Trang" in notice
    # one undo step takes the whole save back
    window.undo()
    settle(qtbot, window)
    with Store.open(small_demo, readonly=True) as store:
        assert store.settings().document["decision_number"] == "386/QĐ-UBND"
