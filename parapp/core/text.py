"""Text as parapp keeps it: no control characters but line breaks and tabs.

A line break typed in Word (Shift+Enter) and pasted into Excel is a vertical tab (\\x0b, saved
as `_x000B_`); a form feed or a stray escape comes along the same way. Excel workbooks and Word
documents cannot hold them (openpyxl and the XML writer refuse them), so one imported note would
stop every later export of the period. They become what they stand for on the way in, and on
the way out of a file that holds them already.
"""
from __future__ import annotations

# \x0b (vertical tab) and \x0c (form feed) are line breaks; every other C0 control but \t, \n
# and \r, and DEL, a space
_PLAIN = {c: " " for c in (*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f)} | {
    0x0b: "\n", 0x0c: "\n"}
_PLAIN_TABLE = str.maketrans(_PLAIN)


def plain_text(text: str) -> str:
    """`text` without control characters (see the module's docstring)."""
    return text.translate(_PLAIN_TABLE) if not text.isprintable() else text
