"""``--workers N``: a pool of processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.article import Article
from incidex.cli import app
from incidex.errors import EmptyInputError, InputError
from incidex.ingest import ingest_paths, sample_articles_path
from incidex.scale import WorkerPool, extract_parallel
from incidex.sources import ReadOptions
from incidex.store import open_store

runner = CliRunner()


def _sample_records() -> list[dict[str, object]]:
    lines = sample_articles_path().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _articles() -> list[Article]:
    """The sample articles twice (the second time with other ids and dates), a blank one between."""
    records = _sample_records()
    first = [Article(text=str(r["text"]), id=str(r["id"])) for r in records]
    again = [Article(text=str(r["text"]) + "\n\nUpdated.", id=f"{r['id']}-b") for r in records]
    return [*first, Article(text="   ", id="blank"), *again]


def _extract(workers: int) -> list[tuple[str, list[dict[str, object]], str | None]]:
    return [
        (r.article.id, [i.model_dump(mode="json") for i in r.incidents],
         None if r.error is None else str(r.error))
        for r in extract_parallel(_articles(), workers, chunk_size=2)
    ]


def test_two_workers_give_the_incidents_of_one_in_the_same_order() -> None:
    one, two = _extract(1), _extract(2)
    assert [article_id for article_id, _, _ in two] == [a.id for a in _articles()]
    assert sum(len(incidents) for _, incidents, _ in one) >= 6  # the samples do report attacks
    assert two == one


def test_an_article_a_worker_refuses_comes_back_as_its_error() -> None:
    with WorkerPool(2, chunk_size=3) as pool:
        results = list(pool.extract(_articles()))
    blank = next(r for r in results if r.article.id == "blank")
    assert isinstance(blank.error, EmptyInputError)
    assert blank.incidents == [] and "no text" in str(blank.error)
    assert all(r.error is None for r in results if r is not blank)


def test_workers_must_be_at_least_one() -> None:
    with pytest.raises(InputError):
        WorkerPool(0)


def _corpus(tmp_path: Path) -> Path:
    records = _sample_records()
    lines = [json.dumps(r) for r in records]
    lines += [json.dumps({**r, "id": f"{r['id']}-b", "text": f"{r['text']}\n\nUpdated."}) for r in records]
    lines.insert(3, "{not json")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    return corpus


def _stored(db: str) -> tuple[list[dict[str, object]], dict[str, int]]:
    store = open_store(db)
    try:
        incidents = [i.model_dump(mode="json") for i in store.iter_incidents(sort="date")]
        return incidents, store.counts()
    finally:
        store.close()


def test_ingest_with_two_workers_stores_what_one_worker_stores(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    reports, stored = [], []
    for workers in (1, 2):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        errors: list[object] = []
        reports.append(ingest_paths([str(corpus)], ReadOptions(), db, on_error=errors.append,
                                    workers=workers, chunk_size=2))
        assert len(errors) == 1  # the broken line, reported once, whatever the workers
        stored.append(_stored(db))
    assert reports[0] == reports[1]
    assert reports[1].articles_new == 12 and reports[1].incidents > 0
    assert stored[0] == stored[1]


def test_cli_extract_with_two_workers_prints_what_one_prints(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    outputs = []
    for workers in ("1", "2"):
        result = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl", "--workers", workers])
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) >= 12


def test_bench_reports_the_parallel_figure_and_the_tokenizer_floor(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", str(_corpus(tmp_path)), "--workers", "2", "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 12 and report["skipped"] == 1
    assert report["tokenizer_seconds"] > 0
    assert report["multiple_of_tokenizer"] > 1  # the pipeline tokenizes, then does more
    parallel = report["parallel"]
    assert parallel["workers"] == 2 and parallel["articles_per_second"] > 0
    assert parallel["scaling"] == pytest.approx(parallel["speedup"] / 2, abs=0.01)
