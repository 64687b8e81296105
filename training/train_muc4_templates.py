"""Train the frame-relevance model that ships in ``src/incidex/models/`` (``make train-muc4-templates``).

    python training/train_muc4_templates.py --data ../shared/data/muc4 --out src/incidex/models/

Reads ``train.jsonl`` (and, for a report only, ``dev.jsonl``; the test split is never read) and
writes ``muc4_relevance.json.gz``: a logistic model over ``relevance.frame_features`` that says
whether an incident frame the pipeline found is one a MUC-4 template records, and
``muc4_document_relevance.json.gz``, the same over ``relevance.document_features`` for a whole
document (does it have any template).

Labels come from the gold templates' mention offsets: a frame is relevant when one of its
sentences holds a mention of a gold template's filler. Frames of documents without templates
(military combat, speeches, trials, old violence recalled) are all irrelevant. The documents
run through the default pipeline up to the roles (the role tagger was trained on the same
documents, so the role features are a little cleaner here than on new text: the model is
regularised strongly, see ``FIT``). Prints a 5-fold cross-validation on train, by document, and
the dev figures. About a minute on one core.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from incidex.article import Article
from incidex.evaluate.calibration import gold_sentences
from incidex.models.linear import LinearModel, fit_logistic, save_model
from incidex.pipeline.doc import Doc
from incidex.pipeline.relevance import (
    DOCUMENT_RELEVANCE_FILE,
    RELEVANCE_FILE,
    document_features,
    frame_features,
)
from incidex.pipeline.runner import LEARNED_STAGES, Pipeline

#: AdaGrad epochs, L2 penalty, learning rate, minimum feature count. The L2 penalty is strong
#: because the training frames are nearly separable and a weak penalty gave over-confident
#: probabilities (dev log-loss 1.13 at 1e-3 against 0.48 here); the adapter's threshold needs
#: probabilities it can trust.
FIT: dict[str, Any] = {"epochs": 10, "l2": 0.1, "rate": 0.05, "min_count": 3}
#: The document model: stronger still (dev log-loss 0.51 at 0.3, 0.55 at 0.1, 0.59 at 0.03),
#: and rarer words dropped to keep the file small.
DOCUMENT_FIT: dict[str, Any] = {"epochs": 10, "l2": 0.3, "rate": 0.05, "min_count": 5}
CLASSES = ["no", "rel"]

Example = tuple[list[str], str]


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_pipeline(documents: list[dict[str, Any]]) -> list[Doc]:
    pipe = Pipeline([s for s in LEARNED_STAGES if s != "relevance"])
    return [pipe.run(Article(text=d["doctext"], id=d["docid"])) for d in documents]


def examples(docs: list[Doc], documents: list[dict[str, Any]]) -> list[list[Example]]:
    """Per document, its frames' features and labels."""
    out = []
    for doc, document in zip(docs, documents, strict=True):
        gold = gold_sentences(doc, document)
        out.append([(frame_features(doc, frame, i), "rel" if gold & set(frame.sentences) else "no")
                    for i, frame in enumerate(doc.frames)])
    return out


def report(model: LinearModel, data: list[Example]) -> str:
    if not data:
        return "no frames"
    loss = correct = 0.0
    for features, label in data:
        p = model.probability(features)
        loss -= math.log(max(1e-9, p if label == "rel" else 1 - p))
        correct += (p >= 0.5) == (label == "rel")
    positive = sum(label == "rel" for _, label in data) / len(data)
    return (f"{len(data)} examples ({100 * positive:.1f} % relevant): accuracy "
            f"{100 * correct / len(data):.1f} %, log-loss {loss / len(data):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/muc4"))
    parser.add_argument("--out", type=Path, default=Path("src/incidex/models"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    train = load(args.data / "train.jsonl")
    train_docs = run_pipeline(train)
    print(f"pipeline over {len(train)} training documents: {time.perf_counter() - began:.0f} s")
    dev_path = args.data / "dev.jsonl"
    dev = load(dev_path) if dev_path.exists() else []
    dev_docs = run_pipeline(dev)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, fit, build in (
        (RELEVANCE_FILE, FIT, examples),
        (DOCUMENT_RELEVANCE_FILE, DOCUMENT_FIT, document_examples),
    ):
        model = train_one(name, fit, build(train_docs, train), build(dev_docs, dev), args.folds)
        save_model(model, args.out / name)
        size = (args.out / name).stat().st_size
        print(f"wrote {args.out / name} ({size / 1e6:.2f} MB, {len(model.weights[0])} features)")
    print(f"done in {time.perf_counter() - began:.0f} s")
    return 0


def document_examples(docs: list[Doc], documents: list[dict[str, Any]]) -> list[list[Example]]:
    """Per document, one example: its features, and whether it has any gold template."""
    return [[(document_features(doc), "rel" if document["templates"] else "no")]
            for doc, document in zip(docs, documents, strict=True)]


def train_one(name: str, fit: dict[str, Any], per_doc: list[list[Example]],
              dev: list[list[Example]], folds: int) -> LinearModel:
    """Cross-validate by document, report, then fit on all of train."""
    held = 0
    loss = hits = 0.0
    for fold in range(folds):
        fit_on = [e for i, doc in enumerate(per_doc) if i % folds != fold for e in doc]
        test = [e for i, doc in enumerate(per_doc) if i % folds == fold for e in doc]
        model = fit_logistic(fit_on, CLASSES, **fit)
        loss += report_loss(model, test)
        hits += report_hits(model, test)
        held += len(test)
    print(f"{name}: {folds}-fold cross-validation on train: {held} examples, accuracy "
          f"{100 * hits / max(1, held):.1f} %, log-loss {loss / max(1, held):.3f}")
    model = fit_logistic([e for doc in per_doc for e in doc], CLASSES, **fit)
    print(f"{name}: train (fitted on):", report(model, [e for doc in per_doc for e in doc]))
    if dev:
        print(f"{name}: dev:", report(model, [e for doc in dev for e in doc]))
    return model


def report_loss(model: LinearModel, data: list[Example]) -> float:
    return -sum(math.log(max(1e-9, p if label == "rel" else 1 - p))
                for p, label in ((model.probability(f), label) for f, label in data))


def report_hits(model: LinearModel, data: list[Example]) -> float:
    return sum((model.probability(f) >= 0.5) == (label == "rel") for f, label in data)


if __name__ == "__main__":
    sys.exit(main())
