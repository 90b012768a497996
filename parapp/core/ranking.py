"""Ranking per block, with a per-period tie policy.

Units are ordered by index (which equals the total when the applicable max is 100): the index as
published when the period rounds its components (so that a rank never contradicts the printed
figures), else the unrounded one. Ties are shared ("đồng hạng": 1, 2, 2, 4) when exactly equal
(`shared`) or equal as published (`shared_display`: "cùng đạt 90,03 điểm, xếp thứ hai"), or
broken by an ordered list of tie-breakers (`break`); units still equal after every tie-breaker
share their rank. A row separated from one with the same published index says what decided
(`decided_by`: a tie-breaker, or "unrounded" — the index before rounding).
"""
from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from parapp.core.i18n import pick
from parapp.core.scoring import UnitResult


class TiePolicy(StrEnum):
    SHARED = "shared"
    SHARED_DISPLAY = "shared_display"
    BREAK = "break"


# name → (label vi, label en); "name" sorts A→Z, the others high→low.
TIE_BREAKERS = {
    "appraisal": ("điểm thẩm định", "appraisal points"),
    "sipas": ("điểm SIPAS", "SIPAS points"),
    "survey": ("điểm ĐTXHH", "survey points"),
    "self_total": ("điểm tự đánh giá", "self-assessment points"),
    "name": ("tên đơn vị (A→Z)", "unit name (A→Z)"),
    "unrounded": ("chỉ số trước khi làm tròn", "index before rounding"),
}


def tie_breaker_label(name: str) -> str:
    vi, en = TIE_BREAKERS[name]
    return pick(vi, en)


_VI_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VI_RANK = {ch: i for i, ch in enumerate(_VI_ALPHABET)}
# Tone marks in the order Vietnamese dictionaries use: none, huyền, sắc, hỏi, ngã, nặng.
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}


@functools.lru_cache(maxsize=8192)  # re-ranking a block on every edit sorts the same names
def vietnamese_key(text: str) -> tuple:
    """Sort key for Vietnamese order: syllable by syllable, letters (a < ă < â … d < đ) first,
    then the tone (none, huyền, sắc, hỏi, ngã, nặng), as dictionaries do."""
    return tuple(_syllable_key(word) for word in unicodedata.normalize("NFC", text.lower()).split())


def _syllable_key(word: str) -> tuple:
    letters: list[int] = []
    tone = 0
    for ch in word:
        if ch == "đ":
            letters.append(_VI_RANK["đ"])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, letter = decomposed[0], decomposed[0]
        for mark in decomposed[1:]:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark == "\u0306" and base == "a":
                letter = "ă"
            elif mark == "\u0302" and base in "aeo":
                letter = {"a": "â", "e": "ê", "o": "ô"}[base]
            elif mark == "\u031b" and base in "ou":
                letter = {"o": "ơ", "u": "ư"}[base]
        letters.append(_VI_RANK.get(letter, 100 + ord(letter)))
    return (tuple(letters), tone)


@dataclass(slots=True)
class RankRow:
    result: UnitResult
    rank: int | None  # None for units scored but not ranked
    tied: bool = False  # shares its rank with another unit
    decided_by: str | None = None  # tie-breaker that separated it from an equal index

    @property
    def change(self) -> int | None:
        """Places gained since last year (positive = up), None when either rank is unknown."""
        prev = self.result.unit.prev_rank
        return prev - self.rank if prev is not None and self.rank is not None else None


@dataclass(slots=True)
class BlockRanking:
    block: str
    ranked: list[RankRow]
    unranked: list[RankRow]

    @property
    def ties(self) -> list[list[RankRow]]:
        groups: dict[int, list[RankRow]] = {}
        for row in self.ranked:
            if row.tied and row.rank is not None:
                groups.setdefault(row.rank, []).append(row)
        return list(groups.values())

    def rows(self) -> list[RankRow]:
        return self.ranked + self.unranked


def _breaker_value(result: UnitResult, name: str):
    if name == "name":
        return vietnamese_key(result.unit.name)
    if name == "unrounded":
        return -result.index
    return -getattr(result, name)  # higher is better: negate for an ascending sort


class _Order:
    """How a block's units are put in order: the ranking key (index, then the tie-breakers
    asked for) and the display key (then the name, then the code: a total order)."""

    def __init__(self, policy: TiePolicy | str, tie_breakers: Sequence[str], rounding: str):
        policy = TiePolicy(policy)
        self.published = rounding == "components" or policy is TiePolicy.SHARED_DISPLAY
        self.breakers = list(tie_breakers) if policy is TiePolicy.BREAK else []
        unknown = [b for b in self.breakers if b not in TIE_BREAKERS]
        if unknown:
            raise ValueError(f"unknown tie-breaker: {unknown[0]}")

    def key(self, r: UnitResult) -> tuple:
        return (-(r.published_index if self.published else r.index),
                *[_breaker_value(r, b) for b in self.breakers])

    def display(self, r: UnitResult, key: tuple | None = None) -> tuple:
        return (self.key(r) if key is None else key, vietnamese_key(r.unit.name), r.unit.code)

    def number(self, ordered: Sequence[UnitResult], key_at: Callable[[int], tuple],
               rows: list[RankRow], start: int, stop: int) -> None:
        """Append to `rows` (the rows of places before `start`) those of places start…stop-1:
        the rank of its place, or the rank of the row before when their keys are equal."""
        previous_key: tuple = key_at(start - 1) if start else ()
        for position in range(start, stop):
            result, k = ordered[position], key_at(position)
            if rows and k == previous_key:
                row = RankRow(result, rows[-1].rank, tied=True)
                rows[-1].tied = True
            else:
                row = RankRow(result, position + 1)
                if rows and rows[-1].result.published_index == result.published_index:
                    # printed equal, ranked apart: say what decided
                    row.decided_by = "unrounded" if k[0] != previous_key[0] else next(
                        b for i, b in enumerate(self.breakers) if k[1 + i] != previous_key[1 + i])
            rows.append(row)
            previous_key = k


def rank_block(block: str, results: Iterable[UnitResult], policy: TiePolicy | str = TiePolicy.SHARED,
               tie_breakers: Sequence[str] = (), rounding: str = "none") -> BlockRanking:
    order = _Order(policy, tie_breakers, rounding)
    results = list(results)
    # each unit's ranking key made once (a 1,440-commune block is re-ranked on every edit)
    keys = {id(r): order.key(r) for r in results}
    ranked = sorted((r for r in results if r.unit.ranked),
                    key=lambda r: order.display(r, keys[id(r)]))
    rows: list[RankRow] = []
    order.number(ranked, lambda i: keys[id(ranked[i])], rows, 0, len(ranked))
    unranked = [RankRow(r, None) for r in sorted((r for r in results if not r.unit.ranked),
                                                 key=order.display)]
    return BlockRanking(block, rows, unranked)


def rerank_block(previous: BlockRanking, result: UnitResult,
                 policy: TiePolicy | str = TiePolicy.SHARED, tie_breakers: Sequence[str] = (),
                 rounding: str = "none") -> BlockRanking | None:
    """`previous` with one ranked unit's result replaced by `result` (an edit): what rank_block
    gives for the block, made by moving the unit to its new place and numbering again only the
    rows from its old to its new place (with the tie groups at their ends); every other row is
    the previous RankRow. None when the unit is not among the ranked rows of `previous`."""
    order = _Order(policy, tie_breakers, rounding)
    old = previous.ranked
    at = next((i for i, row in enumerate(old) if row.result.unit.key == result.unit.key), None)
    if at is None or not result.unit.ranked:
        return None
    others = [row.result for row in old]
    del others[at]
    place = bisect.bisect_left(others, order.display(result), key=order.display)
    ordered = others[:place] + [result] + others[place:]
    # keys only where they are compared: at the ends of the span, and within it
    key_at = functools.cache(lambda i: order.key(ordered[i]))
    old_key_at = functools.cache(lambda i: order.key(old[i].result))

    def tied(q: int) -> bool:  # place q ties with the place before, now or before the edit
        return key_at(q - 1) == key_at(q) or old_key_at(q - 1) == old_key_at(q)

    start, stop = min(at, place), min(len(ordered), max(at, place) + 2)
    while start > 0 and tied(start):
        start -= 1
    while stop < len(ordered) and tied(stop):
        stop += 1
    rows = old[:start]
    order.number(ordered, key_at, rows, start, stop)
    rows += old[stop:]
    return BlockRanking(previous.block, rows, previous.unranked)
