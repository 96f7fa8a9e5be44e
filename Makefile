# Research microsite generator. `make site` sets everything up and builds; `make test` tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

.PHONY: setup site test eval bench browser clean

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

site: setup
	$(BIN)/python -m generator build

test: setup
	$(BIN)/python -m pytest -q tests

eval: setup
	$(BIN)/python tests/eval/evaluate.py --seeds seeds --gold tests/eval/seeds --dates tests/eval/dates.yml
	$(BIN)/python tests/eval/evaluate.py --seeds tests/eval/wire/articles --gold tests/eval/wire
	$(BIN)/python tests/eval/evaluate.py --seeds tests/eval/news/articles --gold tests/eval/news

bench: setup
	$(BIN)/python bench/run.py

# Headless Chromium for the browser tests (Debian; needs root).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)

clean:
	rm -rf site dist build .cache content/*/ content/*.md
