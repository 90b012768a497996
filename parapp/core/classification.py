"""Classification of unit heads as an ordered, editable rule list.

Each rule gives a grade when its conditions hold: a minimum index, optionally a best-allowed rank
and minimum component points. A rule may carry a quota: at most `quota` × (the number of units in
the block that reached `quota_base` or better), rounded down — or, with `quota_of` "rated", at
most `quota` × the number finally rated exactly `quota_base` (as NĐ 335/2025 counts: "xuất sắc"
no more than 20 % of those rated "hoàn thành tốt"). Candidates beyond the quota, by index then
rank, fall through to the next rule they satisfy. Manual overrides and
disqualifications (always with a reason) win over the rules and take quota places first.
Rank conditions do not apply to units that are scored but not ranked.

A head in post fewer than the period's `min_months_in_post` months of its year (`months_in_post`)
is not classified (Grade.NOT_CLASSIFIED, with the reason) unless an override gives a grade: the
rules never see them, so they take no quota place and count in no quota base.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from parapp.core.i18n import fold, pick
from parapp.core.numbers import fmt, fmt_date, parse_decimal
from parapp.core.ranking import RankRow
from parapp.core.scoring import COMPONENTS


class Grade(StrEnum):
    EXCELLENT = "xuat_sac"
    GOOD = "tot"
    COMPLETED = "hoan_thanh"
    NOT_COMPLETED = "khong_hoan_thanh"
    # no level at all: a head in post too short a time (or so overridden); never a rule's grade
    NOT_CLASSIFIED = "khong_xep_loai"

    @property
    def label(self) -> str:
        return {
            Grade.EXCELLENT: pick("Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
            Grade.GOOD: pick("Hoàn thành tốt nhiệm vụ", "Good"),
            Grade.COMPLETED: pick("Hoàn thành nhiệm vụ", "Completed"),
            Grade.NOT_COMPLETED: pick("Không hoàn thành nhiệm vụ", "Not completed"),
            Grade.NOT_CLASSIFIED: pick("Không xếp loại", "Not classified"),
        }[self]

    @property
    def order(self) -> int:
        return list(Grade).index(self)

    def at_least(self, other: Grade) -> bool:
        """Whether this grade is `other` or better. Not classified is no level: it is at least
        nothing and nothing is at least it."""
        if Grade.NOT_CLASSIFIED in (self, other):
            return False
        return self.order <= other.order


# the grades a rule may give (and a quota be counted in): every one but "not classified"
RULE_GRADES = tuple(g for g in Grade if g is not Grade.NOT_CLASSIFIED)


@dataclass(frozen=True, slots=True)
class Rule:
    grade: Grade
    min_index: Decimal | None = None
    max_rank: int | None = None
    component_min: Mapping[str, Decimal] = field(default_factory=dict)
    quota: Decimal | None = None  # fraction, e.g. 0.20
    quota_base: Grade | None = None
    # what the quota is a fraction of: units at `quota_base` or better ("at_least"), or units
    # finally rated exactly `quota_base` ("rated")
    quota_of: str = "at_least"

    def accepts(self, row: RankRow) -> bool:
        r = row.result
        if self.min_index is not None and r.index < self.min_index:
            return False
        if self.max_rank is not None and row.rank is not None and row.rank > self.max_rank:
            return False
        if not self.component_min:  # the usual rule: no generator made for each of 1,440 heads
            return True
        return all(r.component(name) >= minimum for name, minimum in self.component_min.items())

    def describe(self) -> str:
        parts = [self.grade.label]
        if self.min_index is not None:
            parts.append(pick(f"chỉ số ≥ {fmt(self.min_index, None)}%",
                              f"index ≥ {fmt(self.min_index, None)}%"))
        if self.max_rank is not None:
            parts.append(pick(f"xếp hạng ≤ {self.max_rank}", f"rank ≤ {self.max_rank}"))
        for name, minimum in self.component_min.items():
            parts.append(f"{name} ≥ {fmt(minimum, None)}")
        if self.quota is not None:
            base = (self.quota_base or self.grade).label.lower()
            pct = fmt(self.quota * 100, None)
            if self.quota_of == "rated":
                parts.append(pick(f"không quá {pct}% số đơn vị xếp loại {base}",
                                  f"at most {pct}% of the number rated {base}"))
            else:
                parts.append(pick(f"không quá {pct}% số đơn vị đạt mức {base} trở lên",
                                  f"at most {pct}% of units rated {base} or better"))
        return "; ".join(parts)

    def to_json(self) -> dict:
        out: dict = {"grade": self.grade.value}
        if self.min_index is not None:
            out["min_index"] = str(self.min_index)
        if self.max_rank is not None:
            out["max_rank"] = self.max_rank
        if self.component_min:
            out["component_min"] = {k: str(v) for k, v in self.component_min.items()}
        if self.quota is not None:
            out["quota"] = str(self.quota)
            out["quota_base"] = (self.quota_base or self.grade).value
            if self.quota_of != "at_least":
                out["quota_of"] = self.quota_of
        return out

    @classmethod
    def from_json(cls, data: Mapping) -> Rule:
        if not isinstance(data, Mapping) or not isinstance(data.get("component_min", {}), Mapping):
            raise ValueError(pick("mỗi quy tắc là một đối tượng JSON {\"grade\": …}, "
                                  "component_min cũng là một đối tượng",
                                  "each rule is a JSON object {\"grade\": …}, and so is "
                                  "component_min"))
        unknown = set(data) - {"grade", "min_index", "max_rank", "component_min", "quota",
                               "quota_base", "quota_of"}
        if unknown:
            raise ValueError(pick(f"khóa không hợp lệ trong quy tắc: {sorted(unknown)[0]}",
                                  f"unknown key in rule: {sorted(unknown)[0]}"))
        components = {k: parse_decimal(v) for k, v in data.get("component_min", {}).items()}
        bad = [k for k in components if k not in COMPONENTS]
        if bad:
            raise ValueError(pick(f"thành phần điểm không tồn tại: {bad[0]}",
                                  f"no such component: {bad[0]}"))
        quota = parse_decimal(data["quota"]) if data.get("quota") is not None else None
        if quota is not None and not (0 <= quota <= 1):
            raise ValueError(pick("hạn mức phải trong khoảng 0…1", "quota must be within 0…1"))
        quota_of = data.get("quota_of", "at_least")
        if quota_of not in QUOTA_OF:
            raise ValueError(pick(f"quota_of phải là một trong: {', '.join(QUOTA_OF)}",
                                  f"quota_of must be one of: {', '.join(QUOTA_OF)}"))
        max_rank = data.get("max_rank")
        if max_rank is not None and (not isinstance(max_rank, int) or max_rank < 1):
            raise ValueError(pick("xếp hạng tối đa phải là số nguyên dương",
                                  "max_rank must be a positive integer"))
        known = [g.value for g in RULE_GRADES]
        wrong = next((g for g in (data.get("grade"), data.get("quota_base") or Grade.GOOD)
                      if not isinstance(g, str) or g not in known), None)
        if wrong is not None or "grade" not in data:
            raise ValueError(pick(f"xếp loại không tồn tại: {wrong} (có: {', '.join(known)})",
                                  f"no such grade: {wrong} (known: {', '.join(known)})"))
        return cls(
            grade=Grade(data["grade"]),
            min_index=parse_decimal(data["min_index"]) if data.get("min_index") is not None
            else None,
            max_rank=max_rank, component_min=components, quota=quota,
            quota_base=Grade(data["quota_base"]) if data.get("quota_base") else None,
            quota_of=quota_of)


QUOTA_OF = ("at_least", "rated")


def _bands(excellent: str, good: str, done: str, quota: str | None = None) -> tuple[Rule, ...]:
    return (
        Rule(Grade.EXCELLENT, Decimal(excellent),
             quota=Decimal(quota) if quota else None, quota_base=Grade.GOOD if quota else None,
             quota_of="rated"),
        Rule(Grade.GOOD, Decimal(good)),
        Rule(Grade.COMPLETED, Decimal(done)),
        Rule(Grade.NOT_COMPLETED),
    )


# name → (rules, description vi, description en); docs/classification.md gives their sources
PRESETS: dict[str, tuple[tuple[Rule, ...], str, str]] = {
    "bands-90-70-50": (_bands("90", "70", "50"),
                       "Khung theo chỉ số, không hạn mức (như các tỉnh công bố): ≥ 90 xuất sắc, "
                       "≥ 70 tốt, ≥ 50 hoàn thành",
                       "Index bands, no quota (as provinces publish): ≥ 90 excellent, ≥ 70 good, "
                       "≥ 50 completed"),
    "nd335": (_bands("90", "70", "50", quota="0.20"),
              "Theo tỷ lệ của NĐ 335/2025: ≥ 90 xuất sắc nhưng số xuất sắc không quá 20% số "
              "hoàn thành tốt, ≥ 70 tốt, ≥ 50 hoàn thành",
              "With Decree 335/2025's ratio: ≥ 90 excellent, but no more excellent than 20% of "
              "the number rated good; ≥ 70 good, ≥ 50 completed"),
    "bands-90-80-70": (_bands("90", "80", "70"),
                       "Khung phổ biến: ≥ 90 xuất sắc, ≥ 80 tốt, ≥ 70 hoàn thành",
                       "Common bands: ≥ 90 excellent, ≥ 80 good, ≥ 70 completed"),
}
# what a new period (and the demo) is classified with; a file that never stored the setting
# keeps the rule it was made under, nd335 (SPECS' default), so its published results stay
NEW_PERIOD_CLASSIFICATION = "bands-90-70-50"


def rules_from_setting(value: str | list) -> tuple[Rule, ...]:
    """A preset name, or a JSON rule list (text or parsed)."""
    if isinstance(value, str) and value in PRESETS:
        return PRESETS[value][0]
    data = json.loads(value) if isinstance(value, str) else value
    if not isinstance(data, list) or not data:
        raise ValueError(pick("danh sách quy tắc xếp loại phải là một mảng JSON không rỗng",
                              "the classification rules must be a non-empty JSON list"))
    return tuple(Rule.from_json(item) for item in data)


# long enough to pass the length rule below, yet saying nothing; compared without accents or case
PLACEHOLDER_REASONS = frozenset({
    "ly do dieu chinh", "ly do xep loai", "dieu chinh xep loai", "khong co ly do",
    "chua co ly do", "chua ghi ly do", "se bo sung sau", "no reason given", "to be completed"})
REASON_MIN_LETTERS = 10


def reason_problem(reason: str) -> tuple[str, str] | None:
    """Why `reason` is not a reason a council can stand behind (Vietnamese, English), or None.
    A manual classification is published; its reason must say on what grounds (a decision, a
    report), so a placeholder ("…", "x", "lý do") or a single word is refused where it is
    entered. Reasons already in a file are read as they are."""
    text = " ".join(reason.split())
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not text:
        return "phải ghi lý do khi điều chỉnh xếp loại", "an override needs a reason"
    if (sum(c.isalpha() for c in text) < REASON_MIN_LETTERS or len(words) < 2
            or re.sub(r"[^\w ]", "", fold(text)).strip() in PLACEHOLDER_REASONS):
        return (f"lý do '{text}' chưa nói rõ căn cứ; hãy ghi căn cứ điều chỉnh, ví dụ 'Kết "
                "luận thanh tra số 12/KL-TTr ngày 5/6/2025'",
                f"the reason '{text}' does not state the grounds; write them, e.g. "
                "'Inspection conclusion 12/KL-TTr of 5/6/2025'")
    return None


@dataclass(frozen=True, slots=True)
class Override:
    grade: Grade
    reason: str
    disqualified: bool = False  # e.g. the head was disciplined: not completed whatever the points

    def __post_init__(self):
        if not self.reason.strip():
            raise ValueError(pick("phải ghi lý do khi điều chỉnh xếp loại",
                                  "an override needs a reason"))


def months_in_post(since: date | None, year: int) -> int:
    """The whole calendar months of `year` a head who took up the post on `since` held it.

    Counted from max(since, 1 January) to 31 December; a month counts when the head held the
    post all of it, so a head from the 1st of a month has that month, a head from any later
    day starts with the next: from 01/09 → 4 months (September to December), from 02/09 or
    16/09 → 3 (October to December), from 01/12 → 1, from 02/12 → 0. None (not recorded) or a
    date before the year → 12; a date after the year's end → 0."""
    if since is None or since <= date(year, 1, 1):
        return 12
    if since.year > year:
        return 0
    return 12 - since.month + (1 if since.day == 1 else 0)


@dataclass(frozen=True, slots=True)
class ShortTenure:
    """Why a head is not classified: in post since `since`, `months` months of `year`, fewer
    than the period's `minimum`."""
    since: date
    year: int
    months: int
    minimum: int

    @property
    def reason(self) -> str:
        day = fmt_date(self.since)
        return pick(f"Giữ chức vụ từ {day} ({self.months} tháng trong năm), dưới "
                    f"{self.minimum} tháng: không xếp loại",
                    f"In post since {day} ({self.months} month{'' if self.months == 1 else 's'}"
                    f" of the year), under {self.minimum} months: not classified")


def short_tenure(since: date | None, year: int, minimum: int) -> ShortTenure | None:
    """The head's short tenure when it is below `minimum` months (0: the rule is off)."""
    months = months_in_post(since, year)
    if since is None or months >= minimum:
        return None
    return ShortTenure(since, year, months, minimum)


@dataclass(slots=True)
class HeadResult:
    row: RankRow
    grade: Grade
    rule: int | None  # index of the rule that gave the grade; None when overridden
    override: Override | None = None
    by_quota: bool = False  # fell below a better grade because that grade's quota was full
    tenure: ShortTenure | None = None  # not classified: in post too short a time

    @property
    def reason(self) -> str:
        if self.override:
            return self.override.reason
        if self.tenure:
            return self.tenure.reason
        if self.by_quota:
            return pick("vượt hạn mức tỷ lệ xếp loại cao hơn", "above the quota of a higher grade")
        return ""


def classify_block(rows: Sequence[RankRow], rules: Sequence[Rule],
                   overrides: Mapping[str, Override] | None = None, *, min_months: int = 0,
                   year: int | None = None) -> list[HeadResult]:
    """Classify the heads of one block's units (ranked and unranked rows). With `min_months`,
    a head in post fewer months of `year` than that is not classified unless overridden."""
    overrides = overrides or {}
    if min_months and year is None:
        raise ValueError("min_months needs the period's year")
    results: list[HeadResult] = []
    for row in rows:
        ov = overrides.get(row.result.key)
        if ov is not None:
            results.append(HeadResult(row, ov.grade, None, ov))
            continue
        short = short_tenure(row.result.unit.head_since, year, min_months) \
            if min_months and year is not None else None
        if short is not None:
            results.append(HeadResult(row, Grade.NOT_CLASSIFIED, None, tenure=short))
        else:
            results.append(HeadResult(row, *_first_rule(row, rules, 0)))
    for i, rule in enumerate(rules):
        if rule.quota is None:
            continue
        candidates = sorted((h for h in results if h.rule == i),
                            key=lambda h: (-h.row.result.index,
                                           h.row.rank if h.row.rank is not None else 10**9))
        allowed = _quota_allowed(results, rules, rule, i, candidates)
        taken = sum(1 for h in results if h.override and h.grade is rule.grade)
        for h in candidates:
            if taken < allowed:
                taken += 1
                continue
            grade, rule_index = _first_rule(h.row, rules, i + 1, below=rule.grade)
            h.grade, h.rule, h.by_quota = grade, rule_index, True
    return results


def _quota_allowed(results: Sequence[HeadResult], rules: Sequence[Rule], rule: Rule, i: int,
                   candidates: Sequence[HeadResult]) -> int:
    """How many of the rule's grade the quota allows in the block (overrides included)."""
    base_grade, quota = rule.quota_base or rule.grade, rule.quota or Decimal(0)
    if rule.quota_of != "rated":
        return math.floor(quota * sum(1 for h in results if h.grade.at_least(base_grade)))
    # a fraction of those finally rated exactly the base grade, which grows with every
    # candidate turned down: the most candidates k whose grant the rest's count allows
    asked = {id(h) for h in candidates}
    others = sum(1 for h in results if h.grade is base_grade and id(h) not in asked)
    overridden = sum(1 for h in results if h.override and h.grade is rule.grade)
    fallbacks = [_first_rule(h.row, rules, i + 1, below=rule.grade)[0] for h in candidates]
    for k in range(len(candidates), -1, -1):
        rated = others + sum(1 for g in fallbacks[k:] if g is base_grade)
        if overridden + k <= math.floor(quota * rated):
            return overridden + k
    return overridden


def _first_rule(row: RankRow, rules: Sequence[Rule], start: int,
                below: Grade | None = None) -> tuple[Grade, int | None]:
    for i in range(start, len(rules)):
        rule = rules[i]
        if below is not None and rule.grade.at_least(below):
            continue
        if rule.accepts(row):
            return rule.grade, i
    return Grade.NOT_COMPLETED, None


def counts(results: Iterable[HeadResult]) -> dict[Grade, int]:
    """Heads per grade, in grade order: every grade a rule gives, and "not classified" only
    when some head is (so that what a period without any prints stays as it was)."""
    out = {g: 0 for g in Grade}
    for h in results:
        out[h.grade] += 1
    if not out[Grade.NOT_CLASSIFIED]:
        del out[Grade.NOT_CLASSIFIED]
    return out
