"""Liberation Serif (Times New Roman metrics, OFL, full Vietnamese coverage) for reportlab.

`register()` adds the family once per process; `nfc()` normalises every text drawn, so a
decomposed "ệ" (e + combining marks, as some spreadsheets and keyboards produce) becomes the
precomposed glyph the font has instead of a base letter with stacked marks.
"""
from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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


def font_files() -> dict[str, Path]:
    return {name: FONT_DIR / file for name, file in FACES.values()}


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
            for name, file in FACES.values():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                          boldItalic=BOLD_ITALIC)
            _done = True
    return FAMILY


def nfc(text: object) -> str:
    """Any value as NFC text ('' for None)."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text))
