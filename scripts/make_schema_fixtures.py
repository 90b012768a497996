"""Make tests/fixtures/schema-N.parapp: a small file of every released schema version.

    .venv/bin/python scripts/make_schema_fixtures.py [N …]

Each file is built from tests/fixtures/schema-N.sql — db/schema.sql as parapp released that
version, copied from the repository's history — and rows written as that version wrote them,
with plain sqlite3: never from today's models, so the files stay what an older parapp left on a
user's disk. tests/test_store.py upgrades each one through the whole MIGRATIONS ladder. Run it
once when a schema version is released (after copying db/schema.sql to schema-N.sql), and
commit both files; the output is the same on every run.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import uuid
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
APPLICATION_ID = 0x50415241
AT = "2025-12-01T08:00:00+07:00"
EVIDENCE = b"%PDF-1.4\n% Bao cao ke hoach CCHC 2025 (du lieu kiem thu)\n%%EOF\n"


def make(version: int) -> Path:
    out = FIXTURES / f"schema-{version}.parapp"
    out.unlink(missing_ok=True)
    con = sqlite3.connect(out, isolation_level=None)
    con.execute("PRAGMA page_size = 512")  # parapp writes 4096; the smallest keeps these small
    con.execute("PRAGMA journal_mode = DELETE")
    con.executescript((FIXTURES / f"schema-{version}.sql").read_text(encoding="utf-8"))
    con.execute("BEGIN")
    ids: dict[str, int] = {}

    def add(table: str, ref: str, /, tracked: bool = True, **row) -> int:
        if tracked:
            row = {"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"parapp:{ref}")), "version": 1,
                   "created_at": AT, "updated_at": AT, "author": "Tổ thư ký Hội đồng",
                   "deleted": 0, **row}
        cur = con.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
                          f"({', '.join('?' * len(row))})", list(row.values()))
        ids[ref] = cur.lastrowid
        return cur.lastrowid

    def audit(n: int, action: str, entity: str, key: str, changes: dict, source: str) -> None:
        row = {"at": AT, "author": "Tổ thư ký Hội đồng", "action": action, "entity": entity,
               "entity_uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"parapp:{key}")),
               "changes": json.dumps(changes, ensure_ascii=False), "source": source}
        if version >= 2:  # transactions (undo of a whole one) came with schema 2
            row["txn"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"parapp:txn{n}"))
        add("audit", f"audit{n}", tracked=False, **row)

    period = dict(province="Tỉnh Sơn Hà", year=2025,
                  title="Xác định Chỉ số cải cách hành chính năm 2025 tỉnh Sơn Hà",
                  criteria_name="Bộ Chỉ số cải cách hành chính năm 2025",
                  criteria_decision="Quyết định số 1234/QĐ-UBND ngày 15/8/2025",
                  criteria_revision=str(uuid.uuid5(uuid.NAMESPACE_URL, "parapp:revision")))
    identity = {"issuer": "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "decision_number": "386/QĐ-UBND",
                "decision_date": "2026-02-26", "place": "Sơn Hà", "signer_name": "Nguyễn Kim Chi",
                "signer_title": "PHÓ CHỦ TỊCH"}
    if version == 1:  # the document identity lived in the period (schema 2 moved it)
        add("period", "period", **period, **identity, signer_authority="KT.",
            signer_body="ỦY BAN NHÂN DÂN")
        settings = {"penalty_cap": "3"}
    else:
        add("period", "period", **period)
        settings = {"penalty_cap": "3", **identity,
                    "signer_authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]}
    for key, value in settings.items():
        add("setting", f"setting:{key}", key=key, value=json.dumps(value, ensure_ascii=False))
    add("block", "SO", code="SO", name="Khối sở, ban, ngành", position=0)
    add("block", "XA", code="XA", name="Khối xã", position=1)
    member = dict(code="SNV", department="Sở Nội vụ", person="Lê Thị Thu Hà",
                  title="Phó Giám đốc", position=0)
    if version >= 2:  # the key whose seal the master accepts on the member's packages
        member["key_fingerprint"] = "SHA256:" + "A" * 43
    add("member", "SNV", **member)
    for code, name, max_points, parent, extra in (
            ("1", "Chỉ đạo, điều hành", "10", None, {"appraiser_id": ids["SNV"]}),
            ("1.1", "Kế hoạch cải cách hành chính", "4", "1",
             {"method": "levels", "params": '{"levels": ["4", "2", "0"]}',
              "evidence_required": 1}),
            ("1.2", "Báo cáo định kỳ", "6", "1", {}),
            ("2", "Chỉ số hài lòng (SIPAS)", "10", None,
             {"source": "sipas", "method": "proportional"})):
        row = dict(parent_id=parent and ids[f"c{parent}"], position=len(ids), code=code, name=name,
                   max_points=max_points, method="manual", params="{}", source="self",
                   evidence_required=0, appraiser_id=None)
        if version >= 5:  # the set's own words beside the criterion
            row.update(guidance="Ban hành trước 31/12: 4 điểm; chậm: 2 điểm; không: 0"
                       if code == "1.1" else "", evidence_guidance="Kế hoạch CCHC năm (bản "
                       "chụp có dấu)" if code == "1.1" else "")
        add("criterion", f"c{code}", **{**row, **extra})
    add("criterion_max", "max", criterion_id=ids["c2"], block_id=ids["XA"], max_points="14")
    # from schema 4 the date a head took up the post (None: the whole year)
    since = {"head_since": None} if version >= 4 else {}
    add("unit", "SYT", code="SYT", name="Sở Y tế", block_id=ids["SO"], head_name="Nguyễn Văn An",
        head_title="Giám đốc", ranked=1, prev_rank=2, position=0, **since)
    if version >= 4:
        since = {"head_since": "2025-07-01"}  # the commune formed by the 2025 merger
    add("unit", "X01", code="X01", name="Xã An Bình", block_id=ids["XA"],
        head_name="Trần Thị Bích", head_title="Chủ tịch UBND xã", ranked=1, prev_rank=None,
        position=1, **since)
    for unit, crit, own, appraisal, note in (
            ("SYT", "1.1", "4", "2", "Kế hoạch ban hành chậm so với quy định"),
            ("SYT", "1.2", "5.5", "5.5", ""),
            ("X01", "1.1", "4", None, "")):
        add("score", f"s{unit}{crit}", unit_id=ids[unit], criterion_id=ids[f"c{crit}"],
            self_points=own, explanation="Có văn bản kèm theo", appraisal_points=appraisal,
            appraisal_note=note, appraiser_id=ids["SNV"] if appraisal else None,
            appraisal_source="", explanation2="", appraisal2_points=None, appraisal2_note="",
            appraiser2_id=None, appraisal2_source="")
    add("exclusion", "ex", unit_id=ids["X01"], criterion_id=ids["c1.2"],
        reason="Không có đơn vị trực thuộc")
    add("survey_result", "sv", unit_id=ids["SYT"], sipas_pct="91.17", survey_pct="85.5")
    add("adjustment", "adj", unit_id=ids["SYT"], kind="bonus",
        description="Sáng kiến được UBND tỉnh công nhận", self_points="1",
        appraisal_points="1", note="")
    add("head_override", "ho", unit_id=ids["X01"], grade="khong_hoan_thanh", disqualified=1,
        reason="Bị kỷ luật khiển trách (Quyết định số 98/QĐ-UBND ngày 3/10/2025)")
    sha = hashlib.sha256(EVIDENCE).hexdigest()
    add("blob", "blob", tracked=False, sha256=sha, size=len(EVIDENCE), data=EVIDENCE)
    add("evidence", "ev", unit_id=ids["SYT"], criterion_id=ids["c1.1"], sha256=sha,
        original_name="ke-hoach-cchc-2025.pdf", mime_type="application/pdf",
        size=len(EVIDENCE), title="Kế hoạch cải cách hành chính năm 2025")
    audit(1, "create", "unit", "SYT", {"code": [None, "SYT"], "name": [None, "Sở Y tế"]}, "cli")
    audit(2, "update", "score", "sSYT1.1", {"appraisal_points": [None, "2"]}, "gui")
    audit(3, "update", "score", "sSYT1.2", {"self_points": ["5", "5.5"]},
          "diem.xlsx sha256:" + "0" * 64)
    if version >= 2:  # a member's scope, and a package of theirs merged with one conflict
        add("member_unit", "mu", member_id=ids["SNV"], unit_id=ids["SYT"])
        merged = dict(package_uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, "parapp:package")),
                      content_sha256="1" * 64, member_code="SNV",
                      file_name="2025-SNV-vong1.parapp-goi", sealed_at=AT,
                      summary=json.dumps({"counts": {"conflict": 1}, "changes": []}))
        if version >= 3:  # the package's own values, the next merge's base
            merged["package_values"] = json.dumps({})
        add("merged_package", "merged", **merged)
        add("merge_resolution", "res", merge_id=ids["merged"], unit_code="SYT",
            criterion_code="1.1", part="appraisal",
            master_value=json.dumps({"points": "2", "note": "Kế hoạch ban hành chậm"}),
            package_value=json.dumps({"points": "3", "note": "Ban hành đúng hạn"}),
            chosen="master", reason="Hồ sơ cho thấy kế hoạch ban hành chậm")
    if version >= 3:  # the record of a package the master sent
        add("sent_package", "sent", package_uuid=str(uuid.uuid5(uuid.NAMESPACE_URL,
                                                                "parapp:sent")),
            member_code="SNV", round=1, file_name="2025-SNV-vong1.parapp-goi",
            frozen=json.dumps({"criterion": "2" * 64}))
        add("sent_row", "sent_row", tracked=False, sent_id=ids["sent"], unit_id=ids["SYT"],
            criterion_id=ids["c1.1"], base_sha256="3" * 64)
    if version >= 5:  # the period's phase, with a deadline
        add("phase_change", "phase", phase="preparation", deadline="2026-02-15", reason="")
        add("survey_item", "item", unit_id=ids["SYT"], criterion_id=ids["c2"], pct="88.5")
    if version >= 7:  # linked to last year's period: a unit as published, mapped to SYT
        add("previous_period", "previous", tracked=False, province="Tỉnh Sơn Hà", year=2024,
            file_name="ky-2024.parapp", content_sha256="4" * 64, linked_at=AT,
            author="Tổ thư ký Hội đồng")
        add("previous_unit", "prev-SYT", code="SYT", name="Sở Y tế", block_code="SO",
            block_name="Khối sở, ban, ngành", ranked=1, total="81.5", index_value="81.50",
            rank=3, unit_id=ids["SYT"])
        add("previous_value", "prev-SYT-1.1", tracked=False, previous_unit_id=ids["prev-SYT"],
            criterion_code="1.1", max_points="4", points="3.5")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {version}")
    con.execute("COMMIT")
    con.execute("VACUUM")
    con.close()
    return out


def main(argv: list[str]) -> int:
    versions = [int(v) for v in argv] or sorted(
        int(p.stem.removeprefix("schema-")) for p in FIXTURES.glob("schema-*.sql"))
    for version in versions:
        path = make(version)
        print(f"{path.relative_to(FIXTURES.parents[1])}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
