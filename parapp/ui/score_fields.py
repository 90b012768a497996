"""What the score editor's fields hold: the validator of a score as typed, and a leaf's stored
row as the editor's two sides show it (the second appraisal on the appraisal side of a round-2
package)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator

from parapp.core import phases
from parapp.core.criteria import Node, check_points
from parapp.core.numbers import MAX_ENTERED_DECIMALS, decimals_of, fmt, parse_decimal, too_precise

EXPECTED = "expected_points"  # the mid-year expected score: points of its own, no text beside
POINT_FIELDS = ("self_points", "appraisal_points", EXPECTED)
TEXT_FIELDS = ("explanation", "appraisal_note")
PARTNER = {"self_points": "explanation", "explanation": "self_points",
            "appraisal_points": "appraisal_note", "appraisal_note": "appraisal_points"}
EMPTY_ROW = {"self_points": None, "explanation": "", "appraisal_points": None,
              "appraisal_note": "", "explanation2": "", "appraisal2_points": None,
              "appraisal2_note": "", "reference": None, EXPECTED: None}


SECOND_ROUND = {"appraisal_points": "appraisal2_points", "appraisal_note": "appraisal2_note"}
# a unit's explanation package: the unit's text field holds its explanation of the deduction
EXPLANATION_ROUND = {"explanation": "explanation2"}


def second_round(document) -> bool:
    """The appraisal side edits the second appraisal: in a member's round-2 package, and in
    the master during the second appraisal round."""
    if document is None:
        return False
    scope = document.package_scope
    if scope is not None:
        return scope.round == 2
    return phases.second_round(document.phase)


def explanation_round(document) -> bool:
    """The unit's side edits the explanation of a deduction: in a unit's explanation
    package."""
    scope = document.package_scope if document is not None else None
    return scope is not None and scope.kind.party == "unit" and scope.kind.round == 1


def stored_fields(document) -> dict[str, str]:
    """The editor's field names → the score fields they write, where they differ."""
    if second_round(document):
        return SECOND_ROUND
    return EXPLANATION_ROUND if explanation_round(document) else {}


def score_row(document, unit_code: str, criterion_code: str) -> dict[str, Any]:
    """The stored score fields of one leaf of one unit (all empty if never scored), as the
    editor's two sides show them: "appraisal_*" are the appraisal being entered (the second in
    a round-2 package, the first one kept as "first_*"), "reference" what it is measured against
    (the self score, or the first appraisal in round 2), as in Edit.write_scores. In a unit's
    explanation package "explanation" is the explanation of the deduction, the one given at
    self-assessment kept as "first_explanation"."""
    row = document.data.leaf(unit_code, criterion_code).fields()
    row["reference"] = row["self_points"]
    if explanation_round(document):
        row["first_explanation"], row["explanation"] = row["explanation"], row["explanation2"]
    if second_round(document):
        row["first_points"], row["first_note"] = row["appraisal_points"], row["appraisal_note"]
        row["reference"] = row["appraisal_points"]
        row["appraisal_points"], row["appraisal_note"] = (row["appraisal2_points"],
                                                          row["appraisal2_note"])
    return row


def shown_points(value: Decimal | None, places: int | None = None) -> str:
    """A stored score exactly, in the language's decimal mark, with at least `places`
    decimals (the period's display decimals: '0,50' beside '/ 0,50', never rounded:
    '0,425' keeps its third): '0,75', '2,00', ''."""
    if value is None or places is None:
        return fmt(value, None)
    return fmt(value, max(places, decimals_of(value)))


class PointsValidator(QValidator):
    """Accepts what `parse_decimal` reads ('8,5' and '8.5') and `check_points` allows.

    Keystrokes that cannot lead to a number are refused outright; a number that is not (yet) a
    valid score is Intermediate, and `problem()` says why, for the editor to show."""

    _SHAPE = re.compile(r"\s*-?\d*(?:[.,]\d*)?\s*")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.node: Node | None = None
        self.block = ""

    def set_leaf(self, node: Node | None, block: str) -> None:
        self.node, self.block = node, block
        self.changed.emit()

    def parse(self, text: str) -> Decimal | None:
        """The score typed (None for an empty field). Raises ValueError if it is not a number."""
        text = text.strip()
        return None if not text else parse_decimal(text)

    def problem(self, text: str) -> str | None:
        """Why `text` is not a valid score for the leaf, or None (an empty field clears it)."""
        try:
            value = self.parse(text)
        except ValueError:
            return self.tr("Chưa phải là số")
        if value is None:
            return None
        if too_precise(value):
            return self.tr("tối đa {n} chữ số thập phân").format(n=MAX_ENTERED_DECIMALS)
        if self.node is not None:
            return check_points(self.node, self.block, value)
        return None

    def validate(self, text: str, pos: int):
        if not self._SHAPE.fullmatch(text):
            return QValidator.State.Invalid
        if self.problem(text) is None:
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate
