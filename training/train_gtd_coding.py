"""Train the learned GTD coder (``coding.learned``) that ships as ``src/incidex/models/gtd_coding.json``.

    python training/train_gtd_coding.py --data ../shared/data/gtd --out src/incidex/models/

Reads ``gtd0718_sample.csv`` (worldwide, 1971-2017) and ``gtd0718_north_america.csv`` (North
America, 2000-2017): only ``summary`` as text and the coded ``attacktype1_txt``,
``weaptype1_txt``, ``success`` and ``suicide`` as labels. Each summary goes through the
pipeline's rule stages up to ``coding``, so training sees exactly the features
(``incidex.pipeline.coding_features``) the stage sees, of the incident the GTD eval scores (the
first one).

Before fitting the shipped models, it reports, per field, the rule stage's accuracy and the
model's on data it did not see: 5-fold cross-validation over the sample, and trained on the
sample, tested on North America (another region and period). The shipped models are fitted on
the sample alone (``--fit both`` adds North America), so ``incidex eval gtd`` on the North
America file, and the CI floor on it, measure the learned coder on incidents it never saw;
its score on the sample is an in-sample figure, and the 5-fold one is the honest estimate. Needs
scikit-learn (``pip install -e ".[train]"``); about five minutes on a laptop CPU
(``--no-report`` skips the cross-validation: one minute).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from incidex.article import Article
from incidex.pipeline.coding_features import incident_features
from incidex.pipeline.learned_coding import CHOOSE, FIELDS, KEEP_RULE, MODEL_FILE, RARE_LABEL
from incidex.pipeline.runner import Pipeline

FILES = ("gtd0718_sample.csv", "gtd0718_north_america.csv")
#: Inverse L2 penalty per field: for attack type, 0.1, 0.3 and 3 cross-validated no better
#: than 1 (within 0.2 points); not tuned further.
C = {"attack": 1.0, "weapon": 1.0, "success": 1.0, "suicide": 1.0}
#: A feature must occur in this many training incidents to get a weight.
MIN_COUNT = 3
#: Weights smaller than this are dropped from the shipped file (they never change a decision).
PRUNE = 1e-3
#: Columns of a GTD release holding each field's label.
COLUMNS = {"attack": "attacktype1_txt", "weapon": "weaptype1_txt", "success": "success",
           "suicide": "suicide"}
#: The rule stage's decision, as the feature that names it.
RULE_FEATURE = {"attack": "r:attack=", "weapon": "r:weapon=", "success": "r:success=",
                "suicide": "r:suicide="}

Example = dict[str, Any]


def label(row: dict[str, str], field: str) -> str:
    value = row[COLUMNS[field]].strip()
    return value.split(" (not")[0] if field == "weapon" else value  # "Vehicle (not to include ...)"


def prepare(path: Path) -> list[Example]:
    pipe = Pipeline(["segment", "attribution", "geocode", "frames", "casualties", "roles", "coding"])
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    examples = []
    for row in rows:
        doc = pipe.run(Article(text=row["summary"], id=row["eventid"]))
        features = ["r:no_incident"]
        if doc.frames:
            frame = doc.frames[0]
            sentences = doc.sentences if len(doc.frames) == 1 else frame.clauses
            features = incident_features(frame, sentences, doc.text)
        examples.append({"features": features, **{f: label(row, f) for f in FIELDS}})
    return examples


def rule_choice(example: Example, field: str) -> str:
    prefix = RULE_FEATURE[field]
    found = [f[len(prefix):] for f in example["features"] if f.startswith(prefix)]
    return found[0] if found else ("0" if field == "suicide" else "Unknown")


def _vocabulary(train: list[Example]) -> set[str]:
    counts: dict[str, int] = {}
    for example in train:
        for feature in example["features"]:
            counts[feature] = counts.get(feature, 0) + 1
    return {f for f, n in counts.items() if n >= MIN_COUNT}


def fit(train: list[Example], field: str, c: float) -> tuple[DictVectorizer, LogisticRegression]:
    keep = _vocabulary(train)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in e["features"] if f in keep} for e in train])
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, [e[field] for e in train])
    return vectorizer, model


def accuracy(train: list[Example], test: list[Example], field: str, c: float) -> float:
    """Accuracy on ``test`` of the stage's decision (``learned_coding.decide``: the rules' choice
    unless the model is sure it is wrong) with a model fitted on ``train``."""
    vectorizer, model = fit(train, field, c)
    x = vectorizer.transform([{f: 1 for f in e["features"]} for e in test])
    labels = [str(label) for label in model.classes_]
    counts = label_counts(train, field)
    right = 0
    for row, example in zip(model.predict_proba(x), test, strict=True):
        rule = rule_choice(example, field)
        best = max(range(len(labels)), key=lambda k: row[k])
        kept = counts.get(rule, 0) < RARE_LABEL or row[labels.index(rule)] >= KEEP_RULE
        choice = rule if kept or row[best] < CHOOSE else labels[best]
        right += choice == example[field]
    return right / len(test)


def label_counts(train: list[Example], field: str) -> dict[str, int]:
    """How many training incidents carry each label of ``field``."""
    counts: dict[str, int] = {}
    for example in train:
        counts[example[field]] = counts.get(example[field], 0) + 1
    return counts


def cross_validate(examples: list[Example], field: str, c: float, folds: int = 5) -> float:
    labels = [e[field] for e in examples]
    # Stratify on the label where every class has enough incidents, else plain folds.
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    right = 0
    rare = {y for y in labels if labels.count(y) < folds}
    strata = ["rare" if y in rare else y for y in labels]
    for train_index, test_index in splitter.split(examples, strata):
        train = [examples[i] for i in train_index]
        test = [examples[i] for i in test_index]
        right += round(accuracy(train, test, field, c) * len(test))
    return right / len(examples)


def export(vectorizer: DictVectorizer, model: LogisticRegression) -> dict[str, Any]:
    """The model as the JSON ``LinearModel.from_feature_rows`` reads: binary models as two rows."""
    labels = [str(x) for x in model.classes_]
    coef = model.coef_
    bias = model.intercept_
    if len(labels) == 2:
        coef = [[0.0] * coef.shape[1], list(coef[0])]
        bias = [0.0, float(bias[0])]
    else:
        coef = [list(row) for row in coef]
        bias = [float(b) for b in bias]
    weights: dict[str, list[float]] = {}
    for index, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(coef[k][index]), 4) for k in range(len(labels))]
        if max(abs(w) for w in row) >= PRUNE:
            weights[str(name)] = row
    return {"labels": labels, "bias": [round(b, 4) for b in bias], "weights": weights}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the GTD CSV files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the model to")
    parser.add_argument("--cache", type=Path, help="JSON file to keep the features in between runs")
    parser.add_argument("--no-report", action="store_true", help="skip the cross-validation")
    parser.add_argument("--fit", choices=("sample", "both"), default="sample",
                        help="files the shipped models are fitted on (default: the sample; North "
                        "America stays held out)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    if args.cache and args.cache.is_file():
        sample, america = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        sample, america = (prepare(args.data / name) for name in FILES)
        if args.cache:
            args.cache.write_text(json.dumps([sample, america]), encoding="utf-8")
    print(f"features of {len(sample)} + {len(america)} incidents in {time.perf_counter() - began:.0f} s")
    if not args.no_report:
        print(f"{'field':8} {'rules S':>8} {'rules NA':>8} {'5-fold S':>9} {'S->NA':>7}")
        for field in FIELDS:
            c = C[field]
            rules_s = sum(rule_choice(e, field) == e[field] for e in sample) / len(sample)
            rules_na = sum(rule_choice(e, field) == e[field] for e in america) / len(america)
            cv = cross_validate(sample, field, c)
            transfer = accuracy(sample, america, field, c)
            print(f"{field:8} {rules_s:8.1%} {rules_na:8.1%} {cv:9.1%} {transfer:7.1%}", flush=True)
    fitted = sample + america if args.fit == "both" else sample
    models = {}
    for field in FIELDS:
        models[field] = export(*fit(fitted, field, C[field]))
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / MODEL_FILE
    trained_on = list(FILES) if args.fit == "both" else [FILES[0]]
    counts = {field: label_counts(fitted, field) for field in FIELDS}
    payload = {"trained_on": trained_on, "features": "incidex.pipeline.coding_features",
               "counts": counts, "models": models}
    target.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
