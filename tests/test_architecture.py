"""The core stays free of Qt, so it runs headless (CLI, CI, reports) and is testable alone;
every package parapp imports is one it declares."""
import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import parapp

PACKAGE = Path(parapp.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The top-level modules `path` imports, at the top or inside functions."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _normal(name: str) -> str:  # PEP 503: "PySide6_Essentials" is "pyside6-essentials"
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_parapp_imports_is_declared_in_pyproject():
    """A package that only comes along with another (cryptography with pyHanko) may be gone
    with that one's next release: whatever parapp imports itself, it declares itself."""
    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_normal(re.match(r"[A-Za-z0-9_.-]+", d)[0])
                for d in project["project"]["dependencies"]}
    provided_by = importlib.metadata.packages_distributions()
    missing = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        for module in imports_of(f) - set(sys.stdlib_module_names) - {"parapp"}:
            distributions = {_normal(d) for d in provided_by.get(module, [module])}
            if not distributions & declared:
                missing.setdefault(module, str(f.relative_to(PACKAGE)))
    assert missing == {}, "imported but not declared in pyproject.toml [project] dependencies"


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


def _uses(path: Path) -> set[str]:
    """The names `path` takes from parapp.core.store and parapp.core.models."""
    used = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in [n for n in tree.body if isinstance(n, ast.If)
                  and getattr(n.test, "id", "") == "TYPE_CHECKING"]:
        tree.body.remove(block)  # names for type hints only
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("parapp.core.store",
                                                                "parapp.core.models"):
            used.update(f"{node.module}.{alias.name}" for alias in node.names)
    return used


# the window's own file goes through the operations layer; these windows work on files of their
# own on their threads (docs/architecture.md, "What is not there yet")
OWN_CONNECTIONS = {"merging.py", "merge_dialog.py", "report_view.py"}
# plain, immutable data the store hands out, and a helper on names
PLAIN = {"parapp.core.store.EvidenceInfo", "parapp.core.store.PackageScope"}


def test_widgets_get_plain_data_and_never_open_the_file():
    """No ORM row reaches a widget (parapp.core.models is never imported by the Qt layer), and
    only the document and the operations layer hold the window's store."""
    offenders = {}
    for f in sorted((PACKAGE / "ui").glob("*.py")):
        used = _uses(f) - PLAIN
        if f.name in ("document.py", "operations.py", *OWN_CONNECTIONS):
            used -= {"parapp.core.store.Store"}
        if used:
            offenders[f.name] = sorted(used)
    assert offenders == {}


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


def test_openpyxl_is_used_through_its_public_modules_only():
    """Its private modules (openpyxl.worksheet._reader…) change without notice between
    releases; an import of one would break on an update within the declared range."""
    offenders = []
    for f in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                paths = [a.name.split(".") for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                paths = [[*node.module.split("."), a.name] for a in node.names]
            else:
                continue
            if any(p[0] == "openpyxl" and any(n.startswith("_") for n in p) for p in paths):
                offenders.append(str(f.relative_to(PACKAGE)))
    assert offenders == []


def test_pdfium_is_called_under_its_lock_only():
    """PDFium crashes the process when two threads call it at once, even on different
    documents, and parapp uses it on three (report pages, the evidence preview, charts): outside
    parapp.core.pdfium, pypdfium2 is imported for its exception or for type checking only; its
    functions come from `pdfium.held()`."""
    offenders = []
    for f in sorted(PACKAGE.rglob("*.py")):
        if f == PACKAGE / "core" / "pdfium.py":
            continue
        tree = ast.parse(f.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                       and ast.unparse(block.test) == "TYPE_CHECKING" for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            whole = isinstance(node, ast.Import) and any(
                a.name.split(".")[0] == "pypdfium2" for a in node.names)
            names = isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "pypdfium2") and {a.name for a in node.names} - {"PdfiumError"}
            if whole or names:
                offenders.append(f"{f.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_the_window_paints_before_the_heavy_libraries_are_imported():
    """`parapp FILE` shows its window first: the command line, the application and the main
    window import no database, workbook, PDF or signing library — the file thread imports them
    with its first operation (issue 16: 842 → 407 ms to the first paint, bench/startup.py)."""
    import os
    import subprocess
    import sys
    code = ("import sys, parapp.cli, parapp.ui.app, parapp.ui.main_window\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'openpyxl', "
            "'pypdfium2', 'reportlab', 'pyhanko', 'cryptography', 'docx', 'python_calamine', "
            "'xlrd', 'olefile'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"
