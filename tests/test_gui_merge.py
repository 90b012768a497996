"""Council packages in the desktop client, driven offscreen with pytest-qt: the merge dialog
(dry run, conflicts side by side, resolutions with reasons, the real merge, undo as a whole,
refused packages), sealing a package and making a key.

Expected values are read back with fresh `Store.open(...)` calls, never from the dialog.
Message boxes are recorded instead of shown (they would block).
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from parapp.core.merge import resolutions_of
from parapp.core.packages import (
    KINDS,
    export_package,
    load_key,
    new_key,
    seal_package,
    verify_seal,
)
from parapp.core.store import Store
from parapp.ui import merge_dialog, merging, seal_dialog
from parapp.ui.merge_dialog import (
    K_BASE,
    K_CRITERION,
    K_MASTER,
    K_PART,
    K_THEIRS,
    K_UNIT,
    P_APPLIED,
    P_CONFLICT,
    P_MEMBER,
    MergeDialog,
)
from parapp.ui.seal_dialog import KeyDialog, SealDialog
from tests.qt_helpers import type_text

pytestmark = pytest.mark.gui

TAKE = "Lấy giá trị của gói"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown, as (kind, title, text), instead of blocking."""
    shown = []
    for module in (merging, merge_dialog):  # sealing, merging
        monkeypatch.setattr(module, "show_information",
                            lambda parent, title, text: shown.append(("info", title, text)))
        monkeypatch.setattr(module, "show_warning",
                            lambda parent, title, text: shown.append(("warning", title, text)))
    return shown


@pytest.fixture
def council(tmp_path):
    """A small master: two members (STP appraises area 1, STC area 2), three units with self
    scores, registered keys; one sealed package per member with an appraisal (and its reason)
    on SYT; meanwhile the master changed STP's leaf 1.2 of SYT: one conflict."""
    keys = tmp_path / "keys"
    prints = {m: new_key(keys / f"{m}.key") for m in ("STP", "STC")}
    master = tmp_path / "chinh.parapp"
    with Store.create(master, "Tỉnh Sơn Hà", 2025) as store:
        with store.edit() as ed:
            ed.add_block("SO", "Khối sở")
            ed.add_member("STP", "Sở Tư pháp")
            ed.add_member("STC", "Sở Tài chính")
            ed.add_criterion("1", "Cải cách thể chế", "10", appraiser="STP")
            ed.add_criterion("1.1", "Xây dựng văn bản quy phạm pháp luật", "4", "1")
            ed.add_criterion("1.2", "Kiểm tra, rà soát văn bản", "6", "1")
            ed.add_criterion("2", "Tài chính công", "8", appraiser="STC")
            ed.add_criterion("2.1", "Thực hiện cơ chế tự chủ tài chính", "8", "2")
            for code, name in (("SYT", "Sở Y tế"), ("SXD", "Sở Xây dựng"),
                               ("SGD", "Sở Giáo dục và Đào tạo")):
                ed.add_unit(code, name, "SO")
                for leaf, points in (("1.1", "4"), ("1.2", "6"), ("2.1", "8")):
                    ed.set_self_score(code, leaf, points, "Đã thực hiện đầy đủ")
            for member, fingerprint in prints.items():
                ed.register_key(member, fingerprint)
        packages = {m: export_package(store, m, tmp_path / f"goi-{m}.parapp").path
                    for m in ("STP", "STC")}
    with Store.open(packages["STP"]) as pkg, pkg.edit("thẩm định") as ed:
        ed.set_appraisal("SYT", "1.2", "4", "Chưa rà soát 2 văn bản")
        ed.set_appraisal("SXD", "1.1", "3", "Chậm ban hành kế hoạch")
    with Store.open(packages["STC"]) as pkg, pkg.edit("thẩm định") as ed:
        ed.set_appraisal("SYT", "2.1", "7", "Chưa công khai dự toán")
    for member, path in packages.items():
        seal_package(path, load_key(keys / f"{member}.key"))
    with Store.open(master) as store, store.edit("Tổ thư ký") as ed:
        ed.set_appraisal("SYT", "1.2", "5", "Thiếu báo cáo quý IV")
    return master, packages, keys, prints


def score(path: Path, unit: str, leaf: str) -> tuple:
    with Store.open(path, readonly=True) as store:
        s = store.score(unit, leaf)
    return s["appraisal_points"], s["appraisal_note"]


def open_dialog(qtbot, master: Path) -> MergeDialog:
    dialog = MergeDialog(None, master)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def add_by_file_dialog(qtbot, monkeypatch, dialog: MergeDialog, paths: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def drop_files(dialog: MergeDialog, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(dialog.rect().center())
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)


def test_conflict_resolved_through_the_gui(qtbot, monkeypatch, council, boxes):
    master, packages, _keys, _prints = council
    dialog = open_dialog(qtbot, master)
    assert not dialog.merge_button.isEnabled()
    add_by_file_dialog(qtbot, monkeypatch, dialog, [packages["STP"]])
    assert score(master, "SYT", "1.2") == (Decimal("5"), "Thiếu báo cáo quý IV")  # dry run

    # the package's line: member, counts
    rows = dialog.packages_table
    assert rows.rowCount() == 1
    assert rows.item(0, P_MEMBER).text() == "STP — Sở Tư pháp"
    assert rows.item(0, P_APPLIED).text() == "1"  # SXD 1.1
    assert rows.item(0, P_CONFLICT).text() == "1"  # SYT 1.2
    # the conflict side by side: base, master now, the member's
    table = dialog.conflicts_table
    assert table.rowCount() == 1
    assert table.item(0, K_UNIT).text() == "SYT — Sở Y tế"
    assert table.item(0, K_CRITERION).text() == "1.2 — Kiểm tra, rà soát văn bản"
    assert table.item(0, K_PART).text() == "Thẩm định"
    assert [table.item(0, c).text() for c in (K_BASE, K_MASTER, K_THEIRS)] == [
        "—", "5 (Thiếu báo cáo quý IV)", "4 (Chưa rà soát 2 văn bản)"]

    # disabled, saying what is missing, until a choice and a reason are given
    assert not dialog.merge_button.isEnabled()
    assert "1 xung đột chưa chọn giá trị" in dialog.hint_label.text()
    assert "1 xung đột chưa ghi lý do" in dialog.hint_label.text()
    choice, reason = dialog.choice_widgets(0)
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)  # — chọn — → Giữ tệp chính → Lấy giá trị của gói
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == TAKE
    assert not dialog.merge_button.isEnabled()
    assert "chưa chọn giá trị" not in dialog.hint_label.text()
    assert "1 xung đột chưa ghi lý do" in dialog.hint_label.text()
    qtbot.keyClicks(reason, "   ")
    assert not dialog.merge_button.isEnabled()  # blank is no reason
    reason.clear()
    type_text(qtbot, reason, "Đã đối chiếu biên bản kiểm tra của Sở Tư pháp")
    assert dialog.merge_button.isEnabled()
    qtbot.keyClick(reason, Qt.Key.Key_Return)  # Enter in a reason merges nothing
    qtbot.wait(100)
    assert not dialog.busy and dialog.report is None and dialog.pages.currentIndex() == 0

    with qtbot.waitSignal(dialog.merged, timeout=30_000) as done:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert dialog.report is report and report.txn
    assert score(master, "SYT", "1.2") == (Decimal("4"), "Chưa rà soát 2 văn bản")
    assert score(master, "SXD", "1.1") == (Decimal("3"), "Chậm ban hành kế hoạch")
    with Store.open(master, readonly=True) as store:
        [resolution] = resolutions_of(store)
    assert (resolution.unit_code, resolution.criterion_code, resolution.chosen,
            resolution.reason) == ("SYT", "1.2", "package",
                                   "Đã đối chiếu biên bản kiểm tra của Sở Tư pháp")
    # the result on screen: what changed, the resolution, the backup; the Excel report
    assert dialog.pages.currentIndex() == 1 and not dialog.merge_button.isVisible()
    text = dialog.result_text.toPlainText()
    assert "goi-STP.parapp (STP, niêm phong" in text
    assert "1 áp dụng, 0 song song, 1 xung đột, 4 không đổi" in text
    assert "SXD, 1.1 (Thẩm định): — → 3 (Chậm ban hành kế hoạch) (áp dụng)" in text
    assert ("SYT, 1.2 (Thẩm định): 5 (Thiếu báo cáo quý IV) → 4 (Chưa rà soát 2 văn bản) "
            "(xung đột, lấy giá trị của gói)") in text
    assert ("Xung đột SYT, 1.2 (STP): lấy giá trị của gói 4 (Chưa rà soát 2 văn bản); lý do: "
            "Đã đối chiếu biên bản kiểm tra của Sở Tư pháp") in text
    assert report.backup and report.backup.exists()
    assert str(report.backup) in dialog.backup_label.text()
    out = master.parent / "bao-cao.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.export_button.isEnabled()  # written off the GUI thread
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30_000)
    assert out.stat().st_size > 3000
    assert boxes[-1][0] == "info" and str(out) in boxes[-1][2]

    # the whole merge is undone in one step
    with Store.open(master) as store:
        store.revert(report.txn)
    assert score(master, "SYT", "1.2") == (Decimal("5"), "Thiếu báo cáo quý IV")
    assert score(master, "SXD", "1.1") == (None, "")


def test_keep_master_and_a_second_package_then_already_merged(qtbot, monkeypatch, council,
                                                              boxes):
    master, packages, _keys, _prints = council
    dialog = open_dialog(qtbot, master)
    add_by_file_dialog(qtbot, monkeypatch, dialog, [packages["STP"]])
    choice, reason = dialog.choice_widgets(0)
    choice.setCurrentIndex(choice.findText("Giữ tệp chính"))
    type_text(qtbot, reason, "Tổ thư ký đã xác minh")
    # a second package dropped onto the dialog: planned again, the choice is kept
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        drop_files(dialog, [packages["STC"], master.parent / "ghi-chu.txt"])
    assert dialog.packages_table.rowCount() == 2
    assert dialog.choice_widgets(0)[0].currentText() == "Giữ tệp chính"
    assert dialog.choice_widgets(0)[1].text() == "Tổ thư ký đã xác minh"
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=30_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert score(master, "SYT", "1.2") == (Decimal("5"), "Thiếu báo cáo quý IV")
    assert score(master, "SYT", "2.1") == (Decimal("7"), "Chưa công khai dự toán")
    with Store.open(master, readonly=True) as store:
        assert [r.chosen for r in resolutions_of(store)] == ["master"]

    # the same packages again: a no-op that says so; nothing to merge
    again = open_dialog(qtbot, master)
    add_by_file_dialog(qtbot, monkeypatch, again, list(packages.values()))
    for row in range(2):
        assert again.packages_table.item(row, P_APPLIED).text() == (
            "đã hợp nhất trước đó; không có gì thay đổi")
    assert again.conflicts_table.rowCount() == 0
    assert not again.merge_button.isEnabled()
    assert again.hint_label.text() == "Không có gói nào để hợp nhất."


def test_tampered_package_is_refused_and_nothing_merged(qtbot, monkeypatch, council, boxes):
    master, packages, _keys, _prints = council
    con = sqlite3.connect(packages["STC"])  # a byte of a score, after sealing
    con.execute("UPDATE score SET appraisal_points = '8' WHERE appraisal_points = '7'")
    con.commit()
    con.close()
    before = sha(master)
    dialog = open_dialog(qtbot, master)
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        drop_files(dialog, [packages["STC"]])
    item = dialog.packages_table.item(0, P_MEMBER)
    assert item.text() == ("Bị từ chối, không hợp nhất: goi-STC.parapp: nội dung gói đã bị thay "
                           "đổi sau khi niêm phong")
    assert item.foreground().color().red() > 150  # red
    assert not dialog.merge_button.isEnabled()
    assert dialog.hint_label.text() == "Không có gói nào để hợp nhất."
    assert sha(master) == before
    assert not list(master.parent.glob("*.bak"))

    # with a good package beside it: the good one is merged, the tampered one is not
    add_by_file_dialog(qtbot, monkeypatch, dialog, [packages["STP"]])
    assert dialog.packages_table.rowCount() == 2
    assert dialog.packages_table.item(1, P_CONFLICT).text() == "1"
    choice, reason = dialog.choice_widgets(0)
    choice.setCurrentIndex(choice.findText(TAKE))
    type_text(qtbot, reason, "Theo biên bản")
    assert dialog.hint_label.text() == ("Sẵn sàng hợp nhất. Gói bị từ chối (1) sẽ không được "
                                        "hợp nhất.")
    with qtbot.waitSignal(dialog.merged, timeout=30_000) as done:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert [p.path.name for p in done.args[0].packages] == ["goi-STP.parapp"]
    assert score(master, "SYT", "1.2") == (Decimal("4"), "Chưa rà soát 2 văn bản")
    assert score(master, "SYT", "2.1") == (None, "")
    assert ("goi-STC.parapp: không hợp nhất — goi-STC.parapp: nội dung gói đã bị thay đổi sau "
            "khi niêm phong") in dialog.result_text.toPlainText()


def test_a_resealed_package_changing_another_members_part_is_refused(qtbot, council, boxes):
    """STC edits its package with an SQLite tool — an appraisal of STP's criterion 1.2, with a
    base row to match — and seals it again with its own valid key."""
    master, packages, keys, _prints = council
    con = sqlite3.connect(packages["STC"])
    unit_id, unit_uuid = con.execute("SELECT id, uuid FROM unit WHERE code = 'SYT'").fetchone()
    crit_id, crit_uuid = con.execute("SELECT id, uuid FROM criterion WHERE code = '1.2'"
                                     ).fetchone()
    con.execute("INSERT INTO score (uuid, version, created_at, updated_at, author, deleted, "
                "unit_id, criterion_id, explanation, appraisal_points, appraisal_note, "
                "appraisal_source, explanation2, appraisal2_note, appraisal2_source) VALUES "
                "('7a0c3c4e-0000-4000-8000-000000000003', 1, 'x', 'x', 'x', 0, ?, ?, '', '0', "
                "'Không đạt', '', '', '', '')", (unit_id, crit_id))
    con.execute("INSERT INTO package_base (unit_uuid, criterion_uuid, score_uuid, version, "
                "fields) VALUES (?, ?, NULL, NULL, '{}')", (unit_uuid, crit_uuid))
    con.commit()
    con.close()
    seal_package(packages["STC"], load_key(keys / "STC.key"))
    before = sha(master)
    dialog = open_dialog(qtbot, master)
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        drop_files(dialog, [packages["STC"]])
    assert dialog.packages_table.item(0, P_MEMBER).text() == (
        "Bị từ chối, không hợp nhất: goi-STC.parapp: đơn vị SYT, tiêu chí 1.2: dòng không thuộc "
        "phần Tổ thư ký đã gửi đi")
    assert not dialog.merge_button.isEnabled()
    assert sha(master) == before


def test_wrong_signer_and_duplicate_name_are_refused(qtbot, monkeypatch, council, boxes,
                                                     tmp_path):
    master, packages, keys, _prints = council
    seal_package(packages["STC"], load_key(keys / "STP.key"))  # STP's key on STC's package
    dialog = open_dialog(qtbot, master)
    add_by_file_dialog(qtbot, monkeypatch, dialog, [packages["STC"]])
    text = dialog.packages_table.item(0, P_MEMBER).text()
    assert "không phải khóa đã đăng ký của thành viên STC" in text
    other = tmp_path / "khac"
    other.mkdir()
    (other / "goi-STC.parapp").write_bytes(packages["STC"].read_bytes())
    dialog.add_packages([other / "goi-STC.parapp", packages["STC"]])
    assert dialog.packages_table.rowCount() == 1
    assert boxes[-1][0] == "warning" and "cùng tên" in boxes[-1][2]


def test_closing_during_a_dry_run_changes_nothing(qtbot, monkeypatch, council, boxes):
    master, packages, _keys, _prints = council
    before = sha(master)
    dialog = open_dialog(qtbot, master)
    dialog.add_packages(list(packages.values()))
    assert dialog.busy and not dialog.close_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert not dialog.busy
    assert sha(master) == before


def test_closing_while_the_work_is_slow_does_not_freeze_the_window(qtbot, monkeypatch, council,
                                                                   boxes):
    """Esc while the dry run waits on a slow share: the dialog says it is stopping and closes
    once the work has stopped, and the window keeps painting meanwhile."""
    master, packages, _keys, _prints = council
    before = sha(master)
    release = threading.Event()
    real_work = merging.MergeWorker._work

    def slow_work(worker):  # the master on a share that takes its time to answer
        assert release.wait(30)
        return real_work(worker)
    monkeypatch.setattr(merging.MergeWorker, "_work", slow_work)
    dialog = open_dialog(qtbot, master)
    dialog.add_packages(list(packages.values()))
    assert dialog.busy
    started = time.perf_counter()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    took = time.perf_counter() - started
    shown = (dialog.isVisible(), dialog.status_label.text(), dialog.cancel_button.isEnabled())
    release.set()
    assert took < 1 and shown == (True, "Đang dừng, không có thay đổi nào được ghi…", False)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert not dialog.busy and dialog.report is None and sha(master) == before


def test_key_then_seal(qtbot, tmp_path, council, boxes):
    master, packages, _keys, _prints = council
    key = tmp_path / "moi" / "STC.key"
    make = KeyDialog(None, "STC", key)
    qtbot.addWidget(make)
    type_text(qtbot, make.pass_edit, "mật khẩu dài")
    assert not make.create_button.isEnabled()
    assert "không khớp" in make.error_label.text()
    type_text(qtbot, make.repeat_edit, "mật khẩu dài")
    assert make.create_button.isEnabled()
    qtbot.mouseClick(make.create_button, Qt.MouseButton.LeftButton)
    fingerprint = make.fingerprint
    assert fingerprint and fingerprint.startswith("SHA256:") and key.exists()
    assert make.print_edit.text() == fingerprint and make.print_edit.isReadOnly()
    qtbot.mouseClick(make.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == fingerprint
    assert make.pass_edit.text() == ""  # not kept

    with Store.open(master) as store, store.edit() as ed:
        ed.register_key("STC", fingerprint)
    with Store.open(packages["STC"]) as pkg, pkg.edit() as ed:  # unsealed by the edit
        ed.set_appraisal("SXD", "2.1", "6", "Thiếu hồ sơ")
    seal = SealDialog(None, packages["STC"], "STC")
    qtbot.addWidget(seal)
    seal.show()
    assert not seal.seal_button.isEnabled()  # no key at the default place
    assert "Không có khóa tại" in seal.error_label.text()
    seal.key_edit.setText(str(key))
    assert seal.pass_edit.isVisible() and seal.seal_button.isEnabled()
    type_text(qtbot, seal.pass_edit, "sai")
    qtbot.mouseClick(seal.seal_button, Qt.MouseButton.LeftButton)
    assert seal.seal is None and "sai mật khẩu" in seal.error_label.text()
    assert seal.pass_edit.text() == ""
    type_text(qtbot, seal.pass_edit, "mật khẩu dài")
    qtbot.keyClick(seal.pass_edit, Qt.Key.Key_Return)  # Enter seals
    assert seal.seal is not None and seal.seal.fingerprint == fingerprint
    assert verify_seal(packages["STC"], KINDS["member", 1], "STC", fingerprint).holder == "STC"


def test_seal_current_package_with_the_default_key(qtbot, council, boxes):
    master, packages, keys, prints = council
    default = seal_dialog.default_key_path("STP")
    default.parent.mkdir(parents=True, exist_ok=True)
    (keys / "STP.key").rename(default)  # no passphrase: none is asked
    with Store.open(packages["STP"]) as pkg, pkg.edit() as ed:
        ed.set_appraisal("SGD", "1.1", "2", "Chưa có kế hoạch")

    def press_seal():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SealDialog)
        assert not dialog.pass_edit.isVisible()
        dialog.seal_button.click()

    QTimer.singleShot(0, press_seal)
    seal = merging.seal_current_package(None, packages["STP"])
    assert seal is not None and seal.fingerprint == prints["STP"]
    assert boxes[-1][0] == "info" and prints["STP"] in boxes[-1][2]
    verify_seal(packages["STP"], KINDS["member", 1], "STP", prints["STP"])
    assert merging.seal_current_package(None, master) is None  # the master is no package
    assert "không phải gói" in boxes[-1][2]


def test_screenshot_of_conflicts(qtbot, monkeypatch, council, boxes, tmp_path):
    """The dialog with conflicts, rendered (docs/screenshots has it, from scripts/
    screenshots.py)."""
    master, packages, _keys, _prints = council
    with Store.open(master) as store, store.edit("Tổ thư ký") as ed:
        ed.set_appraisal("SYT", "2.1", "6", "Chưa quyết toán kinh phí tự chủ")
    dialog = open_dialog(qtbot, master)
    dialog.resize(1280, 640)
    add_by_file_dialog(qtbot, monkeypatch, dialog, list(packages.values()))
    assert dialog.conflicts_table.rowCount() == 2
    choice, reason = dialog.choice_widgets(0)
    choice.setCurrentIndex(choice.findText(TAKE))
    type_text(qtbot, reason, "Đã đối chiếu biên bản kiểm tra")
    dialog.choice_widgets(1)[0].setCurrentIndex(1)
    qtbot.wait(50)
    out = tmp_path / "merge.png"
    assert dialog.grab().save(str(out))
    assert out.stat().st_size > 20_000
    type_text(qtbot, dialog.choice_widgets(1)[1], "Tổ thư ký đã xác minh với Sở Tài chính")
    with qtbot.waitSignal(dialog.merged, timeout=30_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "merge-result.png"))


@pytest.mark.parametrize("too_late", [False, True])
def test_closing_during_the_merge_leaves_a_consistent_answer(qtbot, monkeypatch, council,
                                                              boxes, too_late):
    """Closed while merging: either the merge was stopped (nothing changed, no backup) or it
    had committed, and then the dialog still hands back its report (for the undo step).
    `too_late`: the stop comes after the commit (the cancel is not seen)."""
    master, packages, _keys, _prints = council
    if too_late:
        monkeypatch.setattr(merging.MergeWorker, "cancel", lambda self: None)
    dialog = open_dialog(qtbot, master)
    add_by_file_dialog(qtbot, monkeypatch, dialog, list(packages.values()))
    choice, reason = dialog.choice_widgets(0)
    choice.setCurrentIndex(1)
    type_text(qtbot, reason, "Giữ")
    before = sha(master)
    dialog.start_merge()
    assert dialog.busy
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert not dialog.busy
    if too_late:
        assert dialog.report is not None
    if dialog.report is None:
        assert sha(master) == before and not list(master.parent.glob("*.bak"))
    else:
        assert dialog.report.txn and score(master, "SYT", "2.1")[0] == Decimal("7")


def test_a_late_package_is_taken_only_with_the_secretariats_reason(qtbot, council, boxes):
    """In the self-assessment phase a round-1 package is refused, naming what to do; ticking
    "accept late" with a reason plans it again and merges it, the reason kept in the audit."""
    master, packages, _keys, _prints = council
    with Store.open(master) as store, store.edit("Tổ thư ký") as ed:
        ed.set_phase("self_assessment")
    before = sha(master)
    dialog = open_dialog(qtbot, master)
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        drop_files(dialog, [packages["STC"]])
    assert dialog.packages_table.item(0, P_MEMBER).text().startswith(
        "Bị từ chối, không hợp nhất: goi-STC.parapp: gói thẩm định vòng 1 nộp khi kỳ đánh giá ở giai đoạn "
        "«Đơn vị tự đánh giá»")
    assert not dialog.merge_button.isEnabled() and not dialog.late_reason.isEnabled()
    reason = "Sở Tài chính xin nộp muộn theo Công văn 310/STC"
    dialog.late_check.setChecked(True)  # plans again; the reason is still empty: refused
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    dialog.late_reason.setFocus()
    type_text(qtbot, dialog.late_reason, reason)
    with qtbot.waitSignal(dialog.planned, timeout=30_000):
        dialog.late_reason.editingFinished.emit()
    assert dialog.packages_table.item(0, P_MEMBER).text() == "STC — Sở Tài chính"
    assert dialog.merge_button.isEnabled(), dialog.hint_label.text()
    with qtbot.waitSignal(dialog.merged, timeout=30_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert sha(master) != before
    assert score(master, "SYT", "2.1") == (Decimal("7"), "Chưa công khai dự toán")
    with Store.open(master, readonly=True) as store:
        merged = [a for a in store.audit() if a.source.startswith("hợp nhất gói")]
    assert merged and all(a.source.endswith(f"(chấp nhận nộp muộn: {reason})") for a in merged)
