"""The documents' typeface for reportlab: Liberation Serif, shipped (Times New Roman's metrics,
OFL, full Vietnamese coverage) — or Times New Roman itself, which NĐ 30/2020 names, on a machine
that has it and is told to use it (`PARAPP_FONT=times`, docs/publishing.md). Both have the same
metrics, so a document lays out the same with either.

`register()` adds the family once per process; `nfc()` normalises every text drawn, so a
decomposed "ệ" (e + combining marks, as some spreadsheets and keyboards produce) becomes the
precomposed glyph the font has instead of a base letter with stacked marks.
"""
from __future__ import annotations

import functools
import logging
import os
import threading
import unicodedata
import zlib
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from parapp.core.text import plain_text

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"
FAMILY = "LiberationSerif"
FACES = {
    (0, 0): ("LiberationSerif", "LiberationSerif-Regular.ttf"),
    (1, 0): ("LiberationSerif-Bold", "LiberationSerif-Bold.ttf"),
    (0, 1): ("LiberationSerif-Italic", "LiberationSerif-Italic.ttf"),
    (1, 1): ("LiberationSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FACES[k][0] for k in ((0, 0), (1, 0), (0, 1), (1, 1)))
_lock = threading.Lock()
_done = False


# where Windows, Linux (the msttcorefonts package) and macOS keep Times New Roman's four faces,
# in FACES' order: regular, bold, italic, bold italic
TIMES_FILES = {
    "windows": ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    "msttcorefonts": ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf",
                      "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"),
    "macos": ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
              "Times New Roman Bold Italic.ttf"),
}


def times_folders() -> list[Path]:
    """Where Times New Roman may be installed on this machine (PARAPP_FONT_DIR first)."""
    folders = [Path(p) for p in os.environ.get("PARAPP_FONT_DIR", "").split(os.pathsep) if p]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        folders.append(Path(windir) / "Fonts")
    folders += [Path("/usr/share/fonts/truetype/msttcorefonts"),
                Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts")]
    return folders


def times_new_roman() -> list[Path] | None:
    """Times New Roman's four faces if this machine has them all, else None."""
    for folder in times_folders():
        for names in TIMES_FILES.values():
            paths = [folder / name for name in names]
            if all(p.is_file() for p in paths):
                return paths
    return None


def font_files() -> dict[str, Path]:
    """The file of each face: Times New Roman when PARAPP_FONT=times and the machine has it,
    else the Liberation Serif parapp ships (also when Times New Roman is asked for and missing:
    the documents are never held up for a font; the log says so)."""
    shipped = {name: FONT_DIR / file for name, file in FACES.values()}
    if os.environ.get("PARAPP_FONT", "").strip().lower() not in ("times", "times new roman"):
        return shipped
    found = times_new_roman()
    if found is None:
        log.warning("PARAPP_FONT=times but Times New Roman is not installed (looked in %s): "
                    "the documents use Liberation Serif, which has the same metrics",
                    ", ".join(str(f) for f in times_folders()))
        return shipped
    return dict(zip(shipped, found, strict=True))


def register() -> str:
    """Register the four faces as one family (idempotent, thread-safe); returns the family."""
    global _done
    if _done:
        return FAMILY
    with _lock:
        if not _done:
            # binary (zlib only) streams instead of ASCII85 on top: a quarter smaller, and the
            # pure-Python ASCII85 encoder was a tenth of the layout time of a score sheet
            rl_config.useA85 = 0
            for name, path in font_files().items():
                font = TTFont(name, str(path))
                _share_subsets(font)
                pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                          boldItalic=BOLD_ITALIC)
            _done = True
    return FAMILY


class _Flate:
    """reportlab's zlib stream filter, remembering what it compressed last (font subsets)."""
    pdfname = "FlateDecode"

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def encode(content: bytes) -> bytes:
        return zlib.compress(content)


def _share_subsets(font: TTFont) -> None:
    """Documents of the same kind embed the same subsets of a face (the same characters in the
    same order: 350 of the 600 subsets of 150 notices repeat one made before); a subset's
    font program and its compressed stream are made once per process instead of once per
    document — the same bytes, a sixth of the notices' time otherwise."""
    face: Any = font.face  # its methods are replaced: no type of it allows that
    make_subset, add_subset_objects = face.makeSubset, face.addSubsetObjects
    made = functools.lru_cache(maxsize=64)(lambda codes: make_subset(list(codes)))

    def add_objects(doc, fontname, subset):
        ref = add_subset_objects(doc, fontname, subset)
        stream = doc.idToObject[doc.idToObject[ref.name].dict["FontFile2"].name]
        if stream.filters:  # a compressed document
            stream.filters = [_Flate]
        return ref

    face.makeSubset = lambda subset: made(tuple(subset))
    face.addSubsetObjects = add_objects


def _letters() -> str:
    """Vietnamese's letters beyond ASCII (the vowels with their marks and tones, đ), both
    cases, in code point order."""
    marks = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    small = {unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in marks}
    small.add("đ")
    return "".join(sorted(c for c in small | {c.upper() for c in small} if not c.isascii()))


# What every document gives the same codes in the faces of its table cells, before it draws
# anything (nd30): the letters, the minus sign of the figures and the quotes of the notes.
SEEDED = _letters() + "\u2212\u201c\u201d"
CELL_FACES = (REGULAR, BOLD, ITALIC)


def nfc(text: object) -> str:
    """Any value as NFC text ('' for None), without control characters (a file written before
    they were kept out may hold some: `plain_text`)."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", plain_text(str(text)))
