"""Build the word clusters the role tagger reads (``src/incidex/models/muc4_word_clusters.tsv``).

    python training/build_word_clusters.py --data ../shared/data/muc4 --out src/incidex/models/

Reads the text of ``train.jsonl`` only (no labels; dev and the test split are never read).
A word's cluster is a coarse, learned word class: words used in the same contexts ("peasant",
"student", "priest"; "dynamite", "grenades") share one, so the tagger can carry what it
learned about a frequent filler word to a rarer one it saw a few times or never as a filler.

Each word seen at least ``MIN_COUNT`` times gets a vector of its positive pointwise mutual
information with the ``CONTEXTS`` most frequent words at each of the positions -2, -1, +1 and
+2, reduced by a truncated SVD to ``DIMENSIONS`` dimensions and length-normalised; k-means
then groups the vectors at each of the sizes of ``SIZES``. The output is one line per word:
the word, then its cluster number at each size. numpy and scikit-learn are needed here only
(``pip install -e ".[train]"``); the tagger reads the TSV with plain Python.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.cluster import KMeans  # type: ignore[import-untyped]
from sklearn.decomposition import TruncatedSVD  # type: ignore[import-untyped]

from incidex.pipeline.role_context import CLUSTER_SIZES, CLUSTERS_FILE
from incidex.pipeline.segment import tokenize

MIN_COUNT = 3
CONTEXTS = 2000
DIMENSIONS = 100
OFFSETS = (-2, -1, 1, 2)
SIZES = CLUSTER_SIZES


def sentences(path: Path) -> list[list[str]]:
    """Each document of the file as its lower-cased tokens (one list per document)."""
    out = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                text = json.loads(line)["doctext"].lower()
                out.append([text[t.start:t.end] for t in tokenize(text)])
    return out


def vectors(documents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    counts = Counter(w for doc in documents for w in doc)
    vocab = sorted((w for w, n in counts.items() if n >= MIN_COUNT), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows: list[int] = []
    cols: list[int] = []
    for doc in documents:
        for i, word in enumerate(doc):
            row = index.get(word)
            if row is None:
                continue
            for k, offset in enumerate(OFFSETS):
                j = i + offset
                if 0 <= j < len(doc) and doc[j] in context:
                    rows.append(row)
                    cols.append(k * CONTEXTS + context[doc[j]])
    shape = (len(vocab), len(OFFSETS) * CONTEXTS)
    cooc = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=shape).tocsr()
    cooc.sum_duplicates()
    total = cooc.sum()
    row_sums = np.asarray(cooc.sum(axis=1)).ravel()
    col_sums = np.asarray(cooc.sum(axis=0)).ravel()
    coo = cooc.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=shape)
    reduced = TruncatedSVD(DIMENSIONS, random_state=0).fit_transform(ppmi)
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    return vocab, reduced / np.maximum(norms, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="where the TSV goes")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    vocab, matrix = vectors(sentences(args.data / "train.jsonl"))
    columns = [KMeans(size, n_init=3, random_state=0).fit_predict(matrix) for size in SIZES]
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / CLUSTERS_FILE).open("w", encoding="utf-8") as out:
        for i, word in enumerate(vocab):
            out.write("\t".join([word, *(str(c[i]) for c in columns)]) + "\n")
    print(f"{len(vocab)} words in {time.perf_counter() - began:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
