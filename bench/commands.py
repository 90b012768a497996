"""Benchmark: parapp's commands as whole processes, beside what any process of theirs pays.

    .venv/bin/python bench/commands.py [--repeat 7]

Each run is a new `python -m parapp …` process (warm disk), timed from its start to its exit,
wall clock and CPU (user + system). parapp's modules are compiled to bytecode first, as an
installed copy has them (this machine's PYTHONDONTWRITEBYTECODE would otherwise make every run
compile them again). Medians of --repeat runs, each command on a fresh copy of its input:
  annex    `parapp report annex` of the 150-unit demo (3 blocks, 8 pages, PDF)
  import   `parapp import scores` of 18,000 score rows into the empty 150-unit period
  merge    `parapp merge` of 15 council members' sealed packages (bench/merge.py's)
Floors, in the same run:
  python   `python -c pass`: the interpreter starting and exiting
  libraries  the interpreter importing the libraries the command stands on (SQLAlchemy's ORM,
           plus reportlab / openpyxl and python-calamine / cryptography)
  imports  the interpreter importing what the command needs before it reads anything
           (those libraries, parapp's models and the command's modules)
Both floors import as the program does: with the cyclic collector held off (parapp.cli.main).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.merge import prepare as prepare_merge  # noqa: E402
from bench.reports import cached_demo  # noqa: E402
from bench.run import OUT, cached_province  # noqa: E402

IMPORTS = {
    "annex": "import parapp.cli, parapp.core.reports.decision",
    "import": "import parapp.cli, parapp.core.interchange.importer",
    "merge": "import parapp.cli, parapp.core.merge",
}
# the libraries alone, which the design fixes: none of parapp's own modules
LIBRARIES = {
    "annex": "import sqlalchemy.orm, reportlab.platypus",
    "import": "import sqlalchemy.orm, python_calamine, openpyxl",
    "merge": "import sqlalchemy.orm, cryptography.hazmat.primitives.asymmetric.ed25519",
}

HELD_OFF = "import gc; gc.disable(); "  # as parapp.cli.main() imports them


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_inputs() -> tuple[Path, Path]:
    """The empty 150-unit period (criteria and units only) and the workbook of its scores."""
    from parapp.core.interchange.exporter import export_data
    from parapp.core.interchange.importer import import_file
    from parapp.core.store import Store
    book, empty = OUT / "commands-150.xlsx", OUT / "commands-150-empty.parapp"
    if not (book.exists() and empty.exists()):
        with Store.open(cached_province(150), readonly=True) as store:
            export_data(store, book)
        with Store.create(empty, "Tỉnh Benchmark", 2025, overwrite=True) as store:
            import_file(store, "criteria", book)
            import_file(store, "units", book)
    return empty, book


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "parapp")], check=True)
    python = sys.executable
    demo = cached_demo()
    empty, book = import_inputs()
    master, packages = prepare_merge(15)
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)  # the current folder: never the source tree, whose parapp would win

        def run(name: str, source: Path | None, argv: list[str]) -> None:
            if source is not None:
                shutil.copy(source, work / source.name)
            results.setdefault(name, []).append(timed(argv, work))

        for _ in range(args.repeat):  # interleaved: a busy moment hits every line alike
            run("python", None, [python, "-c", "pass"])
            for name in IMPORTS:
                run(f"{name} libraries", None, [python, "-c", HELD_OFF + LIBRARIES[name]])
                run(f"{name} imports", None, [python, "-c", HELD_OFF + IMPORTS[name]])
            run("annex", demo, [python, "-m", "parapp", "report", "annex", demo.name,
                                "-o", "annex.pdf"])
            run("import", empty, [python, "-m", "parapp", "import", "scores", empty.name,
                                  str(book)])
            run("merge", master, [python, "-m", "parapp", "merge", master.name,
                                  *map(str, packages)])
    print(f"whole processes, median of {args.repeat}: wall / CPU (user + system)")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"  {name:<17} {wall:6.3f} s  {cpu:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
