"""`parapp check`: integrity of the file and the rules of the period, as a list of problems.

Errors make the period unfit to publish (maxima that do not add up, scores above the maximum,
a deduction without a reason); warnings are what the secretariat should look at (unappraised
leaves, missing evidence, missing survey results, ties, appraisal above the self score).
Every problem names the rule that found it (`RULES`), so a report can group them.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3

from sqlalchemy import select

from parapp.core.criteria import Problem, Source, check_points
from parapp.core.evaluation import evaluate
from parapp.core.fileformat import corrupted, sqlite_uri
from parapp.core.i18n import count, pick
from parapp.core.integrity import scan
from parapp.core.models import Criterion, Evidence, Score, Unit
from parapp.core.ranking import tie_breaker_label
from parapp.core.store import Store

# rule → (what it finds, what is counted), Vietnamese and English (one of it: `count`)
RULES: dict[str, tuple[str, str, str, str]] = {
    "unreadable": ("giá trị không đọc được", "values that cannot be read", "giá trị",
                   "value"),
    "damaged": ("tệp cần khôi phục", "the file needs restoring", "", ""),
    "criteria": ("bộ tiêu chí", "criteria set", "mục", "item"),
    "block_max": ("tổng điểm tối đa của khối khác 100", "block maximum other than 100", "khối",
                  "block"),
    "no_units": ("chưa có đơn vị", "no units", "kỳ", "period"),
    "points": ("điểm ngoài khoảng cho phép", "points out of range", "điểm", "score"),
    "no_reason": ("điểm thẩm định khác điểm tự đánh giá nhưng không có lý do",
                  "appraisal differs from the self score without a reason", "điểm", "score"),
    "above_self": ("điểm thẩm định cao hơn điểm tự đánh giá", "appraisal above the self score",
                   "điểm", "score"),
    "not_self_scored": ("chưa tự đánh giá", "not self-scored", "đơn vị", "unit"),
    "not_appraised": ("chưa thẩm định", "not appraised", "đơn vị", "unit"),
    "no_sipas": ("chưa có kết quả SIPAS", "no SIPAS result", "đơn vị", "unit"),
    "no_survey": ("chưa có kết quả ĐTXHH", "no survey result", "đơn vị", "unit"),
    "no_evidence": ("thiếu tài liệu kiểm chứng", "evidence missing", "đơn vị", "unit"),
    "tie": ("đồng hạng", "shared ranks", "nhóm", "group"),
}


def rule_label(rule: str) -> str:
    vi, en, _n, _m = RULES.get(rule, (rule, rule, "", ""))
    return pick(vi, en)


def rule_count(rule: str, n: int) -> str:
    """"37 đơn vị": how many a rule found, in what it counts."""
    _v, _e, vi, en = RULES.get(rule, ("", "", "", ""))
    return pick(f"{n} {vi}".rstrip(), count(n, en) if en else str(n))


def check(store: Store) -> list[Problem]:
    """The problems of an open file. Opened with checked=False, a file holding values that
    cannot be read gets them listed, one problem each, and the rules (which read them) are not
    checked."""
    problems = _integrity(store)
    if problems:
        return problems
    snap = store.snapshot()
    tree = snap.tree
    blocks = [b.code for b in snap.blocks]
    problems += tree.validate(blocks)
    for b in blocks:
        total = tree.total_max(b)
        if total != 100:
            problems.append(Problem(pick(f"Khối {b}", f"Block {b}"), pick(
                f"tổng điểm tối đa là {total}, không phải 100", f"max points add up to {total}, "
                "not 100"), "warning", "block_max"))
    if not snap.units:
        problems.append(Problem(pick("Kỳ đánh giá", "Period"),
                                pick("chưa có đơn vị nào", "no units yet"), "warning",
                                "no_units"))
    settings = snap.settings
    result = evaluate(snap)  # the snapshot just read: not a second read of the file
    block_of = {u.code: u.block for u in snap.units}
    with store.session() as s:
        evidence_count: dict[tuple[str, str], int] = {}
        for unit_code, crit_uuid in s.execute(
                select(Unit.code, Criterion.uuid).select_from(Evidence)
                .join(Unit, Evidence.unit_id == Unit.id)
                .join(Criterion, Evidence.criterion_id == Criterion.id)
                .where(Evidence.deleted.is_(False))):
            key = (unit_code, crit_uuid)
            evidence_count[key] = evidence_count.get(key, 0) + 1
        scores = s.execute(
            select(Unit.code, Criterion.uuid, Criterion.code, Score.self_points,
                   Score.appraisal_points, Score.appraisal_note, Score.appraisal2_points)
            .join(Unit, Score.unit_id == Unit.id).join(Criterion, Score.criterion_id == Criterion.id)
            .where(Score.deleted.is_(False), Unit.deleted.is_(False))).all()
    for unit_code, crit_uuid, crit_code, own, appraisal, note, appraisal2 in scores:
        node = tree.nodes.get(crit_uuid)
        block = block_of.get(unit_code)
        if node is None or block is None:
            continue
        where = pick(f"Đơn vị {unit_code}, tiêu chí {crit_code}",
                     f"Unit {unit_code}, criterion {crit_code}")
        for label, value in ((pick("điểm tự đánh giá", "self score"), own),
                             (pick("điểm thẩm định", "appraisal"), appraisal),
                             (pick("điểm thẩm định vòng 2", "second appraisal"), appraisal2)):
            if value is not None:
                issue = check_points(node, block, value)
                if issue:
                    problems.append(Problem(where, f"{label}: {issue}", rule="points"))
        if appraisal is None or own is None:
            continue
        if appraisal != own and not note.strip():
            problems.append(Problem(where, pick(
                "điểm thẩm định khác điểm tự đánh giá nhưng không có lý do",
                "appraisal differs from the self score without a reason"), rule="no_reason"))
        if appraisal > own and not settings.allow_appraisal_above_self:
            problems.append(Problem(where, pick("điểm thẩm định cao hơn điểm tự đánh giá",
                                                "appraisal above the self score"), "warning",
                                    "above_self"))
    for unit in snap.units:
        res = result.results[unit.key]
        where = pick(f"Đơn vị {unit.code}", f"Unit {unit.code}")
        if res.not_self_scored:
            problems.append(Problem(where, pick(
                f"{res.not_self_scored} tiêu chí chưa tự đánh giá",
                f"{res.not_self_scored} criteria not self-scored"), "warning",
                "not_self_scored"))
        if res.not_appraised:
            problems.append(Problem(where, pick(
                f"{res.not_appraised} tiêu chí chưa thẩm định (tạm tính bằng điểm tự đánh giá)",
                f"{res.not_appraised} criteria not appraised (self score used for now)"),
                "warning", "not_appraised"))
        sources = {tree.nodes[k].source for k in res.node_max if tree.is_leaf(k)}
        if Source.SIPAS in sources and unit.sipas_pct is None:
            problems.append(Problem(where, pick("chưa có kết quả SIPAS", "no SIPAS result"),
                                    "warning", "no_sipas"))
        if Source.SURVEY in sources and unit.survey_pct is None:
            problems.append(Problem(where, pick("chưa có kết quả ĐTXHH", "no survey result"),
                                    "warning", "no_survey"))
        missing = [tree.nodes[k].code for k in res.node_max
                   if tree.is_leaf(k) and tree.nodes[k].evidence_required
                   and unit.scores.get(k) and (unit.scores[k].self_points or 0) > 0
                   and not evidence_count.get((unit.code, k))]
        if missing:
            problems.append(Problem(where, pick(
                f"thiếu tài liệu kiểm chứng ở {len(missing)} tiêu chí: {', '.join(missing[:8])}"
                + ("…" if len(missing) > 8 else ""),
                f"evidence missing for {len(missing)} criteria: {', '.join(missing[:8])}"
                + ("…" if len(missing) > 8 else "")), "warning", "no_evidence"))
    for block, ranking in result.rankings.items():
        for group in ranking.ties:
            names = ", ".join(r.result.unit.code for r in group)
            breakers = ", ".join(tie_breaker_label(b) for b in settings.tie_breakers) or "—"
            problems.append(Problem(pick(f"Khối {block}", f"Block {block}"), pick(
                f"đồng hạng {group[0].rank}: {names} (tiêu chí phụ: {breakers})",
                f"shared rank {group[0].rank}: {names} (tie-breakers: {breakers})"), "warning",
                "tie"))
    return problems


def _damaged_files(con: sqlite3.Connection) -> list[str]:
    """The evidence files whose bytes no longer hash to their key (opening the file does not
    read them: a province's evidence runs to gigabytes; this check does, one at a time)."""
    bad = []
    for key, data in con.execute("SELECT sha256, data FROM blob"):
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != key:
            bad.append(str(key))
    if not bad:
        return []
    names = con.execute("SELECT DISTINCT original_name FROM evidence WHERE sha256 IN "
                        "(SELECT value FROM json_each(?)) ORDER BY 1",
                        (json.dumps(bad),)).fetchall()
    return [n for (n,) in names] or [k[:12] + "…" for k in bad]


def _integrity(store: Store) -> list[Problem]:
    """The file's pages and indexes, then every stored value (audit log included)."""
    path = store.path
    con = sqlite3.connect(f"{sqlite_uri(path)}?mode=ro", uri=True)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            return [Problem(str(path), str(corrupted(path, "; ".join(r[0] for r in result[:5]))),
                            rule="damaged")]
        bad = scan(con)
        damaged = [] if bad else _damaged_files(con)  # values first: a key may not be text
        if damaged:
            return [Problem(str(path), pick(
                f"nội dung tài liệu kiểm chứng bị hỏng (không khớp SHA-256): "
                f"{', '.join(damaged[:5])}; hãy khôi phục bản sao lưu gần nhất",
                f"evidence content is damaged (its SHA-256 does not match): "
                f"{', '.join(damaged[:5])}; restore the latest backup"), rule="damaged")]
    except sqlite3.DatabaseError as exc:
        return [Problem(str(path), str(corrupted(path, exc)), rule="damaged")]
    finally:
        con.close()
    if not bad:
        return []
    keys = sorted({b.setting for b in bad if b.setting})
    todo = pick(f"; thiết lập: parapp settings {path} KHÓA=GIÁ_TRỊ ({', '.join(keys)})",
                f"; settings: parapp settings {path} KEY=VALUE ({', '.join(keys)})") if keys else ""
    return [Problem(b.where(), b.problem(), rule="unreadable") for b in bad] + [Problem(
        str(path), pick(
        f"{len(bad)} giá trị không đọc được; hãy khôi phục bản sao lưu gần nhất hoặc sửa các "
        f"giá trị trên bằng công cụ SQLite{todo}; các quy tắc chấm điểm chưa được kiểm tra",
        f"{count(len(bad), 'value')} cannot be read; restore the latest backup or correct the "
        f"values above with an SQLite tool{todo}; the scoring rules were not checked"),
        rule="damaged")]
