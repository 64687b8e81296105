"""Train the learned MUC-4 models that ship in ``src/incidex/models/``.

    python training/train_muc4.py --data ../shared/data/muc4 --out src/incidex/models/

Reads ``train.jsonl`` only (dev is for tuning by hand, the test split is never read) and writes:

``muc4_roles.crfsuite``, a linear-chain CRF (python-crfsuite) that tags PerpInd, PerpOrg,
Target, Victim and Weapon mentions (BIO) sentence by sentence, on the features of
``incidex.pipeline.role_features``, for the ``roles.learned`` stage.

Takes about three minutes on a 2-core laptop CPU (crfsuite trains on one core). Documents
are segmented and geocoded by the pipeline's own stages, so training sees exactly the
features the ``roles.learned`` stage sees. Only documents with templates are tagged: see
``train_tagger``. ``--with-empty`` and ``--c1`` are for experiments: on 2026-12-03, tagging the
no-template documents too (c1 0.35 or 0.05) gave dev template F1 / CEAF-REE 43.4 / 43.4 at best
(all role cutoffs scaled by 0.6) against 43.8 / 44.9 for the shipped model, so the defaults stay.

``--extras`` and ``--clusters`` choose the feature groups of ``role_context`` (the runtime reads
the defaults there, so a model trained with others is for measuring only). Measured on
2026-12-04 by the best entity F1 over confidence cutoffs, per role, of the tagger alone on the
dev documents with templates (mean of the five roles): 51.8 without the groups; 52.0 with
256 word classes of ``build_word_clusters.py`` (token and both neighbours); 53.7 with them and
kind, prep, doc and count; 54.8 with kind, prep, doc and count alone (53.6 at c1 0.15); 55.1
with near too (54.1 at c1 0.02, 53.9 at 300 iterations); 54.4 with kind, prep, doc and near,
the shipped set: ``count`` is left out because it reads a one-sentence report as if nothing in
it were repeated (see ``role_context.EXTRAS``). The word classes do not help, so none ship.

Also on 2026-12-04, end to end (dev Template F1 / CEAF-REE, each against this model under the
same decoding): the first word of the nearest trigger on each side as a feature 43.7 / 44.5,
with the words three away too 43.8 / 45.0 (this model 44.6 / 47.2); ``--c2`` 0.1 44.6 / 47.1
(no better after retuning the cutoffs), 0.5 44.2 / 46.8; the marginals of this model averaged
with the c2 0.1 one 44.5 / 47.0, with both c2 models 44.3 / 46.9 (this model 44.9 / 47.8).
None ships.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]

from incidex.article import Article
from incidex.groups import GroupLexicon
from incidex.pipeline import role_context
from incidex.pipeline.doc import Doc
from incidex.pipeline.learned_roles import ROLES_FILE
from incidex.pipeline.role_features import ROLES, bio_labels, doc_sentences, gold_spans
from incidex.pipeline.runner import Pipeline

#: L1 / L2 penalties and L-BFGS iterations; not tuned beyond a first guess (see the report).
TAGGER_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def fillers(document: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {role: [] for role in ROLES}
    for template in document["templates"]:
        for role in ROLES:
            for entity in template[role]:
                out[role].extend(str(mention) for mention, _ in entity)
    return out


def prepare(documents: list[dict[str, Any]]) -> list[Doc]:
    pipe = Pipeline(["segment", "attribution", "geocode"])
    return [pipe.run(Article(text=d["doctext"], id=d["docid"])) for d in documents]


def train_tagger(
    documents: list[dict[str, Any]], docs: list[Doc], out: Path,
    params: dict[str, Any] | None = None, with_empty: bool = False,
) -> None:
    lexicon = GroupLexicon.default()
    trainer = pycrfsuite.Trainer(verbose=False)
    for document, doc in zip(documents, docs, strict=True):
        if not document["templates"] and not with_empty:
            # Documents that report no incident teach the tagger to leave out names it must
            # tag where an incident is told ("fmln", "dynamite"); deciding whether there is
            # an incident at all is the frames' (and the relevance model's) job.
            continue
        spans = gold_spans(doc.text, fillers(document))
        for sentence in doc_sentences(doc, lexicon):
            trainer.append(sentence.features, bio_labels(sentence.tokens, spans))
    trainer.set_params(params or TAGGER_PARAMS)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="where the model files go")
    parser.add_argument("--c1", type=float, default=TAGGER_PARAMS["c1"], help="L1 penalty")
    parser.add_argument("--c2", type=float, default=TAGGER_PARAMS["c2"], help="L2 penalty")
    parser.add_argument("--with-empty", action="store_true",
                        help="also tag the documents with no template (every token outside)")
    parser.add_argument("--extras", default=",".join(sorted(role_context.EXTRAS)),
                        help="comma-separated feature groups of role_context.EXTRAS")
    parser.add_argument("--clusters", default=",".join(map(str, role_context.CLUSTER_USE)),
                        help="comma-separated word-class sizes (needs build_word_clusters.py)")
    args = parser.parse_args(argv)
    role_context.EXTRAS = frozenset(x for x in args.extras.split(",") if x)
    role_context.CLUSTER_USE = tuple(int(x) for x in args.clusters.split(",") if x)
    began = time.perf_counter()
    documents = load(args.data / "train.jsonl")
    docs = prepare(documents)
    print(f"prepared {len(docs)} documents in {time.perf_counter() - began:.0f}s", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    params = TAGGER_PARAMS | {"c1": args.c1, "c2": args.c2}
    train_tagger(documents, docs, args.out / ROLES_FILE, params, args.with_empty)
    print(f"done in {time.perf_counter() - began:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
