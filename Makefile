# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates .venv and installs parapp on first use (or when pyproject.toml changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench bundle smoke-bundle system-deps forms clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Open the GUI on FILE (default: the last file, else the built-in demo province).
run: system-deps $(STAMP)
	$(BIN)/parapp $(FILE)

## The whole test suite, headless (Qt offscreen), after the linter.
test: system-deps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## ruff's rules (pyproject.toml [tool.ruff]) over the code, the tests and the scripts; then
## mypy over the Qt-free core (its files and settings: [tool.mypy]); then the CI workflows
## against GitHub's schema (the Windows one cannot run here).
lint: $(STAMP)
	$(BIN)/ruff check parapp tests bench scripts
	$(BIN)/mypy
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

bench: $(STAMP)
	$(BIN)/python bench/run.py --repeat 21
	$(BIN)/python bench/excel.py --repeat 7
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py --repeat 9
	$(BIN)/python bench/reports.py --repeat 5 --sheets-repeat 3
	$(BIN)/python bench/merge.py --repeat 5
	$(BIN)/python bench/packages.py --units 150 450

## A self-contained folder, dist/parapp (Qt, fonts, translations, icon; no Python needed),
## built by PyInstaller from packaging/parapp.spec, then packed as dist/parapp-<system>.tar.gz
## (.zip on Windows: see docs/bundle.md).
bundle: system-deps $(STAMP)
	$(BIN)/pip install --quiet -e '.[bundle]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/bundle \
		packaging/parapp.spec
	mkdir -p dist/parapp/share
	cp packaging/linux/install.sh dist/parapp/
	cp packaging/linux/parapp.desktop packaging/linux/parapp-mime.xml parapp/ui/icons/parapp.png \
		dist/parapp/share/
	tar -czf dist/parapp-$$(uname -s | tr A-Z a-z)-$$(uname -m).tar.gz -C dist parapp

## The bundle on its own, outside the project (what CI runs after the tests).
smoke-bundle: bundle
	sh scripts/smoke_bundle.sh dist/parapp

## What a bare Debian machine lacks (python3-venv, Qt's shared libraries); installed when root.
system-deps:
	@PYTHON=$(PYTHON) sh scripts/system-deps.sh

## Regenerate parapp/ui/forms/ui_*.py from forms/*.ui (needs the venv).
forms: $(STAMP)
	$(BIN)/python scripts/build_forms.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache
