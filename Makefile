# The two quick-start commands (README): `make demo` and `make test`.
# Both work from a clean clone on Debian with Python 3.11, as root or with sudo rights for apt.

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
APT    := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: setup demo test system clean

system:
	@if ! command -v tesseract >/dev/null || ! fc-list 2>/dev/null | grep -qi dejavu; then \
		$(APT) update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq tesseract-ocr tesseract-ocr-eng \
			fonts-dejavu-core fonts-liberation fonts-noto-mono >/dev/null; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup: system $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

demo: setup
	rm -rf out/demo
	$(BIN)/redactkit images examples/screenshots out/demo --workers 2
	$(BIN)/redactkit text examples/texts/email.txt
	@echo "redacted screenshots: out/demo (report: out/demo/redactkit-report.jsonl)"

test: setup
	$(BIN)/ruff check redactkit tests benchmarks
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

clean:
	rm -rf $(VENV) out
