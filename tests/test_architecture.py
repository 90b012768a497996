"""The core stays free of Qt, so it runs headless (CLI, CI, reports) and is testable alone."""
import ast
from pathlib import Path

import parapp

PACKAGE = Path(parapp.__file__).parent


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_and_cli_do_not_import_qt():
    files = [*sorted((PACKAGE / "core").rglob("*.py")), PACKAGE / "cli.py"]
    offenders = [str(f.relative_to(PACKAGE)) for f in files
                 if imports_of(f) & {"PySide6", "shiboken6", "PyQt6", "PyQt5"}]
    assert offenders == []


def test_core_never_imports_the_ui():
    offenders = []
    for f in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parapp.ui"):
                offenders.append(str(f.relative_to(PACKAGE)))
    assert offenders == []


def test_db_schema_doc_is_up_to_date():
    import subprocess
    import sys
    root = PACKAGE.parent
    proc = subprocess.run([sys.executable, str(root / "scripts" / "dump_schema.py"), "--check"])
    assert proc.returncode == 0, "db/schema.sql is stale: run scripts/dump_schema.py"


def test_excel_template_doc_is_up_to_date():
    import subprocess
    import sys
    root = PACKAGE.parent
    proc = subprocess.run([sys.executable, str(root / "scripts" / "dump_excel_docs.py"),
                           "--check"])
    assert proc.returncode == 0, "docs/excel-templates.md is stale: run scripts/dump_excel_docs.py"
