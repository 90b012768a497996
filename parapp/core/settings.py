"""Period settings: one registry of names, types, defaults and parsing.

Values are stored as JSON text in the `setting` table; `PeriodSettings` is the typed view the
engine reads. `parse_setting` turns the CLI's KEY=VALUE text into a stored value or raises
ValidationError naming the key.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parapp.core.classification import (
    NEW_PERIOD_CLASSIFICATION,
    PRESETS,
    Rule,
    rules_from_setting,
)
from parapp.core.errors import ValidationError
from parapp.core.i18n import pick
from parapp.core.numbers import (
    MAX_ENTERED_DECIMALS,
    canonical,
    parse_date,
    parse_decimal,
    too_precise,
)
from parapp.core.ranking import TIE_BREAKERS, TiePolicy
from parapp.core.scoring import ROUNDINGS, Caps


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(pick(f"chỉ nhận: {', '.join(allowed)}",
                                  f"one of: {', '.join(allowed)}"))
        return text
    return parse


def _bool(text: str) -> bool:
    low = text.strip().lower()
    if low in ("1", "true", "yes", "có", "co", "on"):
        return True
    if low in ("0", "false", "no", "không", "khong", "off"):
        return False
    raise ValueError(pick("chỉ nhận true/false", "expects true/false"))


def _tie_breakers(text: str) -> list[str]:
    items = [t.strip() for t in text.split(",") if t.strip()]
    for t in items:
        if t not in TIE_BREAKERS:
            raise ValueError(pick(f"tiêu chí phụ không tồn tại: {t} (có: {', '.join(TIE_BREAKERS)})",
                                  f"unknown tie-breaker: {t} (known: {', '.join(TIE_BREAKERS)})"))
    if len(set(items)) != len(items):
        raise ValueError(pick("tiêu chí phụ bị lặp", "a tie-breaker is repeated"))
    return items


def _classification(text: str) -> Any:
    if text in PRESETS:
        return text
    try:
        data = json.loads(text)
    except RecursionError:  # rules are a list of flat objects
        raise ValueError(pick("JSON lồng quá nhiều tầng", "JSON nested too deeply")) from None
    except json.JSONDecodeError as exc:
        raise ValueError(pick(
            f"không phải bộ quy tắc có sẵn ({', '.join(PRESETS)}) cũng không phải JSON hợp lệ "
            f"(dòng {exc.lineno}, cột {exc.colno}: {exc.msg})",
            f"neither a preset ({', '.join(PRESETS)}) nor valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})")) from None
    rules_from_setting(data)  # validates
    return data


CAP_MAX = 1000  # points: a cap on bonus or penalty points is a small part of the index's 100


def _optional_points(text: str) -> str | None:
    if text.strip().lower() in ("", "none", "không"):
        return None
    value = parse_decimal(text)
    if not 0 <= value <= CAP_MAX:  # before it is written out: 1e999999999 has a billion digits
        raise ValueError(pick(f"phải trong khoảng 0…{CAP_MAX}", f"must be within 0…{CAP_MAX}"))
    if too_precise(value):
        raise ValueError(pick(f"nhiều hơn {MAX_ENTERED_DECIMALS} chữ số thập phân",
                              f"more than {MAX_ENTERED_DECIMALS} decimals"))
    return canonical(value)


def _int_range(lo: int, hi: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if not lo <= value <= hi:
            raise ValueError(pick(f"phải trong khoảng {lo}…{hi}", f"must be within {lo}…{hi}"))
        return value
    return parse


def _text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = " ".join(unicodedata.normalize("NFC", text).split())
        if len(value) > limit:
            raise ValueError(pick(f"dài quá {limit} ký tự", f"longer than {limit} characters"))
        return value
    return parse


def _date(text: str) -> str | None:
    """'2027-02-05', '05/02/2027' or '5/2/2027' → '2027-02-05'; empty → None (not yet known)."""
    value = text.strip()
    if value.lower() in ("", "none", "không"):
        return None
    return parse_date(value).isoformat()


def _lines(most: int, limit: int = 200) -> Callable[[str], list[str]]:
    """Lines separated by '|' or new lines (signature authority, legal bases, recipients)."""
    def parse(text: str) -> list[str]:
        parts = text.replace("\n", "|").split("|")
        items = [" ".join(unicodedata.normalize("NFC", t).split()) for t in parts]
        items = [t for t in items if t]
        if len(items) > most:
            raise ValueError(pick(f"tối đa {most} dòng", f"at most {most} lines"))
        for item in items:
            if len(item) > limit:
                raise ValueError(pick(f"một dòng dài quá {limit} ký tự",
                                      f"a line is longer than {limit} characters"))
        return items
    return parse


def _show(value: Any) -> str:
    """A stored value as the text `parse` takes back (what `parapp settings KEY=…` accepts)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class SettingSpec:
    default: Any
    parse: Callable[[str], Any]
    vi: str
    en: str
    show: Callable[[Any], str] = _show

    @property
    def description(self) -> str:
        return pick(self.vi, self.en)


SPECS: dict[str, SettingSpec] = {
    "tie_policy": SettingSpec(
        "break", _choice(*[p.value for p in TiePolicy]),
        "Xử lý khi bằng chỉ số: shared (đồng hạng 1, 2, 2, 4 khi bằng nhau tuyệt đối), shared_display "
        "(đồng hạng khi bằng nhau ở số công bố) hoặc break (phân định theo tiêu chí phụ)",
        "Ties: shared (1, 2, 2, 4 when exactly equal), shared_display (shared when equal as "
        "published) or break (by the tie-breakers)"),
    "tie_breakers": SettingSpec(
        ["appraisal", "sipas"], _tie_breakers,
        "Tiêu chí phụ theo thứ tự (" + ", ".join(TIE_BREAKERS) + ")",
        "Ordered tie-breakers (" + ", ".join(TIE_BREAKERS) + ")", ",".join),
    "classification": SettingSpec(
        "nd335", _classification,
        "Quy tắc xếp loại người đứng đầu: " + " | ".join(PRESETS) + " hoặc danh sách quy tắc JSON",
        "Head classification rules: " + " | ".join(PRESETS) + " or a JSON rule list"),
    "rounding": SettingSpec(
        "none", _choice(*ROUNDINGS),
        "Số liệu công bố: components (làm tròn từng thành phần, tổng và chỉ số tính từ số đã "
        "làm tròn, xếp hạng theo số công bố) hoặc none (tính trên số chưa làm tròn, có chú thích)",
        "Published figures: components (each component rounded, total and index computed from "
        "the rounded ones, ranked on what is printed) or none (computed on unrounded values, "
        "with a footnote)"),
    "min_months_in_post": SettingSpec(
        0, _int_range(0, 12),
        "Số tháng tối thiểu người đứng đầu giữ chức vụ trong năm đánh giá để được xếp loại "
        "(0…12; dưới mức này: không xếp loại, trừ khi được điều chỉnh; 0: không áp dụng)",
        "Fewest months of the period's year a head must have held the post to be classified "
        "(0…12; fewer: not classified, unless overridden; 0: rule off)"),
    "display_decimals": SettingSpec(
        2, _int_range(2, 3), "Số chữ số thập phân khi hiển thị (2 hoặc 3)",
        "Decimals shown (2 or 3)"),
    "allow_appraisal_above_self": SettingSpec(
        False, _bool, "Cho phép điểm thẩm định cao hơn điểm tự đánh giá (chỉ cảnh báo)",
        "Allow appraisal above the self score (warns only)"),
    "bonus_cap": SettingSpec(
        None, _optional_points, "Điểm thưởng tối đa (để trống: không giới hạn)",
        "Maximum bonus points (empty: no cap)"),
    "penalty_cap": SettingSpec(
        None, _optional_points, "Điểm trừ tối đa (để trống: không giới hạn)",
        "Maximum penalty points (empty: no cap)"),
    "clamp_index": SettingSpec(
        False, _bool, "Giới hạn chỉ số trong khoảng 0…100%", "Clamp the index to 0…100%"),
    "evidence_max_mb": SettingSpec(
        20, _int_range(1, 500), "Dung lượng tối đa một tài liệu kiểm chứng (MB)",
        "Largest evidence file (MB)"),
    # -- the identity printed on official documents (NĐ 30/2020); empty: derived -------------
    "issuer_parent": SettingSpec(
        "", _text(200), "Cơ quan chủ quản của cơ quan ban hành (dòng trên, không đậm; thường để "
        "trống với UBND tỉnh)",
        "Parent body of the issuing body (upper line, not bold; usually empty for a province)"),
    "issuer": SettingSpec(
        "", _text(200), "Cơ quan ban hành văn bản (để trống: ỦY BAN NHÂN DÂN TỈNH <TÊN TỈNH>)",
        "Issuing body (empty: ỦY BAN NHÂN DÂN TỈNH <PROVINCE>)"),
    "decision_number": SettingSpec(
        "", _text(100), "Số quyết định công bố kết quả, ví dụ 215/QĐ-UBND (để trống: chừa chỗ)",
        "Number of the decision publishing the results, e.g. 215/QĐ-UBND (empty: left blank)"),
    "decision_date": SettingSpec(
        None, _date, "Ngày ký quyết định, dd/mm/yyyy (để trống: chừa chỗ)",
        "Date of the decision, dd/mm/yyyy (empty: left blank)"),
    "place": SettingSpec(
        "", _text(100), "Địa danh ở dòng ngày tháng (để trống: tên tỉnh)",
        "Place in the date line (empty: the province's name)"),
    "signer_authority": SettingSpec(
        [], _lines(3), "Dòng thẩm quyền ký, cách nhau bởi | (ví dụ: KT. CHỦ TỊCH; có dòng TM. "
        "ỦY BAN NHÂN DÂN thì quyết định là của Ủy ban; để trống: Chủ tịch ký)",
        "Signing authority lines separated by | (e.g. KT. CHỦ TỊCH; a TM. ỦY BAN NHÂN DÂN "
        "line makes it the committee's decision; empty: the chairman signs)", "|".join),
    "signer_title": SettingSpec(
        "", _text(200), "Chức vụ người ký (để trống: CHỦ TỊCH)",
        "Title of the signer (empty: CHỦ TỊCH)"),
    "signer_name": SettingSpec(
        "", _text(200), "Họ và tên người ký", "Name of the signer"),
    # -- the decision's text (empty: parapp's wording, see docs/publishing.md) ------------------
    "legal_bases": SettingSpec(
        [], _lines(12, 400), "Các căn cứ ban hành quyết định, mỗi căn cứ một dòng, cách nhau "
        "bởi | (để trống: căn cứ mặc định, phải điền số quyết định ban hành Bộ Chỉ số)",
        "The decision's legal bases, one per line, separated by | (empty: the default ones, "
        "with a blank for the decision issuing the criteria set)", "|".join),
    "proposal": SettingSpec(
        "", _text(300), "Dòng đề nghị sau các căn cứ (để trống: Theo đề nghị của Giám đốc Sở "
        "Nội vụ.)", "The proposal line after the bases (empty: Theo đề nghị của Giám đốc Sở "
        "Nội vụ.)"),
    "executors": SettingSpec(
        "", _text(600), "Những người thi hành ở Điều 3 (để trống: Chánh Văn phòng, Giám đốc Sở "
        "Nội vụ, thủ trưởng các đơn vị được đánh giá)",
        "Who executes the decision in Article 3 (empty: the office's chief, the Department of "
        "Home Affairs' director, the heads of the units assessed)"),
    "recipients": SettingSpec(
        [], _lines(12), "Nơi nhận, mỗi nơi một dòng, cách nhau bởi | (để trống: danh sách "
        "mặc định)", "Recipients (Nơi nhận), separated by | (empty: the default list)",
        "|".join),
    "annex_per_block": SettingSpec(
        False, _bool, "Mỗi khối một phụ lục xếp hạng (không: một phụ lục, mỗi khối một mục)",
        "One ranking annex per block (false: one annex with a section per block)"),
    # -- the unit's result notice: issued by Sở Nội vụ or the council, not the province --------
    "notice_issuer_parent": SettingSpec(
        "", _text(200), "Cơ quan chủ quản của cơ quan ra thông báo kết quả (để trống: UBND TỈNH "
        "<TÊN TỈNH>)", "Parent body of the notice's issuer (empty: UBND TỈNH <PROVINCE>)"),
    "notice_issuer": SettingSpec(
        "", _text(200), "Cơ quan ra thông báo kết quả thẩm định, viết như trong câu (để trống: "
        "Sở Nội vụ)", "Issuer of the appraisal result notices, as a sentence names it (empty: "
        "Sở Nội vụ)"),
    "notice_number": SettingSpec(
        "", _text(100), "Số và ký hiệu thông báo, ví dụ 120/TB-SNV (để trống: chừa chỗ)",
        "Number and symbol of the notice, e.g. 120/TB-SNV (empty: left blank)"),
    "notice_signer_authority": SettingSpec(
        [], _lines(3), "Dòng thẩm quyền ký thông báo, ví dụ KT. GIÁM ĐỐC (để trống: không có)",
        "Signing authority lines of the notice, e.g. KT. GIÁM ĐỐC (empty: none)", "|".join),
    "notice_signer_title": SettingSpec(
        "", _text(200), "Chức vụ người ký thông báo (để trống: GIÁM ĐỐC)",
        "Title of the notice's signer (empty: GIÁM ĐỐC)"),
    "notice_signer_name": SettingSpec(
        "", _text(200), "Họ và tên người ký thông báo", "Name of the notice's signer"),
}

# written into every new period (and the demo): what parapp now publishes with. A file that never
# stored them keeps the defaults above — what it was made with — so that its published results
# do not move when parapp is updated.
NEW_PERIOD_SETTINGS = {"classification": NEW_PERIOD_CLASSIFICATION, "rounding": "components",
                       "min_months_in_post": "6"}

DOCUMENT_KEYS = ("issuer_parent", "issuer", "decision_number", "decision_date", "place",
                 "signer_authority", "signer_title", "signer_name", "legal_bases", "proposal",
                 "executors", "recipients", "annex_per_block", "notice_issuer_parent",
                 "notice_issuer", "notice_number", "notice_signer_authority",
                 "notice_signer_title", "notice_signer_name")


def parse_setting(key: str, text: str) -> Any:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError(
            f"Không có thiết lập '{key}'. Các thiết lập: {', '.join(SPECS)}",
            f"No setting '{key}'. Settings: {', '.join(SPECS)}")
    try:
        return spec.parse(text)
    except (ValueError, ArithmeticError, TypeError, RecursionError) as exc:
        detail = str(exc) or text
        raise ValidationError(f"Thiết lập '{key}' không hợp lệ: {detail}",
                              f"Invalid value for '{key}': {detail}") from None


def stored_problem(key: str, value: Any) -> str | None:
    """Why `value`, stored for setting `key` (by hand, or by a damaged file), is not what parapp
    writes for it — then reading it could fail or mean something else — or None. A key this
    version does not know is left alone."""
    spec = SPECS.get(key)
    if spec is None:
        return None
    try:
        written = spec.parse(spec.show(value))
    except (ValueError, ArithmeticError, TypeError, RecursionError) as exc:
        return str(exc) or pick("không hợp lệ", "invalid")
    if written == value:
        return None
    return pick(f"khác dạng parapp ghi, là {json.dumps(written, ensure_ascii=False)}",
                f"not in the form parapp writes, {json.dumps(written, ensure_ascii=False)}")


@dataclass(frozen=True)
class PeriodSettings:
    tie_policy: TiePolicy
    rounding: str
    tie_breakers: tuple[str, ...]
    classification: Any  # preset name or rule list, as stored
    rules: tuple[Rule, ...]
    min_months_in_post: int  # 0: every head is classified, however short in post
    display_decimals: int
    allow_appraisal_above_self: bool
    bonus_cap: Decimal | None
    penalty_cap: Decimal | None
    clamp_index: bool
    evidence_max_mb: int
    document: Mapping[str, Any]  # DOCUMENT_KEYS → stored value (empty: derived when printed)

    @classmethod
    def from_values(cls, stored: Mapping[str, Any]) -> PeriodSettings:
        v = {k: stored.get(k, spec.default) for k, spec in SPECS.items()}
        return cls(
            tie_policy=TiePolicy(v["tie_policy"]), rounding=v["rounding"],
            tie_breakers=tuple(v["tie_breakers"]),
            classification=v["classification"], rules=rules_from_setting(v["classification"]),
            min_months_in_post=int(v["min_months_in_post"]),
            display_decimals=int(v["display_decimals"]),
            allow_appraisal_above_self=bool(v["allow_appraisal_above_self"]),
            bonus_cap=Decimal(v["bonus_cap"]) if v["bonus_cap"] is not None else None,
            penalty_cap=Decimal(v["penalty_cap"]) if v["penalty_cap"] is not None else None,
            clamp_index=bool(v["clamp_index"]), evidence_max_mb=int(v["evidence_max_mb"]),
            document={k: v[k] for k in DOCUMENT_KEYS})

    @property
    def caps(self) -> Caps:
        return Caps(self.bonus_cap, self.penalty_cap, self.clamp_index, self.display_decimals,
                    self.rounding)

    def values(self) -> dict[str, Any]:
        return {
            "tie_policy": self.tie_policy.value, "rounding": self.rounding,
            "tie_breakers": list(self.tie_breakers),
            "classification": self.classification,
            "min_months_in_post": self.min_months_in_post,
            "display_decimals": self.display_decimals,
            "allow_appraisal_above_self": self.allow_appraisal_above_self,
            "bonus_cap": canonical(self.bonus_cap) if self.bonus_cap is not None else None,
            "penalty_cap": canonical(self.penalty_cap) if self.penalty_cap is not None else None,
            "clamp_index": self.clamp_index, "evidence_max_mb": self.evidence_max_mb,
            **{k: self.document[k] for k in DOCUMENT_KEYS},
        }


DEFAULTS = PeriodSettings.from_values({})


def settings_with(base: PeriodSettings, texts: Mapping[str, str]) -> PeriodSettings:
    """`base` with the given settings (key → text) parsed over it. Raises ValidationError."""
    values = base.values()
    for key, text in texts.items():
        values[key] = parse_setting(key, text)
    return PeriodSettings.from_values(values)
