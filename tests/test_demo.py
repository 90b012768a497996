"""The built-in demo province: shape, plausibility, determinism."""
import hashlib
import os
import subprocess
import sys
from decimal import Decimal as D

from parapp.core.check import check
from parapp.core.demo import build_demo
from parapp.core.store import Store


def test_same_seed_gives_the_same_file_but_for_the_period_identity(tmp_path):
    a = build_demo(tmp_path / "a.parapp", seed=7, units=6)
    b = tmp_path / "b.parapp"  # another process, another hash seed: no set order may leak in
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "parapp", "demo", str(b), "--seed", "7", "--units", "6"],
                   check=True, env=env, capture_output=True)
    c = build_demo(tmp_path / "c.parapp", seed=8, units=6)
    identities = []
    for path in (a, b, c):
        with Store.open(path, readonly=True) as store:
            identities.append(store.period().uuid)
    assert len(set(identities)) == 3  # two demo files are never one period
    # the identity is a UUID of fixed length: masked, the files are the same byte for byte
    digest = [hashlib.sha256(p.read_bytes().replace(i.encode(), b"-" * 36)).hexdigest()
              for p, i in zip((a, b, c), identities)]
    assert digest[0] == digest[1] != digest[2]
    assert build_demo(tmp_path / "d.parapp", seed=7, units=6, identity=identities[0]
                      ).read_bytes() == a.read_bytes()


def test_demo_has_the_shape_of_a_real_period(small_demo):
    with Store.open(small_demo) as store:
        tree = store.tree()
        blocks = [b.code for b in store.blocks()]
        assert blocks == ["SO", "PHUONG", "XA"]
        assert len(tree.roots) == 8
        criteria = [k for k in tree.preorder if tree.depth[k] == 1]
        leaves = [k for k in tree.preorder if tree.is_leaf(k)]
        assert 40 <= len(criteria) <= 50 and 90 <= len(leaves) <= 120
        assert all(tree.total_max(b) == D(100) for b in blocks)
        units = store.units()
        assert sum(1 for u in units if u.code.isalpha()) == 17
        members = store.members()
        assert {m.code for m in members} >= {"SNV", "STP", "STC", "VPUB", "SKHCN"}
        problems = check(store)
        assert [str(p) for p in problems if p.severity == "error"] == []
        result = store.evaluate()
        indexes = [r.index for r in result.results.values()]
        assert D(60) < min(indexes) and max(indexes) < D(100)
        assert any(r.unit.prev_rank for r in result.results.values())
        # heads who took up the post late in 2025: under six months not classified, a commune
        # head there since the merger (1 July) classified
        assert store.settings().min_months_in_post == 6
        assert {u.code: u.head_since for u in units if u.head_since} == {
            "SCT": "2025-11-01", "P003": "2025-10-16", "X003": "2025-07-01"}
        assert sorted(h.row.result.unit.code for h in result.heads.values()
                      if h.grade.value == "khong_xep_loai") == ["P003", "SCT"]
        counts = store.counts()
        assert counts["evidence"] > counts["blobs"]  # shared documents are stored once
        notes = [a.changes.get("appraisal_note", [None, None])[1] for a in store.audit()
                 if a.entity == "score" and a.action == "update"]
        assert any(n and "chậm" in n for n in notes)  # deductions come with Vietnamese reasons


def test_default_demo_has_a_hundred_and_twenty_communes_and_wards(tmp_path):
    from parapp.core import demo
    assert demo.DEFAULT_COMMUNES == 120
