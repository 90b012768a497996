"""Báo cáo in the desktop window, driven offscreen with pytest-qt: the report window opened from
the menu, its preview (pages, zoom), In…, Lưu PDF…, and Ký số… with a PKCS#12 file made at test
time and (where installed) a SoftHSM2 token. Expected values come from the PDF itself
(PDFium, pdftotext) and from `parapp.core`, never from the window's own code."""
from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from qt_helpers import open_window, type_text
from softhsm import token as softhsm_token

from parapp.core import signing
from parapp.core.criteria import Source, check_points
from parapp.core.errors import ParappError
from parapp.core.reports import annex, heads, notice
from parapp.core.reports.nd30 import signature_field
from parapp.core.store import Store
from parapp.ui import app_settings, report_view, theme
from parapp.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

PASSPHRASE = "mật khẩu-2025"
SIGNER_CN = "Nguyễn Thị Bình"
SIGNER_O = "Ủy ban nhân dân tỉnh Sơn Hà"
BUILD_MS = 60000


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFC", out).split())


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def ink(image: QImage) -> float:
    """Share of sampled pixels that are not near-white."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    dark = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            dark += (c.red() + c.green() + c.blue()) < 600
    return dark / max(total, 1)


@pytest.fixture(scope="module")
def p12(tmp_path_factory) -> Path:
    """A self-signed signing certificate in a PKCS#12 file, made now."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, SIGNER_O),
                      x509.NameAttribute(NameOID.COMMON_NAME, SIGNER_CN)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    d = tmp_path_factory.mktemp("pki")
    path = d / "ky-so.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"ky-so", key, cert, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8"))))
    (d / "key.pk8").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    (d / "cert.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    (d / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA không liên quan")])
    (d / "other.pem").write_bytes(
        x509.CertificateBuilder().subject_name(other).issuer_name(other)
        .public_key(other_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(other_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
    (d / "not-a-cert.pem").write_text("không phải chứng thư", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expired(p12) -> SimpleNamespace:
    """The same key with a certificate that expired yesterday: a PKCS#12 file, the DER, and the
    refusal parapp gives for it."""
    key = serialization.load_pem_private_key((p12.parent / "key.pk8").read_bytes(), None)
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, SIGNER_O),
                      x509.NameAttribute(NameOID.COMMON_NAME, SIGNER_CN)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=30))
            .not_valid_after(now - dt.timedelta(days=1))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    path = p12.parent / "het-han.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"het-han", key, cert, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8"))))
    (p12.parent / "het-han.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    vn = dt.timezone(dt.timedelta(hours=7))
    start, end = (d.astimezone(vn).strftime("%d/%m/%Y")
                  for d in (cert.not_valid_before_utc, cert.not_valid_after_utc))
    return SimpleNamespace(p12=path, der=p12.parent / "het-han.der", refusal=(
        f"Chứng thư số của «{SIGNER_CN}» đã hết hạn (hiệu lực từ {start} đến {end}): không ký "
        "được. Hãy gia hạn chứng thư số với đơn vị cung cấp dịch vụ chứng thực chữ ký số (CA)."))


def readable_at_1366x768(dialog) -> bool:
    hint = dialog.sizeHint()
    return hint.width() <= 1366 and hint.height() <= 768 - 80  # the title bar and task bar


@pytest.fixture
def boxes(monkeypatch):
    """Every warning box the report window shows, as (title, text)."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(report_view, "show_warning",
                        lambda parent, title, text: calls.append((title, text)))
    return calls


@pytest.fixture
def window(qtbot, small_demo, boxes):
    w = open_window(qtbot, small_demo)
    yield w
    if w.report_window is not None:
        w.report_window.close()
    report_view.wait_for_tasks()


def wait_built(qtbot, report) -> None:
    qtbot.waitUntil(lambda: not report.building and report.pdf_path is not None
                    and report.pages.page_count > 0, timeout=BUILD_MS)


def open_from_menu(qtbot, window, action) -> report_view.ReportWindow:
    assert action.isEnabled()
    action.trigger()
    report = window.report_window
    assert report is not None and report.isVisible()
    wait_built(qtbot, report)
    return report


def unit_block(path: Path, code: str) -> tuple[str, str, str]:
    """(unit name, block code, block name) from the file."""
    with Store.open(path, readonly=True) as store:
        blocks = {b.id: b for b in store.blocks()}
        unit = next(u for u in store.units() if u.code == code)
        block = blocks[unit.block_id]
        return unit.name, block.code, block.name


def year_of(path: Path) -> int:
    with Store.open(path, readonly=True) as store:
        return store.period().year


def test_report_menu_is_disabled_without_a_file(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    for action in (w.ui.actionReportAnnex, w.ui.actionReportHeads, w.ui.actionReportUnit):
        assert not action.isEnabled()
    assert w.open_report("annex") is None
    assert w.ui.menuReports.title() == "&Báo cáo"


def test_annex_opens_on_every_block_and_one_block_says_so(qtbot, window, small_demo, tmp_path):
    code = window.snapshot.units[-1].code  # a commune: the block differs from the first one
    assert window.select_unit(code)
    _name, block, block_name = unit_block(small_demo, code)
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    # the annex as published, whatever unit is selected: not a one-block part to sign
    assert report.kind == "annex" and report.scope is None
    assert report.scope_combo.currentText() == "Tất cả các khối"
    assert (report.scope_label.text(), report.scope_label.styleSheet()) == ("K&hối:", "")
    assert "— Tất cả các khối —" in report.windowTitle()
    everything = pdf_text(report.pdf_path)
    assert all(name.upper() in everything for name in (b.name for b in window.snapshot.blocks))
    old = report.pdf_path
    report.scope_combo.setCurrentIndex(report.scope_combo.findData(block))
    qtbot.waitUntil(lambda: report.pdf_path != old and not report.building, timeout=BUILD_MS)
    assert report.scope_combo.currentText() == block_name
    assert report.scope_label.text() == "Chỉ k&hối:"
    assert report.scope_label.styleSheet() == report_view.WARNING_STYLE
    assert f"— {block_name} —" in report.windowTitle()
    # the preview shows exactly the PDF's pages, and they are not blank
    assert report.pages.page_count == page_count(report.pdf_path) >= 1
    assert report.page_count_label.text() == f"/ {report.pages.page_count}"
    assert ink(report.pages.image(0)) > 0.01
    qtbot.waitUntil(lambda: ink(report.scroll.viewport().grab().toImage()) > 0.01)
    text = pdf_text(report.pdf_path)
    for line in annex.title_lines(year_of(small_demo), [block_name]):
        assert " ".join(line.split()) in text
    assert block_name.upper() in text
    assert not any(b.name.upper() in text for b in window.snapshot.blocks if b.code != block)
    assert "Báo cáo — Phụ lục xếp hạng" in report.windowTitle()
    # the preview's file lives in a private temporary folder, removed with the window
    tmp = report.pdf_path.parent
    assert tmp != small_demo.parent
    report.close()
    assert not tmp.exists()


def test_navigation_and_zoom(qtbot, window):
    window.select_unit(window.snapshot.units[0].code)
    report = open_from_menu(qtbot, window, window.ui.actionReportUnit)
    n = report.pages.page_count
    assert n > 2
    report.go_to_page(2)
    qtbot.waitUntil(lambda: report.page_spin.value() == 3)
    assert report.current_page == 2
    report.next_button.click()
    assert report.current_page == 3 and report.page_spin.value() == 4
    report.page_spin.setValue(n)
    assert report.current_page == n - 1
    width = report.pages.page_rect(0).width()
    qtbot.mouseClick(report.zoom_in_button, Qt.MouseButton.LeftButton)
    assert report.pages.page_rect(0).width() > width
    assert report.current_page == n - 1  # zoom keeps the page in view
    combo = report.zoom_combo  # 100 % chosen with the arrow keys, as a person does
    combo.setFocus()
    target = combo.findData(1.0)
    step = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, step)
    assert combo.currentIndex() == target
    assert report.pages.zoom == pytest.approx(1.0)
    assert ink(report.pages.image(n - 1)) > 0.001
    # read out by a screen reader as what they do, not as their arrows
    assert [b.accessibleName() for b in (report.prev_button, report.next_button,
                                         report.zoom_out_button, report.zoom_in_button)] == [
        "Trang trước", "Trang sau", "Thu nhỏ", "Phóng to"]
    # each Alt key to one control: the scope's and Ký số's were both K
    keys = [t.replace("&&", "").split("&")[1][0].lower() for t in (
        report.scope_label.text(), report.sign_button.text(), report.save_button.text(),
        report.print_button.text(), report.word_button.text()) if "&" in t]
    assert len(keys) == len(set(keys)) == 5, keys


def test_an_edit_marks_the_document_out_of_date(qtbot, window, small_demo, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"box {a[1:3]}"))
    with Store.open(small_demo, readonly=True) as store:
        snapshot = store.snapshot()
    unit = next(u for u in snapshot.units if u.code == "SYT")
    tree = snapshot.tree
    leaf = next(tree.nodes[k] for k in tree.preorder if tree.is_leaf(k)
                and tree.nodes[k].source is Source.SELF and k in unit.scores
                and unit.scores[k].self_points and unit.scores[k].self_points > 0
                and unit.scores[k].appraisal == unit.scores[k].self_points
                and check_points(tree.nodes[k], unit.block, Decimal(0)) is None)
    assert window.select_unit("SYT") and window.select_criterion(leaf.code)
    report = open_from_menu(qtbot, window, window.ui.actionReportUnit)
    assert report.scope == "SYT" and not report.stale_label.isVisible()
    # an appraisal lowered in the main window, with its reason, committed with Enter
    editor = window.editor
    editor.appraisal_note.setFocus()
    type_text(qtbot, editor.appraisal_note, "Thiếu biên bản kiểm tra")
    editor.appraisal_score.setFocus()
    editor.appraisal_score.selectAll()
    qtbot.keyClicks(editor.appraisal_score, "0")
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: report.stale_label.isVisible(), timeout=5000)
    assert "Làm mới" in report.stale_label.text()
    report.refresh_button.click()
    assert not report.stale_label.isVisible()
    wait_built(qtbot, report)
    assert "Thiếu biên bản kiểm tra" in pdf_text(report.pdf_path)


def test_switch_document_and_unit(qtbot, window, small_demo):
    first = window.snapshot.units[0].code
    window.select_unit(first)
    report = open_from_menu(qtbot, window, window.ui.actionReportHeads)
    text = pdf_text(report.pdf_path)
    for line in heads.title_lines(year_of(small_demo)):
        assert " ".join(line.split()) in text
    # Văn bản › Thông báo kết quả: the unit selected in the main window
    old = report.pdf_path
    report.kind_combo.setCurrentIndex(report_view.KINDS.index("unit"))
    qtbot.waitUntil(lambda: report.pdf_path != old and not report.building, timeout=BUILD_MS)
    assert report.scope == first
    name, _block, _ = unit_block(small_demo, first)
    text = pdf_text(report.pdf_path)
    assert name in text
    for line in notice.title_lines(year_of(small_demo), name):
        assert " ".join(line.split()) in text
    assert not old.exists()  # the replaced preview file is removed
    # another unit
    other = window.snapshot.units[5].code
    old = report.pdf_path
    report.scope_combo.setCurrentIndex(report.scope_combo.findData(other))
    qtbot.waitUntil(lambda: report.pdf_path != old and not report.building, timeout=BUILD_MS)
    assert unit_block(small_demo, other)[0] in pdf_text(report.pdf_path)
    assert report.pages.page_count == page_count(report.pdf_path)


def test_save_as_pdf(qtbot, window, small_demo, tmp_path, monkeypatch, boxes):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    target = tmp_path / "out" / "phu-luc"
    target.parent.mkdir()
    offered = []

    def fake_save(parent, title, start, filters):
        offered.append(start)
        return str(target), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    report.save_button.click()
    assert not report.save_button.isEnabled()  # written on its own thread, once at a time
    qtbot.waitUntil(lambda: report.saving is None)
    saved = target.with_name("phu-luc.pdf")  # .pdf added
    assert saved.is_file() and report.save_button.isEnabled()
    assert report.statusBar().currentMessage() == f"Đã lưu {saved}"
    assert offered[0].endswith(".pdf") and "phu-luc-xep-hang" in offered[0]
    assert saved.read_bytes() == report.pdf_path.read_bytes()
    text = pdf_text(saved)
    every_block = [b.name for b in window.snapshot.blocks]  # the annex as published: all
    for line in annex.title_lines(year_of(small_demo), every_block):
        assert " ".join(line.split()) in text
    # a folder that cannot be written: one clear message, no traceback
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "khong-co" / "x.pdf"), ""))
    report.save_pdf()
    qtbot.waitUntil(lambda: report.saving is None)
    assert boxes == [("Không lưu được", f"{tmp_path / 'khong-co' / 'x.pdf'}: không ghi được tệp "
                                         "(No such file or directory)")]
    assert sorted(p.name for p in saved.parent.iterdir()) == ["phu-luc.pdf"]  # nothing half


def test_print_renders_every_page(qtbot, window, tmp_path):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    assert report.print_to(printer) == report.pages.page_count
    assert page_count(out) == report.pages.page_count
    pdf = pdfium.PdfDocument(str(out))
    w, h = pdf.get_page_size(0)
    assert w > h  # the landscape annex prints landscape
    gray = pdf[0].render(scale=0.5).to_pil().convert("L")
    pdf.close()
    assert sum(gray.histogram()[:200]) > 0.01 * gray.width * gray.height  # ink was printed
    # a page range
    printer2 = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "in2.pdf"))
    printer2.setPrintRange(QPrinter.PrintRange.PageRange)
    printer2.setFromTo(2, 2)
    assert report.print_to(printer2) == 1
    assert page_count(tmp_path / "in2.pdf") == 1


def test_print_button_goes_through_the_print_dialog(qtbot, window, tmp_path, monkeypatch,
                                                   boxes):
    report = open_from_menu(qtbot, window, window.ui.actionReportUnit)
    out = tmp_path / "qua-hop-thoai.pdf"
    seen = {}
    # a machine without printers: told to save the PDF, no dialog
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", lambda: [])
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest.fail("a print dialog"))
    report.print_button.click()
    assert boxes == [("Không có máy in", "Máy này chưa có máy in nào. Để có tệp PDF của văn "
                                         "bản, dùng Lưu PDF… (Ctrl+S).")]
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", lambda: ["May-in-phong-TH"])

    def fake_exec(dialog):  # the user picks pages 2-3 (a PDF file stands in for the paper)
        printer = dialog.printer()
        seen.update(name=printer.docName(), lo=dialog.minPage(), hi=dialog.maxPage(),
                    landscape=printer.pageLayout().orientation()
                    == QPageLayout.Orientation.Landscape,
                    to_file=dialog.testOption(QPrintDialog.PrintDialogOption.PrintToFile))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(96)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    report.print_button.click()
    # no "print to file": a picture of the pages where Lưu PDF… gives the document itself
    assert seen == {"name": report.base_name(), "lo": 1, "hi": report.pages.page_count,
                    "landscape": True, "to_file": False}
    assert page_count(out) == 2
    # cancelled: nothing printed
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    out.unlink()
    report.print_button.click()
    assert not out.exists()


def test_build_failure_is_a_clear_message(qtbot, window, monkeypatch):
    def broken(*_args):
        raise ParappError("Không tạo được văn bản thử nghiệm", "Test failure")
    monkeypatch.setattr(report_view, "build_report", broken)
    window.ui.actionReportAnnex.trigger()
    report = window.report_window
    qtbot.waitUntil(lambda: report.error is not None, timeout=BUILD_MS)
    assert report.error == "Không tạo được văn bản thử nghiệm"
    assert report.banner.isVisible() and "thử nghiệm" in report.banner.text()
    assert "Traceback" not in report.banner.text()
    assert not report.save_button.isEnabled() and not report.sign_button.isEnabled()


def test_closing_the_file_or_the_window_mid_build(qtbot, window, small_demo):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    tmp = report.pdf_path.parent
    shown = report.pdf_path
    # Hủy drops the document being built; the one shown stays
    report.rebuild()
    assert report.building and report.cancel_button.isVisible()
    assert not report.sign_button.isEnabled()  # not on a document about to be replaced
    report.cancel_button.click()
    qtbot.waitUntil(lambda: not report.building, timeout=BUILD_MS)
    assert report.pdf_path == shown and report.status.text() == "Đã hủy"
    assert sorted(tmp.iterdir()) == [shown]  # the dropped build's file is removed
    assert report.sign_button.isEnabled()
    report.rebuild()
    assert report.building
    report.close()  # while building: the worker finishes alone, nothing is shown
    assert not tmp.exists()
    report_view.wait_for_tasks()
    qtbot.wait(50)
    assert report.pdf_path is None and not tmp.exists()
    # opened again from the menu: a fresh window on the same file
    again = open_from_menu(qtbot, window, window.ui.actionReportHeads)
    assert again is not report and again.kind == "heads"
    tmp = again.pdf_path.parent
    # closing the file closes its report window and removes its files
    assert window.close_file()
    assert window.report_window is None and not tmp.exists()
    assert not window.ui.actionReportAnnex.isEnabled()


def sign_dialog(qtbot, report, tmp_path, p12: Path, out_name: str = "ky.pdf"):
    report.sign_button.click()
    dialog = report.sign_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.p12_radio.setChecked(True)
    dialog.p12_edit.setText(str(p12))
    assert dialog.output_edit.text().endswith("-da-ky.pdf")
    out = tmp_path / out_name
    dialog.output_edit.setText(str(out))
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password
    return dialog, out


def test_sign_with_pkcs12_then_verify(qtbot, window, tmp_path, p12, monkeypatch, boxes):
    report = open_from_menu(qtbot, window, window.ui.actionReportDecision)
    built = report.pdf_path
    field = signing.SIGNATURE_FIELD
    n = report.pages.page_count
    box = signature_field(built)  # the report's own empty field
    unsigned = built.read_bytes()
    before = report.pages.image(box.page)
    dialog, out = sign_dialog(qtbot, report, tmp_path, p12)
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.signed is not None, timeout=BUILD_MS)
    assert report.sign_dialog is None  # closed after signing
    # the output verifies, independently of the window
    [check] = signing.verify_pdf(out)
    assert check.ok and check.field_name == field
    assert check.signer.common_name == SIGNER_CN
    # the preview now shows the signed PDF, with its stamp
    assert report.pdf_path == out and report.pages.page_count == n == page_count(out)
    assert report.signed.result.page == box.page + 1
    assert report.pages.image(box.page) != before  # the stamp is drawn
    assert report.banner.isVisible() and "Nguyên vẹn" in report.banner.text()  # no roots
    assert SIGNER_CN in report.banner.text()
    # the demo's document names its own signer: signed, and the difference said twice
    with Store.open(window.path, readonly=True) as store:
        printed = store.settings().document["signer_name"]
    warning = (f"Lưu ý: chứng thư số là của «{SIGNER_CN}», còn văn bản ghi người ký «{printed}»; "
               "hãy kiểm tra trước khi gửi đi")
    assert boxes == [("Người ký khác tên trên văn bản", warning)]
    assert warning in report.banner.text().splitlines()
    assert "(đã ký số)" in report.windowTitle()
    assert out.read_bytes().startswith(unsigned)  # an incremental update of the report
    assert not built.exists()  # the unsigned preview file is dropped
    # the passphrase is nowhere: not in the field, not in the settings file
    values = [str(app_settings().value(k)) for k in app_settings().allKeys()]
    assert PASSPHRASE not in values
    assert PASSPHRASE not in Path(app_settings().fileName()).read_text(encoding="utf-8")
    assert app_settings().value("signing/pkcs12") == str(p12)  # where the key is: kept
    # Lưu PDF… now saves the signed document, which still verifies
    copy = tmp_path / "ban-sao.pdf"
    assert report.save_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(copy), ""))
    report.save_button.click()
    qtbot.waitUntil(lambda: report.saving is None)
    assert copy.read_bytes() == out.read_bytes()
    assert signing.verify_pdf(copy)[0].ok


def test_wrong_passphrase_shows_the_message_and_writes_nothing(qtbot, window, tmp_path, p12):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    shown = report.pdf_path
    dialog, out = sign_dialog(qtbot, report, tmp_path, p12)
    type_text(qtbot, dialog.passphrase_edit, "sai-mat-khau")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=BUILD_MS)
    assert "sai mật khẩu" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.isVisible()  # the user can try again
    assert dialog.passphrase_edit.text() == ""
    assert not out.exists()
    assert not any(p.name.startswith(".ky.pdf") for p in tmp_path.iterdir())
    assert report.signed is None and report.pdf_path == shown
    # the right passphrase then signs
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: report.signed is not None, timeout=BUILD_MS)
    assert signing.verify_pdf(out)[0].ok


def test_sign_dialog_refuses_the_source_as_output(qtbot, window, tmp_path, p12):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    dialog, _out = sign_dialog(qtbot, report, tmp_path, p12)
    dialog.output_edit.setText(str(report.pdf_path))
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.busy  # the paths are checked off the GUI thread (the folder: a share maybe)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.isVisible() and "khác tệp gốc" in dialog.message.text()
    dialog.reject()


def test_an_existing_output_is_replaced_only_when_the_signer_says_so(qtbot, window, tmp_path,
                                                                    p12, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    dialog, out = sign_dialog(qtbot, report, tmp_path, p12)
    out.write_bytes(b"%PDF- ban cu")
    asked = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text)
                        or next(answers))
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert asked == [f"Tệp {out} đã có. Ghi đè?"] and out.read_bytes() == b"%PDF- ban cu"
    assert dialog.isVisible() and dialog.passphrase_edit.text() == ""  # asked again
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.signed, timeout=BUILD_MS):
        dialog.ok_button.click()
    assert len(asked) == 2 and signing.verify_pdf(out)[0].ok


def test_a_certificate_that_may_not_sign_is_refused(qtbot, window, tmp_path, p12, expired):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    shown = report.pdf_path
    unsigned = shown.read_bytes()
    dialog, out = sign_dialog(qtbot, report, tmp_path, expired.p12)
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=BUILD_MS)
    assert dialog.message.text() == expired.refusal
    assert dialog.message.styleSheet() == theme.ERROR_STYLE
    assert not dialog.ok_button.isEnabled()  # not again with this file
    assert dialog.isVisible() and readable_at_1366x768(dialog)
    assert not out.exists() and not any(p.name.startswith(".ky.pdf") for p in tmp_path.iterdir())
    assert report.signed is None and report.pdf_path == shown
    assert shown.read_bytes() == unsigned
    # another key file: Ký again, the refusal gone
    dialog.p12_edit.setText(str(p12))
    assert dialog.ok_button.isEnabled() and not dialog.message.isVisible()
    dialog.reject()


def sign_with_roots(qtbot, report, tmp_path, p12, roots: str, name: str):
    dialog, out = sign_dialog(qtbot, report, tmp_path, p12, name)
    dialog.trust_edit.setText(roots)
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=BUILD_MS)
    return dialog, out


def test_verification_against_trusted_roots(qtbot, window, tmp_path, p12):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    # a root file that is not a certificate: refused before signing, nothing written
    dialog, out = sign_with_roots(qtbot, report, tmp_path, p12,
                                  str(p12.parent / "not-a-cert.pem"), "a.pdf")
    assert "không phải chứng thư số" in dialog.message.text() and not out.exists()
    assert report.signed is None
    # the signer's own certificate as the root: trusted
    dialog.trust_edit.setText(str(p12.parent / "cert.pem"))
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: report.signed is not None, timeout=BUILD_MS)
    assert "Hợp lệ: " in report.banner.text()
    assert "chứng thư số được tin cậy" in report.banner.text()
    assert report.banner.styleSheet() == report_view.OK_BANNER
    assert app_settings().value("signing/trust_roots") == str(p12.parent / "cert.pem")
    # an unrelated root: signed, but the check says it is not trusted, in red
    dialog, out = sign_with_roots(qtbot, report, tmp_path, p12,
                                  str(p12.parent / "other.pem"), "b.pdf")
    qtbot.waitUntil(lambda: report.pdf_path == out, timeout=BUILD_MS)
    # the shown PDF was the signed one: this is a second signature on it
    assert len(report.signed.reports) == 2
    assert all(r.trusted is False and not r.ok for r in report.signed.reports)
    assert "KHÔNG được tin cậy" in report.banner.text()
    assert report.banner.styleSheet() == report_view.BAD_BANNER


def _status(state: signing.PinState, label: str = "Token A") -> signing.TokenStatus:
    return signing.TokenStatus(slot=0, label=label, serial="0001", manufacturer="Hãng",
                               model="USB", pin_state=state,
                               protected_authentication_path=False)


def test_pin_warning_comes_before_the_pin(qtbot, window, tmp_path, monkeypatch):
    """The token's PIN state is shown when the token is chosen; a locked token is refused."""
    states = [_status(signing.PinState.FINAL_TRY, "Sắp khóa"),
              _status(signing.PinState.LOCKED, "Đã khóa"), _status(signing.PinState.OK, "Tốt")]
    monkeypatch.setattr(signing, "list_tokens", lambda library: states)
    library = tmp_path / "libtoken.so"
    library.write_bytes(b"")
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    report.sign_button.click()
    dialog = report.sign_dialog
    dialog.p11_radio.setChecked(True)
    dialog.library_edit.setText(str(library))
    dialog.find_tokens()
    qtbot.waitUntil(lambda: dialog.token_combo.count() == 3, timeout=BUILD_MS)
    dialog.token_combo.setCurrentIndex(0)
    assert dialog.pin_warning.isVisible()
    assert "Còn một lần nhập PIN cuối cùng" in dialog.pin_warning.text()
    assert dialog.pin_edit.isEnabled() and dialog.ok_button.isEnabled()
    dialog.token_combo.setCurrentIndex(1)
    assert "đã bị khóa" in dialog.pin_warning.text()
    assert not dialog.pin_edit.isEnabled() and not dialog.ok_button.isEnabled()
    dialog.token_combo.setCurrentIndex(2)
    assert not dialog.pin_warning.isVisible() and dialog.ok_button.isEnabled()
    dialog.reject()


# -- a real PKCS#11 token: SoftHSM2 ---------------------------------------------------------------

TOKEN_LABEL = "Parapp GUI"
EXPIRED_TOKEN = "Parapp GUI hết hạn"
USER_PIN = "1357"


@pytest.fixture(scope="module")
def softhsm(p12, expired, tmp_path_factory):
    with softhsm_token(tmp_path_factory.mktemp("softhsm"), TOKEN_LABEL, USER_PIN,
                       p12.parent / "key.pk8", p12.parent / "cert.der",
                       more=[(EXPIRED_TOKEN, p12.parent / "key.pk8", expired.der)]) as token:
        yield token


def test_a_token_whose_certificate_expired_is_refused_before_the_pin(qtbot, window, softhsm,
                                                                     expired):
    report = open_from_menu(qtbot, window, window.ui.actionReportAnnex)
    report.sign_button.click()
    dialog = report.sign_dialog
    dialog.p11_radio.setChecked(True)
    dialog.library_edit.setText(softhsm.lib)
    dialog.find_tokens()
    qtbot.waitUntil(lambda: dialog.token_combo.count() == 2, timeout=BUILD_MS)
    dialog.token_combo.setCurrentIndex(dialog.token_combo.findData(EXPIRED_TOKEN))
    assert dialog.pin_warning.isVisible() and dialog.pin_warning.text() == expired.refusal
    assert dialog.pin_warning.styleSheet() == theme.ERROR_STYLE
    assert not dialog.pin_edit.isEnabled() and not dialog.ok_button.isEnabled()
    assert readable_at_1366x768(dialog)
    dialog.token_combo.setCurrentIndex(dialog.token_combo.findData(TOKEN_LABEL))
    assert not dialog.pin_warning.isVisible()
    assert dialog.pin_edit.isEnabled() and dialog.ok_button.isEnabled()
    dialog.reject()


def test_sign_with_a_softhsm_token(qtbot, window, tmp_path, softhsm):
    report = open_from_menu(qtbot, window, window.ui.actionReportHeads)
    report.sign_button.click()
    dialog = report.sign_dialog
    dialog.p11_radio.setChecked(True)
    dialog.library_edit.setText(softhsm.lib)
    dialog.find_tokens()
    qtbot.waitUntil(lambda: dialog.token_combo.findData(TOKEN_LABEL) >= 0, timeout=BUILD_MS)
    dialog.token_combo.setCurrentIndex(dialog.token_combo.findData(TOKEN_LABEL))
    out = tmp_path / "token.pdf"
    dialog.output_edit.setText(str(out))
    # no PIN: asked for, the token is not tried
    dialog.ok_button.click()
    assert "Nhập mã PIN" in dialog.message.text() and not dialog.busy
    # a wrong PIN: the token's message, nothing written
    type_text(qtbot, dialog.pin_edit, "0000")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=BUILD_MS)
    assert "Sai mã PIN" in dialog.message.text() and not out.exists()
    type_text(qtbot, dialog.pin_edit, USER_PIN)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: report.signed is not None, timeout=BUILD_MS)
    [check] = signing.verify_pdf(out)
    assert check.ok and check.signer.common_name == SIGNER_CN
    assert report.pdf_path == out and "Nguyên vẹn" in report.banner.text()
    values = [str(app_settings().value(k)) for k in app_settings().allKeys()]
    assert USER_PIN not in values  # the PIN is never kept
    assert app_settings().value("signing/pkcs11_lib") == softhsm.lib
