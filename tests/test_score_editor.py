"""The score editor for one leaf of one unit, driven offscreen with pytest-qt.

Expected values come from the store (a fresh read-only open) and `fmt`, never
from the editor's own code. "Nothing written" is checked on the file's bytes.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QImage,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from qt_helpers import settle_all, type_text

from parapp.core.criteria import Method, Source, check_points, points_from_measure
from parapp.core.numbers import fmt
from parapp.core.store import Store
from parapp.ui import evidence_panel
from parapp.ui.document import Document
from parapp.ui.evidence_panel import temp_file_name
from parapp.ui.operations import Operations, period_changes
from parapp.ui.score_editor import ScoreEditor

pytestmark = pytest.mark.gui

UNIT = "SYT"
HINT = "Cần ghi lý do khi điểm thẩm định khác điểm tự đánh giá"


def sha(path: Path) -> str:
    settle_all()  # what is being written is written
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh_score(path: Path, unit: str, code: str):
    """(LeafScore, appraisal note) as stored, from a fresh read-only open and plain SQL, once
    the editor's writes have ended."""
    settle_all()
    with Store.open(path, readonly=True) as store:
        snap = store.snapshot()
        node = snap.tree.by_code[code]
        score = next(u for u in snap.units if u.code == unit).scores.get(node.key)
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT s.appraisal_note, s.explanation FROM score s JOIN unit u ON u.id = s.unit_id "
            "JOIN criterion c ON c.id = s.criterion_id WHERE u.code = ? AND c.code = ? "
            "AND s.deleted = 0", (unit, code)).fetchone()
    finally:
        con.close()
    return score, (row[0] if row else ""), (row[1] if row else "")


def leaves(store: Store, unit: str, predicate):
    """Self-scored leaves of the unit's block, with their stored scores, that match."""
    snap = store.snapshot()
    u = next(u for u in snap.units if u.code == unit)
    for key in snap.tree.preorder:
        node = snap.tree.nodes[key]
        if snap.tree.is_leaf(key) and node.max_for(u.block) > 0 \
                and predicate(node, u.block, u.scores.get(key)):
            yield node, u.block, u.scores.get(key)


def plain_leaf(store: Store):
    """A manual/proportional leaf, max ≥ 1, appraisal equal to self (no note needed yet)."""
    return next(leaves(store, UNIT, lambda n, b, s: n.source is Source.SELF
                       and n.method in (Method.MANUAL, Method.PROPORTIONAL)
                       and n.max_for(b) >= 1 and s is not None and s.self_points is not None
                       and s.self_points not in (Decimal("0.75"), Decimal("0.5"))
                       and s.appraisal == s.self_points))


def shown(value: Decimal | None) -> str:
    """A stored score as the editor shows it: exact, with at least the demo's two decimals."""
    from parapp.core.numbers import canonical
    if value is None:
        return ""
    whole, _, decimals = canonical(value).partition(".")
    return f"{whole},{decimals.ljust(2, '0')}"


def test_a_stored_score_shows_the_periods_decimals_and_never_loses_one():
    from parapp.ui.score_fields import shown_points
    assert [shown_points(Decimal(v), 2) for v in ("0.5", "2", "0.425", "1.5000", "0")] == [
        "0,50", "2,00", "0,425", "1,50", "0,00"]
    assert shown_points(None, 2) == "" and shown_points(Decimal("0.5"), 0) == "0,5"


@pytest.fixture
def store(small_demo):
    s = Store.open(small_demo)
    yield s
    s.close()


class Host(QWidget):
    """What the window gives the editor: the open document and the operations on its file."""

    def __init__(self, path: Path):
        super().__init__()
        self.document = Document(self)
        self.document.install(self.document.open_work(path))
        self.ops = Operations(self, lambda: self.document.store, self.document.apply)
        # the window's one reaction to a change: the editor shows the unit's data afresh
        self.ops.changed.connect(lambda changes: self.editor.reload() if changes.period
                                 else self.editor.stored_changed())
        self.editor: ScoreEditor | None = None

    def close_file(self) -> None:
        settle_all()
        self.document.close()
        self.ops.shutdown()


@pytest.fixture
def host(qtbot, small_demo, store):
    h = Host(small_demo)
    qtbot.addWidget(h)
    yield h
    h.close_file()


class Signals(dict):
    """The editor's signals as received, read once its writes have ended."""

    def __getitem__(self, key):
        settle_all()
        return super().__getitem__(key)


@pytest.fixture
def editor(qtbot, host):
    w = ScoreEditor()
    w.attach(host.document, host.ops)
    host.editor = w
    qtbot.addWidget(w)
    w.resize(900, 640)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def signals(editor):
    committed, next_, evidence = [], [], []
    editor.committed.connect(lambda *a: committed.append(a))
    editor.next_requested.connect(lambda: next_.append(True))
    editor.evidence_changed.connect(lambda *a: evidence.append(a))
    return Signals(committed=committed, next=next_, evidence=evidence)




def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, text)


# -- scores ------------------------------------------------------------------------------------

def test_header_shows_code_name_max_method_and_evidence_rule(editor, store):
    node, block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    assert node.code in editor.title_label.text() and node.name in editor.title_label.text()
    meta = editor.meta_label.text()
    assert f"Điểm tối đa: {fmt(node.max_for(block), 2, comma=True)}" in meta
    assert node.method.label in meta
    assert ("Bắt buộc có tài liệu kiểm chứng" if node.evidence_required
            else "Không bắt buộc tài liệu kiểm chứng") in meta
    assert editor.self_box.title() == "Đơn vị tự đánh giá"
    assert editor.appraisal_box.title() == "Hội đồng thẩm định"


def test_appraisal_with_note_commits_and_signals(qtbot, editor, store, signals, small_demo):
    node, _block, score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    assert editor.appraisal_score.text() == shown(score.appraisal)
    note = "Thiếu biên bản kiểm tra"
    editor.appraisal_note.setFocus()
    type_text(qtbot, editor.appraisal_note, note)
    retype(qtbot, editor.appraisal_score, "0,75")
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)

    stored, stored_note, _ = fresh_score(small_demo, UNIT, node.code)
    assert stored.appraisal == Decimal("0.75")
    assert stored_note == note
    assert (UNIT, node.code, "appraisal_points", score.appraisal, Decimal("0.75")) \
        in signals["committed"]
    assert (UNIT, node.code, "appraisal_note", "", note) in signals["committed"]
    assert signals["next"] == [True]
    assert editor.appraisal_score.text() == "0,75"
    assert not editor.reason_hint.isVisible()


def test_appraisal_differing_without_note_is_refused(qtbot, editor, store, signals, small_demo):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    before = sha(small_demo)
    retype(qtbot, editor.appraisal_score, "0,5")
    assert editor.reason_hint.isVisible() and editor.reason_hint.text() == HINT
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)
    editor.commit_pending()  # leaving the field does not sneak it in either
    assert sha(small_demo) == before
    assert editor.reason_hint.isVisible()
    assert editor.appraisal_score.text() == "0,5"  # the user's text is kept
    assert signals["committed"] == [] and signals["next"] == []
    assert editor.has_pending_changes()

    # once the reason is given, leaving the note commits points and note in one action
    editor.appraisal_note.setFocus()
    type_text(qtbot, editor.appraisal_note, "Chưa đủ hồ sơ")
    assert not editor.reason_hint.isVisible()
    assert editor.commit_pending()
    stored, stored_note, _ = fresh_score(small_demo, UNIT, node.code)
    assert (stored.appraisal, stored_note) == (Decimal("0.5"), "Chưa đủ hồ sơ")
    fields = [c[2] for c in signals["committed"]]
    assert fields == ["appraisal_note", "appraisal_points"]  # text first: undo points first


def test_above_max_is_refused_inline_and_esc_reverts(qtbot, editor, store, signals,
                                                     small_demo):
    node, block, score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    before = sha(small_demo)
    retype(qtbot, editor.self_score, "99")
    expected = f"điểm vượt điểm tối đa {fmt(node.max_for(block), 2, comma=True)}"
    assert check_points(node, block, Decimal(99)) == expected  # the rule's own words
    assert editor.self_error.isVisible() and editor.self_error.text() == expected
    qtbot.keyClick(editor.self_score, Qt.Key.Key_Return)
    assert sha(small_demo) == before and signals["committed"] == [] and signals["next"] == []
    qtbot.keyClick(editor.self_score, Qt.Key.Key_Escape)
    assert editor.self_score.text() == shown(score.self_points)
    assert not editor.self_error.isVisible()
    assert sha(small_demo) == before


def test_self_score_accepts_point_and_comma_exactly(qtbot, editor, store, signals, small_demo):
    node, _block, score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    retype(qtbot, editor.self_score, "0.9")
    qtbot.keyClick(editor.self_score, Qt.Key.Key_Enter)
    assert fresh_score(small_demo, UNIT, node.code)[0].self_points == Decimal("0.9")
    assert editor.self_score.text() == "0,90"
    retype(qtbot, editor.self_score, "0,8125")
    qtbot.keyClick(editor.self_score, Qt.Key.Key_Return)
    assert fresh_score(small_demo, UNIT, node.code)[0].self_points == Decimal("0.8125")
    assert [c[2:] for c in signals["committed"]] == [
        ("self_points", score.self_points, Decimal("0.9")),
        ("self_points", Decimal("0.9"), Decimal("0.8125"))]
    # the appraisal (unchanged) is now above the self score and differs without a reason
    assert editor.above_self_warning.isVisible() and editor.reason_hint.isVisible()
    # letters never get in; five decimals are explained, not stored
    retype(qtbot, editor.self_score, "abc")
    assert editor.self_score.text() == "0,8125"
    retype(qtbot, editor.self_score, "0,12345")
    assert "chữ số thập phân" in editor.self_error.text()


@pytest.mark.parametrize("method, bad", [(Method.YESNO, "0,1"), (Method.LEVELS, "0,3")])
def test_yes_no_and_levels_refuse_values_not_allowed(qtbot, editor, store, signals,
                                                     small_demo, method, bad):
    node, block, score = next(leaves(store, UNIT, lambda n, b, s: n.method is method
                                     and n.source is Source.SELF and s is not None))
    editor.set_target(UNIT, node.code)
    before = sha(small_demo)
    retype(qtbot, editor.appraisal_score, bad)
    top = fmt(node.max_for(block), 2, comma=True)
    expected = (f"tiêu chí Có/Không chỉ nhận 0 hoặc {top}" if method is Method.YESNO else
                "điểm phải là một trong các mức: " + "; ".join(
                    fmt(Decimal(str(v)), 2, comma=True)
                    for v in sorted({Decimal(str(v)) for v in node.params["levels"]},
                                    reverse=True)))
    assert editor.appraisal_error.text() == expected
    assert editor.appraisal_error.isVisible()
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)
    assert sha(small_demo) == before and signals["committed"] == []
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Escape)
    assert editor.appraisal_score.text() == shown(score.appraisal)


def test_explanation_commits_when_focus_leaves_and_esc_reverts(qtbot, editor, store, signals,
                                                               small_demo):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    old = editor.explanation.toPlainText()
    editor.explanation.setFocus()
    type_text(qtbot, editor.explanation, " Đã bổ sung.")
    qtbot.keyClick(editor.explanation, Qt.Key.Key_Escape)
    assert editor.explanation.toPlainText() == old
    editor.explanation.moveCursor(editor.explanation.textCursor().MoveOperation.End)
    type_text(qtbot, editor.explanation, " Đã bổ sung.")
    assert editor.explanation.hasFocus()
    qtbot.keyClick(editor.explanation, Qt.Key.Key_Tab)  # leaving the field commits it
    assert editor.appraisal_score.hasFocus()
    stored = (old + " Đã bổ sung.").strip()  # no stray spaces around a stored text
    assert fresh_score(small_demo, UNIT, node.code)[2] == stored
    assert signals["committed"] == [(UNIT, node.code, "explanation", old, stored)]


def test_switching_leaf_commits_pending_input(qtbot, editor, store, signals, small_demo):
    first, second = [n for n, _b, _s in leaves(store, UNIT, lambda n, b, s: n.source
                                                 is Source.SELF and s is not None)][:2]
    editor.set_target(UNIT, first.code)
    editor.explanation.setFocus()
    editor.explanation.moveCursor(editor.explanation.textCursor().MoveOperation.End)
    type_text(qtbot, editor.explanation, "Giải trình mới")
    editor.set_target(UNIT, second.code)
    assert fresh_score(small_demo, UNIT, first.code)[2].endswith("Giải trình mới")
    assert [c[:3] for c in signals["committed"]] == [(UNIT, first.code, "explanation")]
    assert editor.criterion_code == second.code and not editor.has_pending_changes()


def test_parent_criterion_is_not_editable(editor, store):
    tree = store.tree()
    parent = next(tree.nodes[k] for k in tree.preorder if not tree.is_leaf(k))
    editor.set_target(UNIT, parent.code)
    assert editor.info_label.isVisible()
    assert not editor.self_score.isEnabled() and not editor.appraisal_note.isEnabled()
    assert not editor.add_button.isEnabled()


@pytest.mark.parametrize("method", [Method.MANUAL, Method.PROPORTIONAL])
def test_tab_order(qtbot, editor, store, method):
    """Tab follows the fields as they stand on screen; a declared figure, where the leaf's
    points follow from one, comes right after the score it gives."""
    node = next(leaves(store, UNIT, lambda n, b, s: n.source is Source.SELF
                       and n.method is method))[0]
    editor.set_target(UNIT, node.code)
    editor.self_score.setFocus()
    assert editor.self_score.hasFocus()
    figures = method is Method.PROPORTIONAL
    order = [editor.self_figure] * figures + [editor.expected, editor.explanation,
                                             editor.appraisal_score] + \
        [editor.appraisal_figure] * figures + [editor.appraisal_note]
    current = editor.self_score
    for expected in order:
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
        current = expected


def test_survey_leaf_is_read_only_with_derived_points(editor, store):
    snap = store.snapshot()
    unit = next(u for u in snap.units if u.code == UNIT)
    node = next(snap.tree.nodes[k] for k in snap.tree.preorder
                if snap.tree.nodes[k].source is Source.SIPAS
                and snap.tree.nodes[k].max_for(unit.block) > 0)
    editor.set_target(UNIT, node.code)
    expected = fmt(points_from_measure(node, unit.block, unit.sipas_pct), 2, comma=True)
    assert editor.self_score.text() == expected == editor.appraisal_score.text()
    assert editor.self_score.isReadOnly() and editor.appraisal_note.isReadOnly()
    assert editor.info_label.isVisible()
    assert editor.info_label.text().startswith("Điểm lấy từ kết quả SIPAS")


def test_round_two_is_shown_read_only(editor, store):
    snap = store.snapshot()
    unit, key = next((u, k) for u in snap.units for k, s in u.scores.items()
                     if s.appraisal2 is not None)
    editor.set_target(unit.code, snap.tree.nodes[key].code)
    assert editor.round2_label.isVisible()
    assert editor.round2_label.text().startswith(
        f"Thẩm định vòng 2: {fmt(unit.scores[key].appraisal2, 2, comma=True)}")


def test_read_only_mode(editor, store, tmp_path, signals):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    editor.set_read_only(True)
    assert editor.self_score.isReadOnly() and editor.appraisal_score.isReadOnly()
    assert editor.explanation.isReadOnly() and editor.appraisal_note.isReadOnly()
    assert not editor.add_button.isEnabled() and not editor.remove_button.isEnabled()
    png = tmp_path / "a.png"
    png.write_bytes(b"not really a png")
    assert not drop(editor, png).isAccepted()
    assert signals["evidence"] == []
    editor.set_read_only(False)
    assert not editor.self_score.isReadOnly() and editor.add_button.isEnabled()


# -- evidence ----------------------------------------------------------------------------------

def drop(widget, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    if enter.isAccepted():
        QApplication.sendEvent(widget, event)
    else:
        event.ignore()
    return event


def png_file(path: Path) -> Path:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 110, 200))
    assert image.save(str(path))
    return path


def set_setting(host: Host, key: str, value: str) -> None:
    def work(job):
        with job.store.edit("gui") as ed:
            ed.set_setting(key, value)
        return period_changes(job.store, "Thiết lập", ed.txn)
    host.ops.change("Thiết lập", work)
    settle_all()


def test_drop_adds_evidence_and_reports_duplicates_and_size(editor, host, store, signals,
                                                            tmp_path):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    count = editor.evidence_list.count()
    png = png_file(tmp_path / "Ảnh hiện trường.png")
    assert drop(editor, png).isAccepted()
    settle_all()
    names = [e.name for e in store.evidence(UNIT, node.code)]
    assert "Ảnh hiện trường.png" in names
    assert editor.evidence_list.count() == count + 1
    assert any("Ảnh hiện trường.png" in editor.evidence_list.item(i).text()
               for i in range(editor.evidence_list.count()))
    assert signals["evidence"] == [(UNIT, node.code, store.audit()[-1].txn)]  # its transaction
    # the new document is selected and previewed
    assert editor.preview.currentWidget() is editor.preview_image
    assert not editor.preview_image.pixmap().isNull()

    copy = tmp_path / "copy.png"
    copy.write_bytes(png.read_bytes())
    drop(editor.evidence_list.viewport(), copy)  # onto the list: the editor takes it
    settle_all()
    assert editor.evidence_message.isVisible()
    assert "đã được đính kèm" in editor.evidence_message.text()
    assert len(store.evidence(UNIT, node.code)) == count + 1

    set_setting(host, "evidence_max_mb", "1")  # as the settings dialog does
    big = tmp_path / "bien-ban.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * int(1.1 * 1024 * 1024))
    drop(editor, big)
    settle_all()
    assert "vượt giới hạn 1 MB" in editor.evidence_message.text()
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    drop(editor.appraisal_note.viewport(), empty)  # onto a text field: evidence, not text
    settle_all()
    assert "rỗng" in editor.evidence_message.text()
    assert editor.appraisal_note.toPlainText() == ""
    missing = tmp_path / "khong-co.pdf"
    editor.add_evidence_files([missing])
    settle_all()
    assert "khong-co.pdf" in editor.evidence_message.text()
    assert len(store.evidence(UNIT, node.code)) == count + 1
    assert [e[:2] for e in signals["evidence"]] == [(UNIT, node.code)]


def test_remove_evidence_after_confirmation(qtbot, editor, store, signals, monkeypatch,
                                            tmp_path):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    editor.add_evidence_files([png_file(tmp_path / "xoa.png")])
    settle_all()
    target = next(e for e in store.evidence(UNIT, node.code) if e.name == "xoa.png")
    row = next(i for i in range(editor.evidence_list.count())
               if editor.evidence_list.item(i).data(Qt.ItemDataRole.UserRole) == target.uuid)
    editor.evidence_list.setCurrentRow(row)
    settle_all()
    count = editor.evidence_list.count()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert editor.evidence_list.count() == count  # "No": nothing removed
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert editor.evidence_list.count() == count - 1
    assert target.uuid not in {e.uuid for e in store.evidence(UNIT, node.code)}
    with Store.open(store.path, readonly=True) as fresh:
        assert target.uuid not in {e.uuid for e in fresh.evidence(UNIT, node.code)}
    assert [e[:2] for e in signals["evidence"]] == [(UNIT, node.code)] * 2


def test_open_writes_a_safely_named_temp_file(qtbot, editor, store, monkeypatch, tmp_path):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    nasty = png_file(tmp_path / "..Báo cáo $(rm -rf ~); đợt 1.png")
    editor.add_evidence_files([nasty])
    settle_all()
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert len(opened) == 1
    written = Path(opened[0].toLocalFile())
    assert re.fullmatch(r"[0-9a-f]{1,12}-[A-Za-z0-9_-]+\.png", written.name), written.name
    assert written.read_bytes() == nasty.read_bytes()
    assert written.parent.name.startswith("parapp-tlkc-")

    def in_use(self, target):  # Windows: the viewer opened above still has the file
        raise PermissionError(13, "Access is denied")

    replace = Path.replace
    monkeypatch.setattr(Path, "replace", in_use)
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert [Path(u.toLocalFile()) for u in opened] == [written] * 2
    assert "Không mở được" not in editor.evidence_message.text()
    assert list(written.parent.iterdir()) == [written]
    monkeypatch.setattr(Path, "replace", replace)

    program = tmp_path / "cai-dat.exe"
    program.write_bytes(b"MZ fake program")
    editor.add_evidence_files([program])
    settle_all()
    assert not editor.open_evidence()  # never handed to the desktop
    assert len(opened) == 2
    assert "Lưu ra" in editor.evidence_message.text()

    out = tmp_path / "saved.exe"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert out.read_bytes() == program.read_bytes()


def test_evidence_opened_or_saved_out_is_marked_as_from_the_internet(qtbot, editor, store,
                                                                    monkeypatch, tmp_path):
    """A unit's .doc may carry macros: what parapp opens or saves out is marked as downloaded
    (files.mark_from_elsewhere, Windows' Mark of the Web), before it takes its name, so Office
    shows it in Protected View with its macros blocked."""
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    document = tmp_path / "Báo cáo.doc"
    document.write_bytes(b"\xd0\xcf\x11\xe0 old Word document with a macro")
    editor.add_evidence_files([document])
    settle_all()
    marked, opened = [], []
    monkeypatch.setattr(evidence_panel, "mark_from_elsewhere",
                        lambda path: marked.append((Path(path).name, Path(path).read_bytes())))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    settle_all()
    written = Path(opened[0].toLocalFile())
    assert marked == [(written.name + ".part", document.read_bytes())]
    out = tmp_path / "luu-ra.doc"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle_all()
    assert marked[1:] == [("luu-ra.doc", document.read_bytes())]


def test_save_offers_a_name_windows_can_write(qtbot, editor, store, monkeypatch, tmp_path):
    """A unit's file named on Linux "con.png" or 'Báo cáo: quý 1? "bản <2>".png' is kept as it
    is named, and offered under a name a Windows laptop can write: "CON" is a device there,
    and :?"<>|* are refused in names."""
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    for i, name in enumerate(("con.png", 'Báo cáo: quý 1? "bản <2>".png')):
        path = png_file(tmp_path / name)
        path.write_bytes(path.read_bytes() + bytes(i))  # not the same content twice
        editor.add_evidence_files([path])
        settle_all()
    offered = []

    def dialog(_parent, _title, default, *a, **k):
        offered.append(Path(default).name)
        return "", ""  # cancelled
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    for row in range(editor.evidence_list.count()):
        editor.evidence_list.setCurrentRow(row)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    shown = [editor.evidence_list.item(row).text().rsplit("  (", 1)[0]
             for row in range(editor.evidence_list.count())]
    added = [shown.index('Báo cáo: quý 1? "bản <2>".png'), shown.index("con.png")]
    assert [offered[row] for row in added] == ["Báo cáo_ quý 1_ _bản _2__.png", "con_.png"]


@pytest.mark.parametrize("name, offered", [
    ("AUX", "AUX_"), ("nul.txt", "nul_.txt"), ("Com1.pdf", "Com1_.pdf"),
    ("lpt9.tar.gz", "lpt9_.tar.gz"),  # a device whatever follows its first dot
    ("CONSOLE.pdf", "CONSOLE.pdf"), ("Báo cáo CON.pdf", "Báo cáo CON.pdf"),  # not a device
    ("a|b*c.pdf", "a_b_c.pdf")])
def test_device_names_and_refused_characters_are_made_writable(name, offered):
    from parapp.core.files import portable_name
    assert portable_name(name) == offered


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\Windows\\evil.exe", ".bashrc",
                                  "Đề án số 1.PDF", "", "con.txt.", "a/b/../../c.png"])
def test_temp_file_name_is_safe(name):
    result = temp_file_name("3f2a9c1e-aaaa-bbbb-cccc-1234567890ab", name)
    assert re.fullmatch(r"3f2a9c1eaaaa-[A-Za-z0-9_-]+(\.[a-z0-9_-]+)?", result), result
    assert "/" not in result and "\\" not in result and ".." not in result


def test_pdf_evidence_is_previewed_and_a_broken_pdf_says_so(editor, store, tmp_path):
    from parapp.core.demo import tiny_pdf
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    good = tmp_path / "to-trinh.pdf"
    good.write_bytes(tiny_pdf(["To trinh so 12/TTr-SNV"]))
    editor.add_evidence_files([good])
    settle_all()
    editor.evidence_list.setCurrentRow(editor.evidence_list.count() - 1)
    settle_all()
    assert editor.preview.currentWidget() is editor.preview_image
    assert editor.evidence._preview_pixmap is not None and editor.evidence._preview_pixmap.width() > 500
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    editor.add_evidence_files([broken])
    settle_all()
    editor.evidence_list.setCurrentRow(editor.evidence_list.count() - 1)
    settle_all()
    assert editor.preview.currentWidget() is editor.preview_text
    assert editor.preview_text.text() == "Không xem trước được"


def test_screenshot(shots, qtbot, editor, store, tmp_path):
    node, _block, _score = plain_leaf(store)
    editor.set_target(UNIT, node.code)
    editor.add_evidence_files([png_file(tmp_path / "Ảnh chụp biên bản.png")])
    settle_all()
    retype(qtbot, editor.appraisal_score, "0,5")
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)
    assert editor.reason_hint.isVisible()
    qtbot.wait(50)  # let the layout settle, as the event loop would before painting
    assert editor.grab().save(str(shots / "editor.png"))


def editor_on(qtbot, path: Path) -> ScoreEditor:
    """An editor on the file at `path` (a member's package), as the window gives it one."""
    h = Host(path)
    qtbot.addWidget(h)
    w = ScoreEditor()
    qtbot.addWidget(w)
    w.attach(h.document, h.ops)
    h.editor = w
    return w


def test_in_a_members_package_only_the_appraisal_of_its_part_can_be_typed(qtbot, store,
                                                                         small_demo, tmp_path):
    from parapp.core.packages import export_package
    member = store.tree().appraiser_of(plain_leaf(store)[0].key)
    package = export_package(store, member, tmp_path / "goi.parapp").path
    store.close()
    w = editor_on(qtbot, package)
    with Store.open(package, readonly=True) as pkg:
        scope = pkg.package_scope()
        mine = next(c for u, c in sorted(scope.targets) if u == UNIT)
        other = next(n.code for n in pkg.tree().nodes.values() if pkg.tree().is_leaf(n.key)
                     and n.source is Source.SELF and (UNIT, n.code) not in scope.targets)
    w.set_target(UNIT, mine)
    assert w.self_score.isReadOnly() and w.explanation.isReadOnly()  # the unit's side
    assert not w.appraisal_score.isReadOnly() and not w.appraisal_note.isReadOnly()
    assert not w.add_button.isEnabled()  # evidence travels as it is
    w.appraisal_score.setFocus()
    w.appraisal_score.selectAll()
    type_text(qtbot, w.appraisal_score, "0")
    type_text(qtbot, w.appraisal_note, "Không có tài liệu kiểm chứng")
    assert w.commit_pending()
    settle_all()
    with Store.open(package, readonly=True) as pkg:
        assert pkg.score(UNIT, mine)["appraisal_points"] == Decimal(0)
    w.set_target(UNIT, other)  # another member's part: view only
    assert w.appraisal_score.isReadOnly() and w.self_score.isReadOnly()
    w.clear()


def test_in_a_second_round_package_the_appraisal_side_enters_round_two(qtbot, store, tmp_path):
    from parapp.core.packages import export_package
    node = plain_leaf(store)[0]
    member = store.tree().appraiser_of(node.key)
    own = store.score(UNIT, node.code)["self_points"]
    first = own - Decimal("0.5")
    with store.edit("gui") as ed:
        ed.set_appraisal(UNIT, node.code, first, "Thiếu báo cáo quý IV")
        ed.set_explanation2(UNIT, node.code, "Đã gửi bổ sung báo cáo quý IV")  # disputed
    package = export_package(store, member, tmp_path / "goi-v2.parapp", round_=2).path
    store.close()
    w = editor_on(qtbot, package)
    w.set_target(UNIT, node.code)
    assert w.appraisal_score.text() == "" and not w.appraisal_score.isReadOnly()
    assert w.round2_label.text() == (f"Thẩm định vòng 1: {fmt(first, 2, comma=True)} — "
                                     "Thiếu báo cáo quý IV")
    w.appraisal_score.setFocus()
    type_text(qtbot, w.appraisal_score, shown(own))  # differs from round 1: needs a reason
    assert not w.commit_pending()
    assert w.reason_hint.text() == "Cần ghi lý do khi điểm thẩm định vòng 2 khác vòng 1"
    type_text(qtbot, w.appraisal_note, "Đã bổ sung báo cáo quý IV")
    assert w.commit_pending()
    settle_all()
    with Store.open(package, readonly=True) as pkg:
        score = pkg.score(UNIT, node.code)
    assert (score["appraisal_points"], score["appraisal2_points"], score["appraisal2_note"]) \
        == (first, own, "Đã bổ sung báo cáo quý IV")
    w.clear()
