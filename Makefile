PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.installed-bundle

.PHONY: run test lint bench setup clean install-desktop bundle bundle-test

setup: $(STAMP)

$(STAMP): pyproject.toml packaging/system-deps.sh
	bash packaging/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/counterclaim

lint: $(STAMP)
	$(BIN)/ruff check counterclaim tests
	$(BIN)/mypy counterclaim tests

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/bench -p no:cacheprovider -s

# The menu entry, icon and AppStream data for this user (what a distribution package would
# put under /usr/share), then the menu's cache of file types, when that tool is there.
APP_ID := io.github.counterclaim.Counterclaim
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

install-desktop:
	install -D -m 644 packaging/$(APP_ID).desktop "$(DATA_HOME)/applications/$(APP_ID).desktop"
	install -D -m 644 packaging/$(APP_ID).svg "$(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg"
	install -D -m 644 packaging/$(APP_ID).metainfo.xml "$(DATA_HOME)/metainfo/$(APP_ID).metainfo.xml"
	if command -v update-desktop-database >/dev/null; then \
	  update-desktop-database -q "$(DATA_HOME)/applications" || true; fi
	@command -v counterclaim >/dev/null || echo "note: the menu entry runs \`counterclaim\`, which is \
	not on your PATH: install it with \`pipx install .\` or link $(abspath $(BIN))/counterclaim into ~/.local/bin"

# A one-folder application that runs without Python: dist/counterclaim/counterclaim.
$(BUNDLE_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller packaging/counterclaim.spec --noconfirm --clean \
		--distpath dist --workpath build/pyinstaller

bundle-test: bundle
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m bundle -p no:cacheprovider tests/integration/test_bundle.py

clean:
	rm -rf $(VENV) build dist
