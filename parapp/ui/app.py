"""GUI entry point: `parapp [FILE]` with no subcommand lands here (see parapp.cli.main).

Which file opens: the one given, else the last one opened (if it still exists), else the built-in
demo province, built on first use on the window's file thread (parapp.ui.operations). A file that cannot be
opened is reported in a warning and the demo is shown instead, so the user always gets a window.

Before the window: the theme chosen in Hiển thị › Giao diện is applied, and the language chosen
in Hiển thị › Ngôn ngữ (read at start) installed: the window's translation for a language other
than Vietnamese (parapp/ui/i18n/parapp_<lang>.qm), and that of Qt's own dialogs
(qtbase_<lang>.qm: parapp's for Vietnamese, which Qt lacks, else Qt's). From then on an
uncaught exception is logged and shown in one dialog (parapp/ui/errors.py).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from parapp import logs
from parapp.core import i18n
from parapp.core.files import on_a_share, same_spelling
from parapp.ui import APP_NAME, ORGANISATION, errors, preferences
from parapp.ui.main_window import LANGUAGES, MainWindow
from parapp.ui.theme import apply_theme

I18N_DIR = Path(__file__).resolve().parent / "i18n"
ICON = Path(__file__).resolve().parent / "icons" / "parapp.png"  # windows, taskbar

DEMO_FILE = "demo-son-ha-2025.parapp"

log = logging.getLogger(__name__)


def demo_path() -> Path:
    """Where the built-in demo province lives (built on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEMO_FILE


def _build_demo(path: Path) -> Path:
    from parapp.core.demo import build_demo  # on the file thread: the window paints first
    path.parent.mkdir(parents=True, exist_ok=True)
    return build_demo(path)


def initial_file(path: str | Path | None) -> Path | None:
    """The file to open first: the argument, else the last one if it exists; None = the demo.
    The last one on a network share is not looked for here, before the window shows (a share
    out of reach would hold it for the network's timeout): opening it says if it is gone."""
    if path:
        return Path(path)
    last = preferences.RECENT_LAST.get()
    if last and (on_a_share(last) or Path(last).is_file()):
        return Path(last)
    return None


def open_initial(path: str | Path | None) -> MainWindow:
    """Create the main window and start opening the right file: the one given, else the last
    one, else the demo province (built first, on the file thread, when missing). Never raises:
    a file that cannot be opened is named in a warning and the demo is opened instead."""
    window = MainWindow()
    target = initial_file(path)

    def demo_instead(opened: bool = False) -> None:
        if opened or (target is not None and same_spelling(target, demo_path())):
            return  # opened, or the demo itself failed: an empty window, already warned
        demo = demo_path()
        if demo.exists():
            window.open_path(demo)
            return

        def failed(message: str) -> None:
            QMessageBox.warning(window, QCoreApplication.translate(
                "app", "Không tạo được tỉnh mẫu"), message)
        window.ops.work(QCoreApplication.translate("app", "Đang tạo tỉnh mẫu…"),
                        lambda _work: _build_demo(demo), lambda _path: window.open_path(demo),
                        failed, exclusive=True)

    if target is None:
        demo_instead()
    else:
        window.open_path(target, demo_instead)
    return window


def saved_language() -> str:
    """The language chosen in Hiển thị › Ngôn ngữ ("vi" unless another was saved)."""
    value = preferences.LANGUAGE.get()
    return value if value in LANGUAGES else "vi"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language`; returns those installed. Qt's dialogs (message
    box buttons, file and print dialogs, context menus) take parapp's qtbase_<lang>.qm where
    parapp ships one (Qt has no Vietnamese), else Qt's. parapp's own strings are Vietnamese at
    the source, so parapp_<lang>.qm applies only to other languages. A missing or unreadable
    file is skipped silently (those strings stay as written)."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    wanted = [(f"qtbase_{language}.qm", (I18N_DIR, qt_dir))]
    if language != "vi":
        wanted.append((f"parapp_{language}.qm", (I18N_DIR,)))
    installed: list[QTranslator] = []
    for name, folders in wanted:
        path = next((f / name for f in folders if (f / name).is_file()), None)
        if path is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def run_gui(path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(QIcon(str(ICON)))
    language = saved_language()
    if language != "vi":
        i18n.set_language(language)  # the core's messages too
    install_translations(app, language)
    errors.install(app)  # after the translations: its dialog speaks the language
    apply_theme(preferences.THEME.get(), app)
    with logs.timed("window", log, file=path) as op:  # None: the last file or the demo
        window = open_initial(path)
        window.show_placed()
        code = app.exec()
        op.outcome = f"exit {code}"
    return code
