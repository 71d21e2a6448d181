# Shortcuts for the scripts the README's quick start uses.
.PHONY: setup demo test bench clean
setup:
	bash scripts/setup
demo:
	bash scripts/demo
test:
	bash scripts/test
bench: setup
	.venv/bin/python benchmarks/run_all.py
clean:
	rm -rf .venv out
