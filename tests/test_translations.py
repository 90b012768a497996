"""The English translation of the window (resources/i18n/parapp_en.ts → parapp/ui/i18n/*.qm),
and the Vietnamese one of Qt's own dialogs (resources/i18n/qtbase_vi.ts: Qt ships none).

A UI string added without a translation, a translation that lost a placeholder or an
accelerator, or a .qm not rebuilt after the .ts changed fails here. To fix:

    .venv/bin/python scripts/i18n.py update     # extract the new strings
    (translate them in resources/i18n/parapp_en.ts, drop type="unfinished")
    .venv/bin/python scripts/i18n.py release    # rebuild parapp/ui/i18n/*.qm
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "parapp_en.ts"
QM = ROOT / "parapp" / "ui" / "i18n" / "parapp_en.qm"
QT_TS = ROOT / "resources" / "i18n" / "qtbase_vi.ts"
QT_QM = ROOT / "parapp" / "ui" / "i18n" / "qtbase_vi.qm"
CATALOGUES = pytest.mark.parametrize("ts", [TS, QT_TS], ids=["parapp_en", "qtbase_vi"])

# {unit}, {n}, {0}, {x:.2f} … (str.format) and %n, %1 … %99, %L1 (Qt)
BRACES = re.compile(r"\{[^{}]*\}")
PERCENT = re.compile(r"%L?(?:n|\d{1,2})")


def _messages(ts: Path = TS) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the .ts."""
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None, f"{name}: {source!r} has no <translation>"
            out.append((name, source, translation))
    return out


def _texts(translation: ET.Element) -> list[str]:
    """The translated text, or every plural form of a numerus message."""
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _report(problems: list[str]) -> str:
    return f"{len(problems)} message(s):\n  " + "\n  ".join(problems)


@CATALOGUES
def test_every_message_is_translated(ts):
    messages = _messages(ts)
    assert len(messages) > 100, "the .ts looks empty: run scripts/i18n.py update"
    problems = []
    for context, source, translation in messages:
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"[{context}] {source!r} is {kind}")
        elif not all(t.strip() for t in _texts(translation)):
            problems.append(f"[{context}] {source!r} has an empty translation")
    assert not problems, f"untranslated strings in {ts.name} — " + _report(problems)


@CATALOGUES
def test_placeholders_are_kept(ts):
    problems = []
    for context, source, translation in _messages(ts):
        wanted = sorted(BRACES.findall(source) + PERCENT.findall(source))
        for text in _texts(translation):
            got = BRACES.findall(text) + PERCENT.findall(text)
            lost = [p for p in wanted if p not in got]
            extra = [p for p in got if p not in wanted]
            if lost or extra:
                problems.append(f"[{context}] {source!r} → {text!r}: "
                                f"missing {lost}, unknown {extra}")
    assert not problems, "placeholders differ — " + _report(problems)


@CATALOGUES
def test_accelerators_and_edges_are_kept(ts):
    """A menu text's & stays (one accelerator), and so do leading/trailing spaces and "…"
    (Qt's "..." is "…" in Vietnamese)."""
    def accelerators(s: str) -> int:
        return len(re.findall(r"&(?!&)", s.replace("&&", "")))

    problems = []
    for context, source, translation in _messages(ts):
        for text in _texts(translation):
            if accelerators(source) != accelerators(text):
                problems.append(f"[{context}] {source!r} → {text!r}: accelerator (&)")
            if source[:1].isspace() != text[:1].isspace() or \
                    source[-1:].isspace() != text[-1:].isspace():
                problems.append(f"[{context}] {source!r} → {text!r}: leading/trailing space")
            if source.endswith(("…", "...")) != text.endswith(("…", "...")):
                problems.append(f"[{context}] {source!r} → {text!r}: trailing …")
    assert not problems, _report(problems)


def _installed(qapp, qm: Path):
    """`qm` installed on the application for one test (removed after it)."""
    translator = QTranslator()
    assert translator.load(str(qm)), f"cannot load {qm}: run scripts/i18n.py release"
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp):
    yield from _installed(qapp, QM)


@pytest.fixture
def qt_vietnamese(qapp):
    yield from _installed(qapp, QT_QM)


@pytest.mark.parametrize(("context", "source", "english_text"), [
    ("CriteriaModel", "Chênh lệch", "Difference"),
    ("RankingModel", "Tăng/giảm", "Change"),
    ("IndexChart", "Chỉ số (%)", "Index (%)"),
    ("SettingsDialog", "Tùy chỉnh (JSON)", "Custom (JSON)"),
])
def test_compiled_translation_is_english(english, context, source, english_text):
    assert QCoreApplication.translate(context, source) == english_text


@pytest.mark.parametrize(("context", "source", "vietnamese"), [
    ("QPlatformTheme", "&Yes", "&Có"),
    ("QPlatformTheme", "Cancel", "Hủy"),
    ("QMessageBox", "Show Details...", "Hiện chi tiết…"),
    ("QFileDialog", "File &name:", "&Tên tệp:"),
    ("QPrintDialog", "&Print", "&In"),
    ("QLineEdit", "Select All", "Chọn tất cả"),
])
def test_compiled_qt_catalogue_is_vietnamese(qt_vietnamese, context, source, vietnamese):
    assert QCoreApplication.translate(context, source) == vietnamese


@pytest.mark.parametrize(("n", "english_text", "vietnamese"), [
    (1, "Merged 1 package into {file}", "Đã hợp nhất 1 gói vào {file}"),
    (15, "Merged 15 packages into {file}", "Đã hợp nhất 15 gói vào {file}"),
])
def test_counts_read_as_english_and_vietnamese(qapp, english, n, english_text, vietnamese):
    """One package, fifteen packages: no 'package(s)'; Vietnamese, which has no plural, keeps
    its one form with the count in place."""
    source = "Đã hợp nhất %n gói vào {file}"
    assert QCoreApplication.translate("MergeDialog", source, None, n) == english_text
    qapp.removeTranslator(english)
    assert QCoreApplication.translate("MergeDialog", source, None, n) == vietnamese


def test_no_english_text_counts_with_an_s_in_brackets():
    problems = [f"[{context}] {text!r}" for context, _source, translation in _messages()
                for text in _texts(translation) if "(s)" in text]
    assert not problems, "use tr(text, None, n) with %n and numerus forms — " + \
        _report(problems)


def test_window_code_picks_up_the_translation(english):
    from parapp.ui.criteria_model import MISSING_EVIDENCE, status_label
    assert status_label(MISSING_EVIDENCE) == "Missing evidence"


def test_without_translator_strings_stay_vietnamese(qapp):
    assert QCoreApplication.translate("CriteriaModel", "Chênh lệch") == "Chênh lệch"


def _lrelease() -> str | None:
    name = "pyside6-lrelease" + (".exe" if sys.platform == "win32" else "")
    here = Path(sys.executable).parent / name  # the venv's, as scripts/i18n.py uses
    return str(here) if here.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.parametrize(("ts", "qm"), [(TS, QM), (QT_TS, QT_QM)],
                         ids=["parapp_en", "qtbase_vi"])
def test_qm_is_up_to_date(tmp_path, ts, qm):
    """The shipped .qm is exactly what lrelease makes of the .ts (a stale .qm fails)."""
    assert qm.is_file(), f"{qm.relative_to(ROOT)} is missing: run scripts/i18n.py release"
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease not found")
    fresh = tmp_path / qm.name
    proc = subprocess.run([tool, str(ts), "-qm", str(fresh)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr or proc.stdout
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"parapp/ui/i18n/{qm.name} is stale: run .venv/bin/python scripts/i18n.py release")
