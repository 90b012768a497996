#!/usr/bin/env python3
"""Compile the Qt Designer forms: forms/<name>.ui → parapp/ui/forms/ui_<name>.py.

Uses the `pyside6-uic` next to the running interpreter (the venv's bin/ or Scripts\\), so the
generated code matches the installed PySide6. A form is rebuilt only when its .ui is newer than
the generated module (or with --force). Exits non-zero, with one line per problem, on failure.
With --check nothing is written: it exits 1 naming every generated module that differs from what
its .ui compiles to now (the uic version in the header aside), or that has no .ui any more.

    .venv/bin/python scripts/build_forms.py [--force | --check]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "parapp" / "ui" / "forms"
HEADER = "# Generated from forms/{name}.ui by scripts/build_forms.py — do not edit\n"
PACKAGE_INIT = '"""Python modules generated from forms/*.ui by scripts/build_forms.py."""\n'


def find_uic() -> Path:
    """pyside6-uic from the interpreter's own bin directory, else from PATH."""
    bindir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("pyside6-uic")
    if found:
        return Path(found)
    raise FileNotFoundError(
        f"pyside6-uic not found next to {sys.executable} nor on PATH "
        "(install PySide6 into this environment: pip install -e '.[test]')")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def stale(ui: Path, target: Path) -> bool:
    return not target.exists() or ui.stat().st_mtime > target.stat().st_mtime


def compile_form(uic: Path, ui: Path, target: Path) -> None:
    proc = subprocess.run([str(uic), str(ui)], capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0 or not proc.stdout.strip():
        # uic says what is wrong first; the wrapper's "... returned 1" line adds nothing
        detail = [line.strip() for line in (proc.stderr or proc.stdout).splitlines()
                  if line.strip() and not line.rstrip().endswith(f"returned {proc.returncode}")]
        raise RuntimeError(f"{_shown(ui)}: pyside6-uic failed (exit {proc.returncode})"
                           + (f": {' '.join(detail)}" if detail else ""))
    code = HEADER.format(name=ui.stem) + proc.stdout.replace("\r\n", "\n")
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(code, encoding="utf-8", newline="\n")
    os.replace(tmp, target)


def body(path: Path) -> list[str]:
    """A generated module's lines but the one naming the uic version (it follows PySide6)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if "User Interface Compiler version" not in line]


def check(forms: list[Path]) -> int:
    """1 (and one line per form) if a generated module is stale, missing or orphaned."""
    try:
        uic = find_uic()
    except FileNotFoundError as exc:
        print(f"build_forms: error: {exc}", file=sys.stderr)
        return 1
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ui in forms:
            target = OUT / f"ui_{ui.stem}.py"
            fresh = Path(tmp) / target.name
            try:
                compile_form(uic, ui, fresh)
            except (RuntimeError, OSError) as exc:
                problems.append(str(exc))
                continue
            if not target.exists():
                problems.append(f"{_shown(target)} is missing")
            elif body(fresh) != body(target):
                problems.append(f"{_shown(target)} is stale")
    names = {f"ui_{ui.stem}.py" for ui in forms}
    problems += [f"{_shown(p)} has no forms/{p.stem.removeprefix('ui_')}.ui"
                 for p in sorted(OUT.glob("ui_*.py")) if p.name not in names]
    for problem in problems:
        print(f"build_forms: {problem}", file=sys.stderr)
    if problems:
        print("build_forms: run scripts/build_forms.py", file=sys.stderr)
        return 1
    print(f"build_forms: {len(forms)} form(s) up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--force", action="store_true", help="rebuild every form")
    what.add_argument("--check", action="store_true",
                      help="write nothing; fail if a generated module is stale")
    args = parser.parse_args(argv)

    forms = sorted(FORMS.glob("*.ui"))
    if not forms:
        print(f"build_forms: error: no .ui files in {FORMS}", file=sys.stderr)
        return 1
    if args.check:
        return check(forms)
    OUT.mkdir(parents=True, exist_ok=True)
    init = OUT / "__init__.py"
    if not init.exists():
        init.write_text(PACKAGE_INIT, encoding="utf-8")

    todo = [ui for ui in forms if args.force or stale(ui, OUT / f"ui_{ui.stem}.py")]
    if not todo:
        print(f"build_forms: {len(forms)} form(s) up to date")
        return 0
    try:
        uic = find_uic()
    except FileNotFoundError as exc:
        print(f"build_forms: error: {exc}", file=sys.stderr)
        return 1
    failed = 0
    for ui in todo:
        target = OUT / f"ui_{ui.stem}.py"
        try:
            compile_form(uic, ui, target)
        except (RuntimeError, OSError) as exc:
            print(f"build_forms: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"build_forms: {_shown(ui)} → {_shown(target)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
