# The two commands in the README: `make run` starts the program, `make test` runs every check.
# Both create .venv and install what they need, so they work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: run test run-packages system-packages lint typecheck pytest screenshots bundle bundle-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: run-packages $(VENV)/.installed-run
	$(BIN)/family-planner

run-packages:
	@sh tools/system-packages.sh run

system-packages:
	@sh tools/system-packages.sh test

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict planner/ forms/ ui/

pytest: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n auto --dist worksteal

test: system-packages lint typecheck pytest bundle-check

$(VENV)/.installed-bundle: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[bundle]'
	touch $@

# The one-folder bundle of both commands (packaging/family-planner.spec), in dist/family-planner.
bundle: $(VENV)/.installed-bundle
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/family-planner.spec

# Build the bundle and run what it carries, as a person would: the window's self-test (offscreen)
# and the command line's packet, into a folder removed afterwards.
bundle-check: bundle
	QT_QPA_PLATFORM=offscreen dist/family-planner/family-planner --self-test
	dist/family-planner/planner --version
	rm -rf build/bundle-packet
	dist/family-planner/planner render resources/examples/large-tx.json --out build/bundle-packet
	rm -rf build/bundle-packet

# Every section at 1366×768 with 125% scaling, in English, Spanish and the pseudo-locale.
screenshots: system-packages $(VENV)/.installed-test
	rm -rf screenshots
	QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" \
		$(BIN)/python tools/screenshots.py
