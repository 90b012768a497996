"""The built-in demo province (Tỉnh Sơn Hà, fictional), generated from a seed.

After the 2025 two-tier reform: 17 provincial agencies and, by default, 40 wards and 80
communes, the 2025 criteria set in demo_data/criteria.json, a council of 7 member departments, and a
complete appraisal: self scores with explanations and evidence, deductions with reasons, a second
round for some contested deductions, SIPAS and survey results, bonus and penalty lines, last
year's period linked (with three old communes merged into one), and a few heads who took up the post late in the year (`HEADS_SINCE`). Everything goes
through the same validated `Edit` API as user input. The same seed gives
the same file, byte for byte: UUIDs and timestamps come from the seed too.
"""
from __future__ import annotations

import json
import random
import unicodedata
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path

from parapp.core.criteria import CriteriaTree, Method, Source
from parapp.core.files import discard, put_in_place, work_path
from parapp.core.lock import check_new_file
from parapp.core.numbers import fmt, quantize
from parapp.core.store import Edit, Store

PROVINCE = "Tỉnh Sơn Hà"
YEAR = 2025
DEFAULT_COMMUNES = 120  # wards and communes together
# heads who took up the post during the year (the others held it all year): two too late to be
# classified under the 6 months new periods ask for, and a commune's, from the day the merged
# communes began (1 July 2025), exactly at the minimum
HEADS_SINCE = {"SCT": "2025-11-01", "P003": "2025-10-16", "X003": "2025-07-01"}


def _data(name: str) -> dict:
    return json.loads(resources.files("parapp.core").joinpath("demo_data", name).read_text("utf-8"))


class _Clock:
    """Deterministic timestamps that advance a few minutes per transaction."""

    def __init__(self, rng: random.Random, start: datetime):
        self.rng, self.now = rng, start

    def at(self, when: datetime) -> None:
        self.now = when

    def __call__(self) -> str:
        self.now += timedelta(seconds=self.rng.randint(20, 400))
        return self.now.isoformat(timespec="seconds")


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def tiny_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF (Helvetica, so ASCII-folded text): small, valid, previewable."""
    body = "BT /F1 12 Tf 60 780 Td 16 TL " + " ".join(
        "(" + _ascii(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


_EVIDENCE = "Văn bản, báo cáo chứng minh kết quả (bản chụp có dấu hoặc tệp đã ký số)"


def _guidance(node: dict) -> str:
    """How points are given, in the way provincial sets write it (from the leaf's method)."""
    def pts(value: str) -> str:
        return fmt(Decimal(value), 2, comma=True)
    method, params = node.get("method"), node.get("params") or {}
    if method == "levels":
        text = "Theo mức: " + "; ".join(f"{pts(v)} điểm" for v in params.get("levels", []))
    elif method == "yesno":
        top = node["max"]  # one maximum, or one per block
        text = (f"Có: {pts(top)} điểm; không: 0 điểm" if isinstance(top, str)
                else "Có: điểm tối đa của khối; không: 0 điểm")
    elif method == "bands":
        text = "; ".join(f"tỷ lệ từ {t}% trở lên: {pts(p)} điểm" for t, p in params["bands"])
    elif method == "proportional":
        text = "Điểm = tỷ lệ đạt được × điểm tối đa"
    else:
        text = ""
    return text


class _DemoBuilder:
    def __init__(self, seed: int, communes: int):
        self.rng = random.Random(seed)  # the province's figures
        # identities and times from a stream of their own: a row a new parapp writes on its
        # own (a setting, a phase) must not shift every figure drawn after it
        self.ids = random.Random(f"{seed}:ids")
        self.criteria = _data("criteria.json")
        self.names = _data("names.json")
        self.communes = communes
        self.clock = _Clock(self.ids, datetime.fromisoformat("2025-11-20T08:00:00+07:00"))
        self.last_year = random.Random(f"{seed}:{YEAR - 1}")  # the linked previous period's

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self.ids.getrandbits(128), version=4))

    def person(self) -> str:
        n = self.names
        surnames, weights = zip(*n["surnames"])
        female = self.rng.random() < 0.3
        middle = n["middle_female" if female else "middle_male"]
        given = n["given_female" if female else "given_male"]
        return (f"{self.rng.choices(surnames, weights)[0]} {self.rng.choice(middle)} "
                f"{self.rng.choice(given)}")

    # -- structure --------------------------------------------------------------------------

    def structure(self, ed: Edit) -> None:
        c = self.criteria
        ed.update_period(
            title=f"Xác định Chỉ số cải cách hành chính năm {YEAR} của các sở, ban, ngành và "
                  "UBND các xã, phường tỉnh Sơn Hà",
            criteria_name=c["name"], criteria_decision=c["decision"],
            criteria_revision=self.new_uuid())
        self.signer = self.person()  # the same draw as when the period held the signer
        for i, b in enumerate(c["blocks"]):
            ed.add_block(b["code"], b["name"], position=i)
        for i, m in enumerate(c["members"]):
            ed.add_member(m["code"], m["department"], m["person"], m["title"], position=i)
        for node in c["nodes"]:
            code = node["code"]
            parent = code.rsplit(".", 1)[0] if "." in code else None
            mx = node["max"]
            if isinstance(mx, dict):
                default = max(mx.values(), key=Decimal)
                block_max = {b: v for b, v in mx.items() if Decimal(v) != Decimal(default)}
            else:
                default, block_max = mx, {}
            ed.add_criterion(code, node["name"], default, parent, block_max=block_max,
                             method=node.get("method", "manual"), params=node.get("params"),
                             source=node.get("source", "self"),
                             evidence_required=node.get("evidence", False),
                             appraiser=node.get("appraiser"), guidance=_guidance(node),
                             evidence_guidance=_EVIDENCE if node.get("evidence") else "")
        for key, value in (("bonus_cap", "2"), ("penalty_cap", "3")):
            ed.set_setting(key, value)

    def units(self, ed: Edit) -> list[tuple[str, str, float]]:
        """Adds the units; returns (code, block, quality) for each."""
        out = []
        rng = self.rng
        departments = self.names["departments"]
        dept_prev = list(range(1, len(departments)))
        rng.shuffle(dept_prev)
        for i, d in enumerate(departments):
            ranked = d["code"] != "BQLDAGT"  # a project board: scored, not ranked
            prev = dept_prev.pop() if ranked and dept_prev and d["code"] != "SDTTG" else None
            del prev  # drawn as before (the seed's figures stay); last year comes from the link
            ed.add_unit(d["code"], d["name"], "SO", self.person(), d["head_title"], ranked=ranked,
                        position=i, head_since=HEADS_SINCE.get(d["code"]))
            out.append((d["code"], "SO", rng.gauss(0.9, 0.04)))
        wards_n = self.communes // 3
        communes_n = self.communes - wards_n
        for block, prefix, pool, count, title in (
                ("PHUONG", "P", self.names["wards"], wards_n, "Chủ tịch UBND phường"),
                ("XA", "X", self.names["communes"], communes_n, "Chủ tịch UBND xã")):
            prev_ranks = list(range(1, count + 1))
            rng.shuffle(prev_ranks)
            for i in range(count):
                name = pool[i % len(pool)] + (f" {i // len(pool) + 1}" if i >= len(pool) else "")
                code = f"{prefix}{i + 1:03d}"
                head = self.person()
                rng.random()  # once a typed previous rank's draw: the seed's figures stay
                ed.add_unit(code, name, block, head, title, position=i,
                            head_since=HEADS_SINCE.get(code))
                out.append((code, block, rng.gauss(0.85, 0.06)))
        return out

    def previous(self, store: Store) -> None:
        """Last year's period, linked: each unit's points on each leaf near this year's (a
        little lower, as a rule), and the 2025 reform — the first commune took over two more
        old communes, so its previous figures are derived from three."""
        from parapp.core.carry_over import past_results
        from parapp.core.previous import PastUnit
        rng = self.last_year
        snapshot = store.snapshot()
        tree = snapshot.tree
        steps = [Decimal(x) for x in ("-0.75", "-0.5", "-0.25", "0", "0", "0", "0.25", "0.5")]
        past = []
        for u in past_results(store):
            # most units improved on last year, some fell back
            shift = Decimal(rng.choice(("-0.125", "0", "0.125", "0.25", "0.25", "0.375")))
            values: dict[str, Decimal] = {}
            for key in reversed(tree.preorder):  # children before parents
                code = tree.nodes[key].code
                if code not in u.maxima:
                    continue
                if tree.is_leaf(key):
                    then = u.values[code] + (rng.choice(steps) + shift) * (u.maxima[code] / 8)
                    values[code] = quantize(min(u.maxima[code], max(Decimal(0), then)), 2)
                else:
                    values[code] = sum((values[tree.nodes[k].code] for k in tree.children[key]
                                        if tree.nodes[k].code in values), Decimal(0))
            extra = u.total - sum((u.values[tree.nodes[k].code] for k in tree.roots
                                   if tree.nodes[k].code in u.values), Decimal(0))
            total = sum((values[tree.nodes[k].code] for k in tree.roots
                         if tree.nodes[k].code in values), Decimal(0)) + extra
            applicable = sum((u.maxima[tree.nodes[k].code] for k in tree.roots
                              if tree.nodes[k].code in u.maxima), Decimal(0))
            past.append(PastUnit(u.code, u.name, u.block, u.ranked, total,
                                 quantize(total * 100 / applicable, 2), None, None, values,
                                 u.maxima, u.block_name))
        first = next(u for u in past if u.block == "XA")
        for n, suffix in ((2, "Đông"), (3, "Tây")):  # merged into the first commune in 2025
            index = quantize(first.index - Decimal(n), 2)
            past.append(PastUnit(f"X9{n:02d}", f"Xã {suffix} {first.name.split()[-1]}",
                                 "XA", True, quantize(first.total - Decimal(n), 2), index, None,
                                 None, {c: v * index / first.index for c, v in first.values.items()},
                                 first.maxima, first.block_name))
        ranked: list[PastUnit] = []
        for block in sorted({u.block for u in past}):
            order = sorted((u for u in past if u.block == block and u.ranked),
                           key=lambda u: (-u.index, u.code))
            ranked += [PastUnit(u.code, u.name, u.block, u.ranked, u.total, u.index, i, None,
                                u.values, u.maxima, u.block_name)
                       for i, u in enumerate(order, start=1)]
        ranked += [u for u in past if not u.ranked]
        with store.edit("demo: kỳ năm trước") as ed:
            ed.link_previous(PROVINCE, YEAR - 1, f"son-ha-{YEAR - 1}.parapp", "0" * 64, ranked)
            for old in ("X902", "X903"):
                ed.map_previous(old, first.code)

    # -- scores -----------------------------------------------------------------------------

    def self_points(self, node, top: Decimal, q: float) -> Decimal:
        """What a unit claims: units tend to give themselves full marks."""
        rng = self.rng
        full = rng.random() < min(0.97, q + 0.1)
        if node.method is Method.YESNO:
            return top if full else Decimal(0)
        if node.method is Method.LEVELS:
            levels = [Decimal(v) for v in node.params["levels"]]
            return levels[0] if full else rng.choice(levels[1:])
        if node.method is Method.BANDS:
            bands = [Decimal(p) for _, p in node.params["bands"]]
            return bands[0] if full else rng.choice(bands[1:])
        if full:
            return top
        ratio = Decimal(str(round(rng.uniform(0.5, 0.98), 2)))
        return quantize(top * ratio, 2)

    def deducted(self, node, top: Decimal, own: Decimal) -> Decimal:
        rng = self.rng
        if node.method is Method.YESNO:
            return Decimal(0)
        if node.method in (Method.LEVELS, Method.BANDS):
            steps = ([Decimal(v) for v in node.params["levels"]] if node.method is Method.LEVELS
                     else [Decimal(p) for _, p in node.params["bands"]])
            lower = [v for v in steps if v < own]
            return lower[0] if lower else Decimal(0)
        return quantize(own * Decimal(str(round(rng.uniform(0.4, 0.9), 2))), 2)

    def scores(self, store: Store, units: list[tuple[str, str, float]]) -> None:
        rng = self.rng
        tree = store.tree()
        notes = _by_criterion(self.names["deduction_notes"])
        explanations = _by_criterion(self.names["explanations"])
        titles = _by_criterion(self.names["evidence_titles"])
        # texts are written per level-2 criterion: a leaf uses its criterion's
        criterion_of = {}
        for k in tree.preorder:
            parent = tree.nodes[k].parent
            criterion_of[k] = tree.nodes[k].code if tree.depth[k] <= 1 or parent is None else \
                tree.nodes[parent].code
        area_code = {k: tree.nodes[tree.area_of(k)].code for k in tree.preorder}
        leaves = [tree.nodes[k] for k in tree.preorder if tree.is_leaf(k)]
        unit_names = {u.code: u.name for u in store.units()}
        members = {m.code: m for m in store.members()}
        late = {units[-1][0], units[-7][0]}  # two communes whose area 7 is still being appraised
        # Self-assessment, December: each unit's own team scores, explains, attaches evidence.
        self.clock.at(datetime.fromisoformat("2025-12-01T08:00:00+07:00"))
        claimed: dict[tuple[str, str], Decimal] = {}
        with store.edit("demo: tự đánh giá") as ed:
            for code, block, q in units:
                ed.author = f"Tổ tự đánh giá {code}"
                documents: dict[str, tuple[str, bytes, str]] = {}
                batch = []
                for node in leaves:
                    top = node.max_for(block)
                    if top <= 0 or node.source is not Source.SELF:
                        continue
                    own = self.self_points(node, top, q)
                    claimed[(code, node.code)] = own
                    fields: dict = {"self_points": own}
                    if rng.random() < 0.12:
                        fields["explanation"] = rng.choice(explanations[criterion_of[node.key]])
                    batch.append((code, node.code, fields))
                    if node.evidence_required and own > 0 and rng.random() < 0.93:
                        doc = rng.choice(titles[criterion_of[node.key]])
                        if doc["name"] not in documents:
                            documents[doc["name"]] = (doc["name"], tiny_pdf([
                                unit_names[code], doc["title"], f"{PROVINCE}, {YEAR}"]),
                                doc["title"])
                        name, data, title = documents[doc["name"]]
                        ed.add_evidence(code, node.code, data, name, title)
                ed.write_scores(batch)
                if code == "SNV":  # an agency without subordinate units
                    ed.set_applicable(code, "4.4", False,
                                      "Đơn vị không có đơn vị sự nghiệp trực thuộc")
                if rng.random() < 0.25:
                    ed.add_adjustment(code, "bonus", "Sáng kiến, giải pháp CCHC được UBND tỉnh "
                                      "công nhận", rng.choice(["0.5", "1", "1.5"]))
        # Appraisal, January: each member department appraises its areas.
        self.clock.at(datetime.fromisoformat("2026-01-05T08:00:00+07:00"))
        deduct_rate = {code: (1 - q) * 1.6 for code, _b, q in units}
        with store.edit("demo: thẩm định") as ed:
            for area_key in tree.roots:  # one member department at a time, as in reality
                member = members[_appraiser(tree, area_key)]
                ed.author = f"{member.person} ({member.department})"
                area = tree.nodes[area_key].code
                area_leaves = [n for n in leaves if area_code[n.key] == area]
                batch = []
                for code, block, _q in units:
                    if code in late and area == "7":
                        continue
                    for node in area_leaves:
                        claim = claimed.get((code, node.code))
                        if claim is None:
                            continue
                        if claim > 0 and rng.random() < deduct_rate[code]:
                            batch.append((code, node.code, {
                                "appraisal_points": self.deducted(node, node.max_for(block), claim),
                                "appraisal_note": rng.choice(notes[criterion_of[node.key]])}))
                        else:
                            batch.append((code, node.code, {"appraisal_points": claim}))
                ed.write_scores(batch)
            ed.author = "Tổ thư ký Hội đồng"
            for code, _block, q in units:
                ed.set_survey(code, sipas=f"{min(99.5, max(70, rng.gauss(q * 100, 4))):.2f}",
                              survey=f"{min(98, max(60, rng.gauss(q * 100 - 5, 5))):.2f}")
                if rng.random() < 0.06:
                    ed.add_adjustment(code, "penalty", "Để xảy ra sai phạm trong giải quyết TTHC "
                                      "bị cơ quan có thẩm quyền kết luận", "0", "1",
                                      "Kết luận thanh tra số 45/KL-TTr ngày 20/10/2025")
        # Second round, February: some units explain and part of the deduction is restored.
        self.clock.at(datetime.fromisoformat("2026-02-02T08:00:00+07:00"))
        snap = store.snapshot()
        by_code = {u.code: u for u in snap.units}
        contested = [(code, n, s) for code, _b, _q in units for n in leaves
                     if (s := by_code[code].scores.get(n.key)) and s.appraisal is not None
                     and s.self_points is not None and s.appraisal < s.self_points]
        picked = [item for item in contested if rng.random() < 0.15]
        with store.edit("demo: giải trình bổ sung") as ed:
            for code in dict.fromkeys(code for code, _n, _s in picked):
                ed.author = f"Tổ tự đánh giá {code}"
                ed.write_scores([(c, node.code, {"explanation2": rng.choice(
                    explanations[criterion_of[node.key]])}) for c, node, _s in picked if c == code])
        with store.edit("demo: thẩm định lần 2") as ed:
            for member_code in dict.fromkeys(_appraiser(tree, n.key) for _c, n, _s in picked):
                member = members[member_code]
                ed.author = f"{member.person} ({member.department})"
                batch = []
                for code, node, score in picked:
                    if _appraiser(tree, node.key) != member_code:
                        continue
                    appraised, self_points = score.appraisal, score.self_points
                    # contested: both are there
                    assert appraised is not None and self_points is not None
                    if node.method in (Method.PROPORTIONAL, Method.MANUAL):
                        restored = quantize((appraised + self_points) / 2, 2)
                    else:  # discrete methods: the claimed level is accepted
                        restored = self_points
                    batch.append((code, node.code, {
                        "appraisal2_points": restored,
                        "appraisal2_note": "Chấp nhận giải trình bổ sung và tài liệu kiểm chứng "
                                           "đơn vị cung cấp sau thẩm định lần 1."}))
                ed.write_scores(batch)
        with store.edit("demo: xếp loại") as ed:
            ed.author = "Tổ thư ký Hội đồng"
            victim = units[len(units) // 2][0]
            ed.set_override(victim, "khong_hoan_thanh",
                            "Người đứng đầu bị kỷ luật khiển trách trong năm 2025 "
                            "(Quyết định số 215/QĐ-UBND ngày 12/9/2025)", disqualified=True)
        # The decision publishing the results, for the official documents (last, so the seeded
        # sequence of everything above stays as it was).
        with store.edit("demo: văn bản công bố") as ed:
            ed.author = "Tổ thư ký Hội đồng"
            for key, value in (("issuer", "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"), ("place", "Sơn Hà"),
                               ("decision_number", "386/QĐ-UBND"), ("decision_date", "26/02/2026"),
                               ("signer_authority", "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH"),
                               ("signer_title", "PHÓ CHỦ TỊCH"), ("signer_name", self.signer)):
                ed.set_setting(key, value)


def _appraiser(tree: CriteriaTree, key: str) -> str:
    """The member appraising `key`: the demo's criteria give every area one."""
    code = tree.appraiser_of(key)
    if code is None:
        raise ValueError(f"demo criteria: no member appraises {tree.nodes[key].code}")
    return code


def _by_criterion(items: list[dict]) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in items:
        out.setdefault(item["criterion"], []).append(item.get("text", item))
    return out


def build_demo(path: Path | str, seed: int = 2025, units: int | None = None,
               overwrite: bool = False, identity: str | None = None) -> Path:
    """Create the demo province at `path` (temp file first, so no half-built file remains).
    Everything comes from the seed but the period's identity (its UUID, `identity` or a new
    one): two demo files are two periods, so a package of one is never taken for the other's."""
    path = Path(path)
    check_new_file(path, overwrite, force="--force")
    builder = _DemoBuilder(seed, units if units is not None else DEFAULT_COMMUNES)
    tmp = work_path(path)
    store = Store.create(tmp, PROVINCE, YEAR, author="Sở Nội vụ (dữ liệu mẫu)",
                         clock=builder.clock, new_uuid=builder.new_uuid,
                         uuid=identity or str(uuid.uuid4()))
    try:
        with store.edit("demo: bộ chỉ số") as ed:
            builder.structure(ed)
        with store.edit("demo: đơn vị") as ed:
            unit_list = builder.units(ed)
        builder.scores(store, unit_list)
        builder.previous(store)
    except BaseException:
        store.close()
        discard(tmp)
        raise
    store.close()
    try:
        put_in_place(tmp, path)
    except BaseException:
        discard(tmp)
        raise
    return path
