"""Shard bookkeeping of the Dask engine that needs no cluster (and no [dask] extra)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.cli import app
from incidex.errors import IncidexError, InputError
from incidex.scale import pending_shards
from incidex.scale.shards import list_shards, output_path, require

runner = CliRunner()


def test_a_missing_extra_says_how_to_install_it() -> None:
    with pytest.raises(IncidexError, match=r"pip install 'incidex\[dask\]'"):
        require("incidex_no_such_module")


def test_two_shards_that_would_write_one_output_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "part-0.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "part-0.parquet").write_bytes(b"PAR1")
    with pytest.raises(InputError, match="would both write"):
        list_shards([tmp_path / "a"])


def test_only_shards_without_output_are_pending(tmp_path: Path) -> None:
    shards = [tmp_path / f"part-{n}.jsonl" for n in range(3)]
    for shard in shards:
        shard.write_text('{"text": "x"}', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    output_path(shards[1], out).write_bytes(b"done")
    assert pending_shards(shards, out) == [shards[0], shards[2]]


def test_cli_dask_engine_needs_an_output_folder(tmp_path: Path) -> None:
    shard = tmp_path / "part-0.jsonl"
    shard.write_text('{"text": "x"}', encoding="utf-8")
    result = runner.invoke(app, ["extract", "--engine", "dask", str(shard)])
    assert result.exit_code == InputError.exit_code
    assert "--output" in result.stderr


def test_cli_dask_rerun_with_every_shard_done_starts_no_cluster(tmp_path: Path) -> None:
    shard = tmp_path / "part-0.jsonl"
    shard.write_text('{"text": "x"}', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    output_path(shard, out).write_bytes(b"done")
    result = runner.invoke(app, ["extract", "--engine", "dask", str(shard), "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "0 shards written" in result.stderr and "1 already done" in result.stderr


def test_cli_refuses_an_unknown_engine() -> None:
    result = runner.invoke(app, ["extract", "--engine", "spark", "x.jsonl"])
    assert result.exit_code == InputError.exit_code and "unknown engine" in result.stderr
