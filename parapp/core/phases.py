"""The phases of a season and what each lets be written.

The secretariat moves a period through preparation → self-assessment → appraisal round 1 →
explanation → appraisal round 2 → approved → published, each phase with an optional deadline
(`Edit.set_phase`; `parapp phase`). The phase decides which score fields can be written in
the master, and whether evidence can change: the units' side (self scores, explanations,
evidence) during self-assessment, the first appraisal in round 1, the units' explanations and
supplementary evidence in the explanation round, the second appraisal in round 2. Preparation
leaves everything open (setting up, importing last year's data). Once approved, nothing that
makes the results changes — scores, criteria, units, settings, overrides — until the
secretariat reopens an earlier phase, which needs a reason; going back is always recorded.

A file that never set a phase (made before phases existed) keeps everything open, as before.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from parapp.core.i18n import pick


class Phase(enum.StrEnum):
    PREPARATION = "preparation"
    SELF_ASSESSMENT = "self_assessment"
    APPRAISAL_1 = "appraisal_1"
    EXPLANATION = "explanation"
    APPRAISAL_2 = "appraisal_2"
    APPROVED = "approved"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return pick(*LABELS[self])

    @property
    def order(self) -> int:
        return list(Phase).index(self)

    @property
    def locked(self) -> bool:
        """Approved or published: the results no longer change."""
        return self in (Phase.APPROVED, Phase.PUBLISHED)


LABELS = {
    Phase.PREPARATION: ("Chuẩn bị", "Preparation"),
    Phase.SELF_ASSESSMENT: ("Đơn vị tự đánh giá", "Self-assessment"),
    Phase.APPRAISAL_1: ("Thẩm định vòng 1", "Appraisal, round 1"),
    Phase.EXPLANATION: ("Đơn vị giải trình", "Explanation"),
    Phase.APPRAISAL_2: ("Thẩm định vòng 2", "Appraisal, round 2"),
    Phase.APPROVED: ("Đã phê duyệt", "Approved"),
    Phase.PUBLISHED: ("Đã công bố", "Published"),
}

SELF_FIELDS = frozenset({"self_points", "explanation", "self_figure"})
ROUND1_FIELDS = frozenset({"appraisal_points", "appraisal_note", "appraiser", "appraisal_figure"})
EXPLANATION_FIELDS = frozenset({"explanation2"})
ROUND2_FIELDS = frozenset({"appraisal2_points", "appraisal2_note", "appraiser2"})
EXPECTED_FIELDS = frozenset({"expected_points"})  # mid-year: before and as units self-assess
ALL_FIELDS = SELF_FIELDS | ROUND1_FIELDS | EXPLANATION_FIELDS | ROUND2_FIELDS | EXPECTED_FIELDS
FIELD_LABELS = {
    "self_points": ("điểm tự đánh giá", "the self score"),
    "explanation": ("giải trình", "the explanation"),
    "self_figure": ("số liệu tự đánh giá", "the declared figure"),
    "appraisal_figure": ("số liệu thẩm định", "the appraiser's figure"),
    "appraisal_points": ("điểm thẩm định vòng 1", "the first appraisal"),
    "appraisal_note": ("lý do trừ điểm vòng 1", "the first appraisal's reason"),
    "appraiser": ("người thẩm định vòng 1", "the first appraiser"),
    "explanation2": ("giải trình bổ sung", "the further explanation"),
    "appraisal2_points": ("điểm thẩm định vòng 2", "the second appraisal"),
    "appraisal2_note": ("lý do trừ điểm vòng 2", "the second appraisal's reason"),
    "appraiser2": ("người thẩm định vòng 2", "the second appraiser"),
    "expected_points": ("điểm dự kiến", "the expected score"),
}

OPEN_FIELDS: dict[Phase, frozenset[str]] = {
    Phase.PREPARATION: ALL_FIELDS,
    Phase.SELF_ASSESSMENT: SELF_FIELDS | EXPECTED_FIELDS,
    Phase.APPRAISAL_1: ROUND1_FIELDS,
    Phase.EXPLANATION: EXPLANATION_FIELDS,
    Phase.APPRAISAL_2: ROUND2_FIELDS,
    Phase.APPROVED: frozenset(),
    Phase.PUBLISHED: frozenset(),
}
EVIDENCE_OPEN = frozenset({Phase.PREPARATION, Phase.SELF_ASSESSMENT, Phase.EXPLANATION})


def open_fields(phase: Phase | None) -> frozenset[str]:
    """The score fields the master takes in `phase` (every field when no phase was set)."""
    return ALL_FIELDS if phase is None else OPEN_FIELDS[phase]


def evidence_open(phase: Phase | None) -> bool:
    return phase is None or phase in EVIDENCE_OPEN


def second_round(phase: Phase | None) -> bool:
    """Whether appraisals entered in the master now are the second round's."""
    return phase is Phase.APPRAISAL_2


@dataclass(frozen=True)
class PhaseStep:
    """One entry of the period's phase history, as plain data."""
    at: str  # ISO time
    phase: Phase
    deadline: date | None
    author: str
    reason: str


@dataclass(frozen=True)
class PhaseState:
    """Where the period stands: its phase (None: never set), that phase's deadline, and when and
    why it was entered."""
    phase: Phase | None
    deadline: date | None = None
    since: str = ""  # ISO time the phase was entered
    reason: str = ""

    def days_left(self, today: date) -> int | None:
        return (self.deadline - today).days if self.deadline is not None else None

    def describe(self, today: date) -> str:
        """"Thẩm định vòng 1 — hạn 15/03/2026 (còn 9 ngày)", as the window and `info` say."""
        if self.phase is None:
            return pick("Chưa đặt giai đoạn (mọi phần đều ghi được)",
                        "No phase set (everything can be written)")
        text = self.phase.label
        left = self.days_left(today)
        if self.deadline is not None and left is not None:
            when = self.deadline.strftime("%d/%m/%Y")
            if left > 0:
                text += pick(f" — hạn {when} (còn {left} ngày)", f" — due {when} ({left} days left)")
            elif left == 0:
                text += pick(f" — hạn {when} (hôm nay)", f" — due {when} (today)")
            else:
                text += pick(f" — hạn {when} (quá hạn {-left} ngày)",
                             f" — due {when} ({-left} days overdue)")
        return text


def closed_refusal(phase: Phase, what_vi: str, what_en: str) -> tuple[str, str]:
    """The words of a refusal: what cannot be written in this phase, and what to do."""
    vi, en = LABELS[phase]
    if phase.locked:
        return (f"Kỳ đánh giá ở giai đoạn «{vi}»: không sửa được {what_vi}; muốn sửa phải mở lại "
                "một giai đoạn trước, có ghi lý do (parapp phase)",
                f"The period is at «{en}»: {what_en} cannot be changed; reopen an earlier phase "
                "with a reason first (parapp phase)")
    return (f"Giai đoạn «{vi}» không cho ghi {what_vi}", f"The phase «{en}» does not take "
            f"{what_en}")
