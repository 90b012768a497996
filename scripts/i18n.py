"""Qt Linguist translations of the window: Vietnamese source strings, English translation;
and Qt's own dialogs in Vietnamese (Qt ships no qtbase_vi).

    .venv/bin/python scripts/i18n.py update    # extract strings into resources/i18n/parapp_*.ts
    .venv/bin/python scripts/i18n.py release   # compile every .ts into parapp/ui/i18n/*.qm

Translate in resources/i18n/parapp_en.ts with Qt Linguist (pyside6-linguist) or any editor.
resources/i18n/qtbase_vi.ts holds Qt's strings that parapp's windows show, edited by hand
(lupdate cannot extract them: they are in Qt's libraries).
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in [*(ROOT / "parapp" / "ui").glob("*.py"),
                                                     *(ROOT / "forms").glob("*.ui")])
LANGUAGES = ("en",)
QT_CATALOGUES = ("qtbase_vi",)


def run(tool: str, *args: str) -> None:
    proc = subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{tool} failed: {proc.stderr.strip() or proc.stdout.strip()}")


def main(command: str) -> None:
    for lang in LANGUAGES:
        ts = f"resources/i18n/parapp_{lang}.ts"
        if command == "update":
            run("pyside6-lupdate", *SOURCES, "-source-language", "vi_VN",
                "-target-language", lang, "-no-obsolete", "-ts", ts)
        elif command == "release":
            run("pyside6-lrelease", ts, "-qm", f"parapp/ui/i18n/parapp_{lang}.qm")
        else:
            sys.exit("usage: i18n.py update|release")
    if command == "release":
        for name in QT_CATALOGUES:
            run("pyside6-lrelease", f"resources/i18n/{name}.ts",
                "-qm", f"parapp/ui/i18n/{name}.qm")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
