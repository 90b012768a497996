"""Write the sample official documents of the demo province to docs/samples/ (with first-page
PNGs).

    .venv/bin/python scripts/make_samples.py [--unit SYT]

Builds the demo province (Tỉnh Sơn Hà, default seed and size, as `parapp demo` does) in a
temporary folder, then writes:
  quyet-dinh-cong-bo.pdf   the decision with its annexes in one file (and its .docx draft)
  phu-luc-xep-hang.pdf     the ranking annex as a file of its own
  phu-luc-sipas.pdf        the SIPAS annex
  phu-luc-xep-loai.pdf     the classification of unit heads
  thong-bao-<unit>.pdf     the result notice of one unit
  tu-danh-gia-<unit>.pdf   the same unit's self-assessment report, issued by the unit
  diem-bi-tru-<unit>.pdf   where the same unit lost points, beside its block
  bao-cao-ket-qua.pdf      Sở Nội vụ's report on the results, with the charts per block
and a PNG of each first page (pdftoppm -r 60, when poppler-utils is installed). The PDFs carry
an empty signature field; the same demo gives the same bytes.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parapp.core.demo import build_demo  # noqa: E402
from parapp.core.reports.decision import build_annex, build_decision  # noqa: E402
from parapp.core.reports.losses import build_losses  # noqa: E402
from parapp.core.reports.notice import build_notice  # noqa: E402
from parapp.core.reports.results import build_results  # noqa: E402
from parapp.core.reports.self_report import build_self_report  # noqa: E402
from parapp.core.store import Store  # noqa: E402

TARGET = ROOT / "docs" / "samples"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", default="SYT", help="unit of the sample notice")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="parapp-samples-") as tmp:
        demo = build_demo(Path(tmp) / "son-ha.parapp")
        with Store.open(demo, readonly=True) as store:
            pdfs = [build_decision(store, args.out / "quyet-dinh-cong-bo.pdf"),
                    build_annex(store, "annex", args.out / "phu-luc-xep-hang.pdf"),
                    build_annex(store, "sipas", args.out / "phu-luc-sipas.pdf"),
                    build_annex(store, "heads", args.out / "phu-luc-xep-loai.pdf"),
                    build_notice(store, args.out / f"thong-bao-{args.unit.lower()}.pdf",
                                 args.unit),
                    build_self_report(store, args.out / f"tu-danh-gia-{args.unit.lower()}.pdf",
                                      args.unit),
                    build_losses(store, args.out / f"diem-bi-tru-{args.unit.lower()}.pdf",
                                 args.unit),
                    build_results(store, args.out / "bao-cao-ket-qua.pdf")]
            print(build_decision(store, args.out / "quyet-dinh-cong-bo.docx"))
    for pdf in pdfs:
        print(pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf)
        if shutil.which("pdftoppm"):
            png = pdf.with_suffix("")
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(png)], check=True)
            print(png.with_suffix(".png").relative_to(ROOT) if pdf.is_relative_to(ROOT)
                  else png.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
