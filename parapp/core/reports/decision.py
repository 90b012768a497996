"""The decision publishing the results (Quyết định phê duyệt và công bố Chỉ số CCHC), with its
annexes in the same file, and each annex as a file of its own.

One file holds the decision (portrait: issuing body and number, Quốc hiệu, "QUYẾT ĐỊNH", the
title, the authority, the legal bases, "QUYẾT ĐỊNH:", Điều 1 approving and publishing the PAR
Index and SIPAS annexes, Điều 2 the head classification, Điều 3 effect and executors, the
recipients and the signature block), then its annexes: the ranking (one annex with a section per
block, or one per block), the SIPAS index and the head classification. NĐ 30: annexes in the
decision's file carry no signature of their own, so one signature covers all; an annex sent as
a file of its own carries the organisation's signature instead (top right of page 1).
The wording the secretariat may need to change (legal bases, proposal, executors, recipients)
comes from the period's settings, with defaults here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ParappError
from parapp.core.reports import annex, heads, nd30, notice, sipas
from parapp.core.reports.common import roman, write
from parapp.core.reports.model import Block, Part, Signature, Text
from parapp.core.reports.tables import head_tables, ranking_tables, sipas_tables
from parapp.core.store import Store

PROPOSAL = "Theo đề nghị của Giám đốc Sở Nội vụ."
RECIPIENTS = ("Như Điều 3;", "Bộ Nội vụ (để báo cáo);", "Thường trực Tỉnh ủy (để báo cáo);",
              "Thường trực HĐND tỉnh (để báo cáo);", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
              "Cổng Thông tin điện tử tỉnh;", "Lưu: VT, SNV.")
BLANK = "\u00a0" * 6 + "…" + "\u00a0" * 6


def legal_bases(province: str, year: int) -> list[str]:
    """parapp's default bases: the law the body acts under, the Government's PAR programme, the
    province's own criteria set (its number left blank: every province has its own) and the
    council's appraisal."""
    where = nd30.province_phrase(province)
    return [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương "
        "trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
        f"Căn cứ Quyết định số {BLANK} của Ủy ban nhân dân {where} ban hành Bộ Chỉ số đánh giá "
        "kết quả cải cách hành chính của các cơ quan, đơn vị, địa phương;",
        f"Căn cứ kết quả thẩm định của Hội đồng thẩm định Chỉ số cải cách hành chính năm {year};",
    ]


def _units_phrase(block_names: list[str]) -> str:
    """"các sở, ban, ngành; các phường; các xã" — the units assessed, as the text says them."""
    return "; ".join(annex.whose(name).lower() for name in block_names)


def executors(block_names: list[str]) -> str:
    """Article 3's default: the office, Sở Nội vụ, and the heads of the units assessed."""
    heads_of, committees = [], []
    for name in block_names:
        whose = annex.whose(name).lower()
        if "sở" in whose.split(", ")[0]:
            heads_of.append(f"Thủ trưởng {whose}")
        else:
            committees.append(whose.removeprefix("các "))
    people = ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", *heads_of]
    if committees:
        people.append("Chủ tịch Ủy ban nhân dân các " + ", ".join(committees))
    return ", ".join(people) + " và các cơ quan, đơn vị có liên quan"


def document_defaults(province: str, year: int, block_names: list[str]) -> dict[str, str]:
    """What the documents print where a document setting is left empty (shown as the fields'
    placeholders in the window)."""
    return {
        "issuer": nd30.committee(province), "decision_number": "(chừa chỗ)/QĐ-UBND",
        "decision_date": "dd/mm/yyyy (chừa chỗ)", "place": nd30.province_name(province),
        "signer_authority": "(Chủ tịch ký; KT. CHỦ TỊCH khi Phó Chủ tịch ký thay)",
        "signer_title": nd30.SIGNER_TITLE,
        "legal_bases": "\n".join(legal_bases(province, year)), "proposal": PROPOSAL,
        "executors": executors(block_names) if block_names else "",
        "recipients": "\n".join(RECIPIENTS),
        "notice_issuer_parent": notice.parent_body(province), "notice_issuer": notice.ISSUER,
        "notice_number": "(chừa chỗ)/TB-SNV", "notice_signer_title": notice.SIGNER_TITLE,
    }


@dataclass(frozen=True)
class AnnexLabels:
    """Which "Phụ lục" each annex is: the ranking's (one, or one per block), then SIPAS, then
    the heads'. The same numbers whether an annex is printed in the decision or on its own."""
    ranking: tuple[str, ...]
    sipas: str
    heads: str

    @classmethod
    def for_blocks(cls, n_blocks: int, per_block: bool) -> AnnexLabels:
        n = n_blocks if per_block else 1
        return cls(tuple(f"Phụ lục {roman(i)}" for i in range(n)), f"Phụ lục {roman(n)}",
                   f"Phụ lục {roman(n + 1)}")


def _joined(labels: tuple[str, ...]) -> str:
    if len(labels) == 1:
        return labels[0]
    return "Phụ lục " + ", ".join(label.removeprefix("Phụ lục ") for label in labels)


def decision_part(store: Store, ident: nd30.DocumentIdentity, block_names: list[str],
                  labels: AnnexLabels) -> Part:
    doc = store.settings().document
    year = ident.year
    # the authority issuing it: the committee (signed "TM. ỦY BAN NHÂN DÂN") or its chairman
    issuer = ident.body if ident.by_committee else f"CHỦ TỊCH {ident.body}"
    body: list[Block] = [Text(issuer, "authority")]
    body += [Text(line, "basis") for line in
             (doc["legal_bases"] or legal_bases(ident.province, year))]
    body.append(Text(doc["proposal"] or PROPOSAL, "basis"))
    body.append(Text("QUYẾT ĐỊNH:", "decides"))
    units = _units_phrase(block_names)
    body.append(Text(
        f"Phê duyệt và công bố Chỉ số cải cách hành chính năm {year} của {units} "
        f"({_joined(labels.ranking)} kèm theo) và Chỉ số hài lòng về sự phục vụ hành chính "
        f"(SIPAS) năm {year} ({labels.sipas} kèm theo).", lead="Điều 1."))
    body.append(Text(
        f"Phê duyệt kết quả xếp loại người đứng đầu {units} trong thực hiện công tác cải cách "
        f"hành chính năm {year} ({labels.heads} kèm theo). Các cơ quan, đơn vị, địa phương rà "
        "soát từng tiêu chí, tiêu chí thành phần bị trừ điểm để khắc phục kịp thời.",
        lead="Điều 2."))
    body.append(Text(
        f"Quyết định này có hiệu lực kể từ ngày ký. {doc['executors'] or executors(block_names)}"
        " chịu trách nhiệm thi hành Quyết định này./.", lead="Điều 3."))
    title = [f"Phê duyệt và công bố Chỉ số cải cách hành chính năm {year}", f"của {units}"]
    sig = ident.signature
    return Part(title, body, wide=False, number=f"Số: {ident.number_text}",
                doc_type="QUYẾT ĐỊNH",
                signature=Signature(sig.authority, sig.title, sig.name,
                                    tuple(doc["recipients"] or RECIPIENTS)))


def build_decision(store: Store, out: Path | str) -> Path:
    """The decision and its annexes in one file (PDF to sign, or the Word draft)."""
    ident = nd30.DocumentIdentity.from_store(store)
    settings = store.settings()
    places = settings.display_decimals
    result = store.evaluate()
    ranking = ranking_tables(store, result=result)
    names = [t.name for t in ranking]
    per_block = bool(settings.document["annex_per_block"])
    labels = AnnexLabels.for_blocks(len(ranking), per_block)
    ref = ident.decision_ref
    parts = [decision_part(store, ident, names, labels)]
    parts += annex.ranking_parts(ranking, places, ident.year, list(labels.ranking), ref,
                                 per_block)
    parts.append(sipas.sipas_part(sipas_tables(store, result=result), places, ident.year,
                                  labels.sipas, ref))
    parts.append(heads.heads_part(head_tables(store, result=result), settings, ident.year,
                                  labels.heads, ref))
    return write(ident.bundle(parts, f"Chỉ số CCHC năm {ident.year}"), out)


def build_annex(store: Store, what: str, out: Path | str, block: str | None = None) -> Path:
    """One annex ("annex" the ranking, "sipas", "heads") as a file of its own, numbered as in
    the decision; a PDF gets the organisation's signature field top right of page 1."""
    ident = nd30.DocumentIdentity.from_store(store)
    settings = store.settings()
    places = settings.display_decimals
    n_blocks = len(store.blocks())
    per_block = bool(settings.document["annex_per_block"])
    labels = AnnexLabels.for_blocks(n_blocks, per_block)
    ref = ident.decision_ref
    if what == "sipas":
        parts = [sipas.sipas_part(sipas_tables(store, block), places, ident.year,
                                  labels.sipas, ref)]
        subject = f"Chỉ số SIPAS năm {ident.year}"
    elif what == "heads":
        parts = [heads.heads_part(head_tables(store, block), settings, ident.year,
                                  labels.heads, ref)]
        subject = f"Xếp loại người đứng đầu năm {ident.year}"
    else:
        tables = ranking_tables(store, block)
        if block is not None and per_block:  # that block's own annex number
            index = next(i for i, b in enumerate(store.blocks()) if b.code == block)
            chosen: list[str] = [labels.ranking[index]]
        else:
            chosen = list(labels.ranking)
        parts = annex.ranking_parts(tables, places, ident.year, chosen, ref,
                                    per_block and block is None)
        subject = f"Chỉ số CCHC năm {ident.year}"
    parts[0].org_signature = ident.number_text  # one organisation signature per file
    return write(ident.bundle(parts, subject), out)


def build_document(store: Store, what: str, out: Path | str, scope: str | None = None) -> Path:
    """Any one document by name (PDF or Word by the extension): `scope` is the block of an
    annex (None: every block) or the unit of a notice or a self-assessment report
    (required)."""
    if what == "decision":
        return build_decision(store, out)
    if what == "results":
        from parapp.core.reports.results import build_results
        return build_results(store, out)
    if what == "notice":
        from parapp.core.reports.notice import build_notice
        if not scope:
            raise ParappError("Thông báo kết quả cần mã đơn vị", "A result notice needs a unit")
        return build_notice(store, Path(out), scope)
    if what == "self":
        from parapp.core.reports.self_report import build_self_report
        if not scope:
            raise ParappError("Báo cáo tự đánh giá cần mã đơn vị",
                              "A self-assessment report needs a unit")
        return build_self_report(store, Path(out), scope)
    return build_annex(store, what, out, scope)
