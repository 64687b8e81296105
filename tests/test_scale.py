"""The Dask engine on a real LocalCluster of two worker processes: the same rows as one
process, resumable, and whole after a worker dies mid-job. Skipped without the [dask] extra."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
dask_bag = pytest.importorskip("dask.bag")

import cloudpickle  # noqa: E402  (a dependency of distributed)

from incidex.ingest import sample_articles_path  # noqa: E402
from incidex.record import Incident  # noqa: E402
from incidex.scale import (  # noqa: E402
    extract_bag,
    extract_records,
    extract_shards,
    read_rows,
)
from incidex.scale.shards import PARTIAL_SUFFIX  # noqa: E402

# The worker plugin below is defined here, where the workers cannot import it from.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _records() -> list[dict[str, Any]]:
    lines = sample_articles_path().read_text(encoding="utf-8").splitlines()
    samples = [json.loads(line) for line in lines if line.strip()]
    again = [{**r, "id": f"{r['id']}-b", "text": f"{r['text']}\n\nUpdated."} for r in samples]
    return samples + again


def _write_shards(folder: Path) -> list[Path]:
    """Four shards of three articles: three JSONL files and one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir()
    records = _records()
    shards = []
    for index in range(4):
        chunk = records[index * 3:(index + 1) * 3]
        if index == 3:
            path = folder / f"part-{index}.parquet"
            pq.write_table(pa.Table.from_pylist(chunk), str(path))
        else:
            path = folder / f"part-{index}.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in chunk), encoding="utf-8")
        shards.append(path)
    return shards


def _outputs(folder: Path) -> dict[str, list[dict[str, Any]]]:
    return {path.name: read_rows(path) for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def single_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("single")
    shards = _write_shards(root / "in")
    report = extract_shards(shards, root / "out")
    assert len(report.written) == 4 and not report.failed
    return _outputs(root / "out")


def test_the_cluster_writes_the_rows_one_process_writes(
    client: Any, single_process: dict[str, list[dict[str, Any]]], tmp_path: Path
) -> None:
    shards = _write_shards(tmp_path / "in")
    report = extract_shards([tmp_path / "in"], tmp_path / "out", client)
    assert sorted(r.shard for r in report.written) == sorted(str(s) for s in shards)
    assert not report.failed and not report.skipped
    outputs = _outputs(tmp_path / "out")
    assert outputs == single_process
    rows = [row for shard in outputs.values() for row in shard]
    assert report.incidents == len(rows) >= 12
    incident = Incident.model_validate_json(rows[0]["record"])  # the whole record survives
    assert incident.id == rows[0]["eventid"] and rows[0]["article_id"] in incident.article_ids


def test_a_rerun_skips_finished_shards_and_writes_the_missing_one(client: Any, tmp_path: Path) -> None:
    _write_shards(tmp_path / "in")
    out = tmp_path / "out"
    extract_shards([tmp_path / "in"], out, client)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    lost = out / "part-1.incidents.parquet"
    expected = read_rows(lost)
    lost.unlink()
    (out / f".part-2.incidents.parquet.0123{PARTIAL_SUFFIX}").write_bytes(b"half a file")

    report = extract_shards([tmp_path / "in"], out, client)

    assert [Path(r.shard).name for r in report.written] == ["part-1.jsonl"]
    assert len(report.skipped) == 3
    assert read_rows(lost) == expected
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert after.keys() == before.keys()  # the partial file is gone, nothing doubled
    assert all(after[name] == before[name] for name in after if name != lost.name)


class KillFirstShardTask(distributed.WorkerPlugin):  # type: ignore[misc]
    """Kills the worker process that starts the job's first shard task, once in the cluster's
    life: the marker file is created atomically, so only one worker ever wins the race."""

    name = "kill-first-shard-task"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or "incidex-shard-" not in str(key):
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def test_a_worker_killed_mid_job_loses_and_doubles_no_shard(
    client: Any, single_process: dict[str, list[dict[str, Any]]], tmp_path: Path
) -> None:
    _write_shards(tmp_path / "in")
    marker = tmp_path / "killed"
    client.register_plugin(KillFirstShardTask(str(marker)))
    try:
        report = extract_shards([tmp_path / "in"], tmp_path / "out", client)
    finally:
        client.unregister_worker_plugin(KillFirstShardTask.name)
    assert marker.exists()  # a worker did die
    assert not report.failed and len(report.written) == 4
    assert _outputs(tmp_path / "out") == single_process
    client.wait_for_workers(2, timeout=30)


def test_extract_bag_maps_article_records_to_the_rows_of_one_process(client: Any) -> None:
    records = _records()
    rows = extract_bag(dask_bag.from_sequence(records, npartitions=3)).compute()
    assert rows == list(extract_records(records))
    assert {row["article_id"] for row in rows} <= {str(r["id"]) for r in records}
