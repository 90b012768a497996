"""Regenerate docs/screenshots/*.png: the window as council members see it on their screens.

    .venv/bin/python scripts/screenshots.py                 # all of them (a minute or two)
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --only main-window

Builds the demo province (as `parapp demo` does) and renders offscreen, one process per screen,
language and theme (Qt reads the screen and its scaling at start), each with its own settings:

  main-window-<W>x<H>[-<scale>pct]-<vi|en>-<light|dark>.png
                        "Chấm điểm", maximized: Sở Y tế on a leaf with a deduction and evidence
  dashboard-<W>x<H>-<lang>-<theme>.png      "Tổng hợp" of the departments' block
  merge-conflicts-<lang>-<theme>.png        the merge dialog: two packages, two conflicts
  dialogs-<lang>-<theme>.png                new period, seal (a Windows key path), new key,
                                            document details, the season's phase
  report-preview.png                        the decision with its annexes after signing
  unit-package-<W>x<H>-<lang>-<theme>.png   a unit's self-assessment package, a declared figure
  unit-seal-<lang>-<theme>.png              its seal dialog: what is still missing
  analysis-<unit|heat|distribution>-<W>x<H>-<lang>-<theme>.png
                        Phân tích điểm bị trừ, as large as the screen leaves room for: the
                        unit's losses, the heat map, the communes' index distribution

PNGs are reduced to 256 colours (Pillow) to keep the repository small.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "docs" / "screenshots"

UNIT, LEAF = "SYT", "5.5.3"  # a deduction with its reason, an explanation, evidence
DISTRIBUTION_BLOCK, DISTRIBUTION_UNIT = "XA", "X001"  # the communes, and one of them chosen
FIGURE_LEAF = "3.1.1"  # proportional: the unit's declared figure gives the points
SIGNER = "Nguyễn Kim Chi"  # printed under the signature, and the certificate's holder
KEY_PATH = r"C:\Users\Nguyễn Thị Thu Hương\AppData\Local\parapp\keys\STP.key"
PASSPHRASE = "mat-khau-mau"

# (screen, scale, language, theme, views)
LAPTOP, MEETING_ROOM = (1366, 768), (1920, 1080)
JOBS = [
    (LAPTOP, 1, "vi", "light", ("main-window", "dashboard", "merge-conflicts", "dialogs",
                                 "report-preview", "unit-package", "unit-seal", "analysis",
                                 "compare")),
    (LAPTOP, 1, "vi", "dark", ("main-window",)),
    (LAPTOP, 1, "en", "light", ("main-window", "dialogs", "unit-package", "analysis",
                                 "compare")),
    (LAPTOP, 1, "en", "dark", ("main-window", "merge-conflicts")),
    (MEETING_ROOM, 1, "vi", "light", ("main-window", "analysis", "compare")),
    (MEETING_ROOM, 1, "vi", "dark", ("main-window",)),
    (MEETING_ROOM, 1, "en", "light", ("main-window", "analysis")),
    (MEETING_ROOM, 1, "en", "dark", ("main-window", "dashboard")),
    (MEETING_ROOM, 1.5, "vi", "light", ("main-window",)),  # 150 %: 1280 × 720 of room
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--only", nargs="*", help="views to render (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return render(json.loads(args.child))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="parapp-shots-") as tmp:
        work = Path(tmp)
        demo = work / "son-ha.parapp"
        from parapp.core.demo import build_demo
        build_demo(demo)
        council = make_council(demo, work / "council")
        for (width, height), scale, lang, theme, views in JOBS:
            views = [v for v in views if not args.only or v in args.only]
            if not views:
                continue
            home = work / f"home-{width}-{scale}-{lang}-{theme}"
            screen = work / f"screen-{width}x{height}.json"
            screen.write_text(json.dumps({"screens": [{
                "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            suffix = f"{width}x{height}" + (f"-{round(scale * 100)}pct" if scale != 1 else "")
            job = {"demo": str(demo), "council": council, "work": str(home), "out": str(args.out),
                   "lang": lang, "theme": theme, "views": views, "size": suffix}
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
                   "QT_SCALE_FACTOR": str(scale), "HOME": str(home),
                   "XDG_CONFIG_HOME": str(home / ".config"),
                   "XDG_DATA_HOME": str(home / ".local" / "share"),
                   "PARAPP_AUTHOR": "Tổ thư ký"}
            proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(job)],
                                  env=env, capture_output=True, text=True, cwd=ROOT)
            if proc.returncode:
                sys.exit(f"{suffix} {lang} {theme}: {proc.stderr.strip()}")
            print(proc.stdout, end="")
    return 0


def make_council(demo: Path, folder: Path) -> dict:
    """A copy of the demo as the secretariat's master, with the packages of two members (STP
    appraises area 2, SNV area 1) sealed and returned, each in conflict with the master."""
    from parapp.core.packages import export_package, load_key, new_key, seal_package
    from parapp.core.store import Store
    folder.mkdir(parents=True)
    master = folder / "son-ha.parapp"
    shutil.copy(demo, master)
    changes = {  # member: leaf, the member's appraisal and reason, the master's meanwhile
        "SNV": ("1.1.1", "0.25", "Kế hoạch ban hành chậm so với quy định",
                "0", "Không có kế hoạch CCHC năm trong hồ sơ"),
        "STP": ("2.1.1", "1", "Chưa rà soát 2 văn bản quy phạm pháp luật",
                "1.25", "Đã bổ sung báo cáo rà soát")}
    packages = []
    with Store.open(master) as store:
        for member in changes:
            key = folder / f"{member}.key"
            with store.edit("Tổ thư ký") as ed:
                ed.register_key(member, new_key(key))
            packages.append(export_package(store, member, folder / f"goi-{member}.parapp").path)
    for member, path in zip(changes, packages):
        leaf, points, note, *_ = changes[member]
        with Store.open(path) as pkg, pkg.edit(member) as ed:
            ed.set_appraisal(UNIT, leaf, points, note)
        seal_package(path, load_key(folder / f"{member}.key"))
    with Store.open(master) as store, store.edit("Tổ thư ký") as ed:
        for leaf, _points, _note, points, note in changes.values():
            ed.set_appraisal(UNIT, leaf, points, note)
    # the unit's own package, a figure declared on a proportional criterion: from a copy of
    # the demo as it stands during the self-assessment (no appraisal of the unit yet)
    from parapp.core.packages import export_unit_package
    season = folder / "son-ha-tu-danh-gia.parapp"
    shutil.copy(demo, season)
    with Store.open(season) as store:
        with store.edit("Tổ thư ký") as ed:
            ed.register_unit_key(UNIT, new_key(folder / f"{UNIT}-don-vi.key"))
            ed.write_scores([(UNIT, leaf, {"appraisal_points": None, "appraisal_note": ""})
                             for (unit, leaf) in store_pairs(store, UNIT)])
        unit = export_unit_package(store, UNIT, folder / f"goi-{UNIT}-tu-danh-gia.parapp").path
    with Store.open(unit) as pkg, pkg.edit(UNIT) as ed:
        ed.write_scores([(UNIT, FIGURE_LEAF, {
            "self_figure": "412/450", "explanation": "412 trên 450 hồ sơ được giải quyết trên "
            "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"})])
    return {"master": str(master), "packages": [str(p) for p in packages], "unit": str(unit)}


def store_pairs(store, unit: str) -> list[tuple[str, str]]:
    """(unit, leaf) of every score the unit has."""
    with store.engine.connect() as con:
        return [(unit, c) for (c,) in con.exec_driver_sql(
            "SELECT c.code FROM score s JOIN criterion c ON c.id = s.criterion_id JOIN unit u "
            "ON u.id = s.unit_id WHERE u.code = ? AND s.deleted = 0", (unit,))]


# -- in the child process ---------------------------------------------------------------------

def render(job: dict) -> int:
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from parapp.core import i18n
    from parapp.ui.app import install_translations
    from parapp.ui.theme import apply_theme
    if job["lang"] != "vi":
        i18n.set_language(job["lang"])
    install_translations(app, job["lang"])
    apply_theme(job["theme"], app)
    work = Path(job["work"])
    work.mkdir(parents=True, exist_ok=True)
    demo = work / "son-ha.parapp"
    shutil.copy(job["demo"], demo)
    tail = f"{job['lang']}-{job['theme']}"
    for view in job["views"]:
        if view == "main-window":
            window = main_window(demo)
            save(window.grab(), job, f"main-window-{job['size']}-{tail}")
        elif view == "dashboard":
            window = main_window(demo)
            window.tabs.setCurrentIndex(1)
            settle()
            save(window.grab(), job, f"dashboard-{job['size']}-{tail}")
        elif view == "merge-conflicts":
            save(merge_dialog(job["council"]).grab(), job, f"merge-conflicts-{tail}")
        elif view == "dialogs":
            save(dialogs(work), job, f"dialogs-{tail}")
        elif view == "report-preview":
            save(report_preview(demo, work).grab(), job, "report-preview")
        elif view == "unit-package":
            package = work / Path(job["council"]["unit"]).name
            shutil.copy(job["council"]["unit"], package)
            window = main_window(package, FIGURE_LEAF)
            save(window.grab(), job, f"unit-package-{job['size']}-{tail}")
        elif view == "analysis":
            window = main_window(demo)
            dialog = window.open_analysis()
            room = window.screen().availableGeometry()
            dialog.resize(room.width() - 66, room.height() - 68)  # 1300 × 700 on the laptop
            settle()
            name = f"{job['size']}-{tail}"
            save(dialog.grab(), job, f"analysis-unit-{name}")
            dialog.ui.tabs.setCurrentWidget(dialog.ui.heatTab)
            settle()
            save(dialog.grab(), job, f"analysis-heat-{name}")
            # the communes: 80 dots between the thresholds, one chosen
            dialog.block_combo.setCurrentIndex(dialog.block_combo.findData(DISTRIBUTION_BLOCK))
            dialog.ui.tabs.setCurrentWidget(dialog.ui.distTab)
            settle()
            dialog.choose_unit(DISTRIBUTION_UNIT)
            settle()
            save(dialog.grab(), job, f"analysis-distribution-{name}")
        elif view == "compare":
            # the commune three old ones were merged into: its derived figures, and the mapping
            window = main_window(demo)
            window.select_unit(DISTRIBUTION_UNIT)
            window.open_compare()
            wait_for(lambda w=window: w.compare_window is not None)
            dialog = window.compare_window
            room = window.screen().availableGeometry()
            dialog.resize(room.width() - 66, room.height() - 68)
            settle()
            name = f"{job['size']}-{tail}"
            save(dialog.grab(), job, f"compare-{name}")
            dialog.tabs.setCurrentWidget(dialog.mapping_tab)
            row = next(r for r in range(dialog.mapping_table.rowCount())
                       if dialog.mapping_table.item(r, 0).text() == "X902")
            dialog.mapping_table.scrollToItem(dialog.mapping_table.item(row, 0))
            settle()
            save(dialog.grab(), job, f"compare-mapping-{name}")
        elif view == "unit-seal":
            from parapp.ui.seal_dialog import SealDialog
            dialog = SealDialog(None, job["council"]["unit"], UNIT, party="unit")
            dialog.key_edit.setText(KEY_PATH.replace("STP.key", f"{UNIT}-don-vi.key"))
            dialog.show()
            settle()
            save(dialog.grab(), job, f"unit-seal-{tail}")
        close_all()
    return 0


def settle(ms: int = 100) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, seconds: float = 60) -> None:
    from time import monotonic
    end = monotonic() + seconds
    while not condition():
        if monotonic() > end:
            raise TimeoutError("the window did not get there")
        settle(50)


def close_all() -> None:
    from PySide6.QtWidgets import QApplication
    for widget in QApplication.topLevelWidgets():
        widget.close()
    settle(50)


def main_window(path: Path, leaf: str = ""):
    from parapp.ui.main_window import MainWindow
    window = MainWindow()
    assert window.open_path(path)
    wait_for(lambda: window.ops.idle and window.document.data is not None)
    window.setGeometry(window.screen().availableGeometry())  # the whole screen, maximized
    window.show()
    settle()
    window.select_unit(UNIT)
    window.select_criterion(leaf or LEAF)
    settle()
    return window


def merge_dialog(council: dict):
    from parapp.ui.merge_dialog import MergeDialog
    dialog = MergeDialog(None, council["master"])
    dialog.show()
    dialog.add_packages([Path(p) for p in council["packages"]])
    wait_for(lambda: dialog.plan is not None and not dialog.busy)
    choice, reason = dialog.choice_widgets(0)
    choice.setCurrentIndex(2)
    reason.setText("Đã đối chiếu biên bản kiểm tra")
    dialog.choice_widgets(1)[0].setCurrentIndex(1)
    settle()
    return dialog


def dialogs(work: Path):
    """The small dialogs as they open, one under the other."""
    from pathlib import PureWindowsPath

    from PySide6.QtGui import QImage, QPainter

    from parapp.ui import seal_dialog
    from parapp.ui.new_period import NewPeriodDialog
    seal_dialog.default_key_path = lambda member: PureWindowsPath(KEY_PATH)  # as on Windows
    shots = []
    from parapp.core.reports.decision import document_defaults
    from parapp.core.store import Store
    from parapp.core.view_data import read_period
    from parapp.ui.document_settings import DocumentSettingsDialog
    from parapp.ui.phase_dialog import PhaseDialog
    with Store.open(work / "son-ha.parapp") as store, store.edit("Tổ thư ký") as ed:
        ed.set_phase("self_assessment", "15/01/2026")  # a season under way, for the picture
        ed.set_phase("appraisal_1", "20/02/2026")
    with Store.open(work / "son-ha.parapp", readonly=True) as store:
        data = read_period(store)
        stored = dict(store.settings().document)
        period = store.period()
        defaults = document_defaults(period.province, period.year,
                                     [b.name for b in store.blocks()])
    for dialog in (NewPeriodDialog(), seal_dialog.SealDialog(None, work / "goi-STP.parapp", "STP"),
                   seal_dialog.KeyDialog(None, "STP", Path(KEY_PATH)),  # as written
                   DocumentSettingsDialog(stored, defaults),
                   PhaseDialog(data.phase, data.phase_steps, today=date(2026, 2, 9))):
        dialog.show()
        settle()
        shots.append(dialog.grab().toImage())
        dialog.close()
    gap = 12
    width = max(s.width() for s in shots)
    sheet = QImage(width, sum(s.height() for s in shots) + gap * (len(shots) - 1),
                   shots[0].format())
    sheet.fill(0)  # transparent where a dialog is narrower
    painter = QPainter(sheet)
    y = 0
    for shot in shots:
        painter.drawImage(0, y, shot)
        y += shot.height() + gap
    painter.end()
    return sheet


def report_preview(demo: Path, work: Path):
    """The decision with its annexes, signed with a self-signed certificate made here, at its
    signature."""
    from parapp.core.store import Store
    with Store.open(demo) as store, store.edit("Tổ thư ký") as ed:
        for key, text in (("signer_authority", "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH"),
                          ("signer_title", "PHÓ CHỦ TỊCH"), ("signer_name", SIGNER)):
            ed.set_setting(key, text)
    p12 = make_p12(work / "chu-ky.p12")
    report = main_window(demo).open_report("decision")
    wait_for(lambda: not report.building and report.pages.page_count > 0)
    dialog = report.open_sign_dialog()
    dialog.p12_radio.setChecked(True)
    dialog.p12_edit.setText(str(p12))
    dialog.passphrase_edit.setText(PASSPHRASE)
    out = work / "Văn bản" / "quyet-dinh-cong-bo-2025-da-ky.pdf"
    out.parent.mkdir(exist_ok=True)
    dialog.output_edit.setText(str(out))
    dialog.start_signing()
    wait_for(lambda: report.signed is not None and not report.building
             and report.pages.page_count > 0)
    page, top = signature_at(report.pages.pdf)
    pages = report.pages
    y = pages.page_rect(page).top() + round(top * pages.pixels_per_point())
    bar = report.scroll.verticalScrollBar()
    bar.setValue(y - report.scroll.viewport().height() // 3)  # the stamp in view
    settle(300)
    return report


def signature_at(pdf) -> tuple[int, float]:
    """The page of the signature field and the field's top, in points from the page's top."""
    import pypdfium2.raw as raw
    for index in range(len(pdf)):
        page = pdf[index]
        for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, i)
            try:
                if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_WIDGET:
                    rect = raw.FS_RECTF()
                    raw.FPDFAnnot_GetRect(annot, rect)
                    return index, page.get_height() - rect.top
            finally:
                raw.FPDFPage_CloseAnnot(annot)
    return len(pdf) - 1, 0.0


def make_p12(path: Path) -> Path:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Sơn Hà"),
                      x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"chu-ky", key, cert, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8"))))
    return path


def save(picture, job: dict, name: str) -> None:
    """Write `picture` (a QPixmap or QImage) as out/<name>.png in 256 colours."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    image = Image.open(BytesIO(bytes(buffer.data())))
    has_alpha = image.mode == "RGBA" and image.getextrema()[3][0] < 255
    image = image.convert("RGBA" if has_alpha else "RGB")
    small = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = Path(job["out"]) / f"{name}.png"
    small.save(out, optimize=True)
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
          f"{image.width}×{image.height}, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main())
