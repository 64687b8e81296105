"""The command line as a user drives it: real files, a real SQLite database in tmp_path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
BORNO = FIXTURES / "articles" / "borno-2021-03-09.txt"

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'incidents.db'}"


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_json_incidents() -> None:
    code, out, _ = _run("extract", str(BORNO), "--published", "2021-03-09")
    assert code == 0
    incidents = json.loads(out)
    assert {i["location"]["name"] for i in incidents} == {"Damboa", "Konduga"}


def test_extract_reads_stdin_and_writes_jsonl() -> None:
    text = BORNO.read_text(encoding="utf-8")
    code, out, _ = _run("extract", "-", "--published", "2021-03-09", "--format", "jsonl",
                        stdin=text)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2 and all(line["date"]["start"] for line in lines)


def test_extract_table_format_names_the_places() -> None:
    code, out, _ = _run("extract", str(BORNO), "--published", "2021-03-09", "--format", "table")
    assert code == 0
    assert "Damboa" in out and "Konduga" in out and "2 incidents" in out


def test_extract_html_takes_the_date_from_the_page() -> None:
    code, out, _ = _run("extract", str(FIXTURES / "sources" / "report.html"))
    assert code == 0
    incidents = json.loads(out)
    assert incidents, "the car bomb report describes an attack"
    assert incidents[0]["attack_types"][0] == "Bombing/Explosion"
    assert incidents[0]["date"]["start"].startswith("2019-03")


def test_ingest_twice_stores_once_then_list_show_export(db: str, tmp_path: Path) -> None:
    code, _, err = _run("ingest", str(BORNO), "--db", db, "--published", "2021-03-09")
    assert code == 0 and "1 new articles" in err and "2 incidents" in err
    code, _, err = _run("ingest", str(BORNO), "--db", db, "--published", "2021-03-09")
    assert code == 0 and "0 new articles (1 already stored)" in err

    code, out, _ = _run("list", "--db", db, "--format", "json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2

    code, out, _ = _run("list", "--db", db, "--format", "json", "--attack-type",
                        "Bombing/Explosion")
    assert [i["location"]["name"] for i in json.loads(out)] == ["Konduga"]

    bombing_id = json.loads(out)[0]["id"]
    code, out, _ = _run("show", bombing_id, "--db", db)
    assert code == 0
    assert "killing four people" in out  # the evidence is quoted
    assert "according to police" in out

    code, out, _ = _run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2
    assert {r["city"] for r in rows} == {"Damboa", "Konduga"}
    assert {r["gname"] for r in rows} == {"Boko Haram"}

    target = tmp_path / "incidents.geojson"
    code, _, _ = _run("export", "--db", db, "--format", "geojson", "-o", str(target))
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0 and len(collection["features"]) == 2

    code, out, _ = _run("export", "--db", db, "--format", "acled")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["actor1"] for r in rows} == {"Boko Haram"}

    code, _, err = _run("export", "--db", db, "--format", "parquet")
    assert code == 2 and "--output" in err


def test_show_unknown_id_fails_with_a_reason(db: str) -> None:
    code, _, err = _run("show", "inc-000000000000", "--db", db)
    assert code != 0
    assert "E301" in err


def test_ingest_skips_a_bad_file_and_keeps_the_rest(db: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "good.txt").write_text(BORNO.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = _run("ingest", str(tmp_path), "--db", db, "--published", "2021-03-09")
    assert code == 0
    assert "2 skipped" in err and "1 new articles" in err
    assert "E101" in err and "E102" in err


def test_extract_of_an_empty_file_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = _run("extract", str(empty))
    assert code == 2
    assert "E101" in err
    assert json.loads(out) == []


def test_bad_published_date_is_a_usage_error() -> None:
    code, _, err = _run("extract", str(BORNO), "--published", "21/03/2021")
    assert code == 2 and "not a date" in err


def test_schema_is_the_incident_json_schema() -> None:
    code, out, _ = _run("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "Incident"
    assert {"casualties", "location", "perpetrators", "evidence"} <= schema["properties"].keys()


def test_bench_reports_throughput_as_json(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    text = BORNO.read_text(encoding="utf-8")
    corpus.write_text("\n".join(json.dumps({"body": text + f" ({n})"}) for n in range(3)),
                      encoding="utf-8")
    code, out, _ = _run("bench", str(corpus), "--text-field", "body", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["articles"] == 3 and report["incidents"] == 6
    assert report["articles_per_second"] > 0 and report["peak_memory_mb"] > 0
    assert set(report["stages"]) >= {"segment", "frames", "geocode", "assemble"}


def test_bench_runs_a_named_configuration(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"body": BORNO.read_text(encoding="utf-8")}), encoding="utf-8")
    code, out, _ = _run("bench", str(corpus), "--text-field", "body", "--json", "--configuration", "rules")
    report = json.loads(out)
    assert code == 0 and report["configuration"] == "rules"
    assert "roles.learned" not in report["stages"] and "segment" in report["stages"]
    code, _, err = _run("bench", str(corpus), "--text-field", "body", "--configuration", "fastest")
    assert code != 0 and "unknown configuration" in err


def test_ingest_a_feed_file_stores_each_item(db: str) -> None:
    # The fixture feed has three items; the third has neither text nor title.
    code, _, err = _run("ingest", str(FIXTURES / "sources" / "feed.rss"), "--db", db)
    assert code == 0 and "1 skipped" in err and "E105" in err
    from incidex.store import open_store

    with open_store(db) as store:
        assert store.counts()["articles"] == 2
