"""The CLI over merged records: ``show --why``, ``split``, ``ingest --no-merge``, ``db``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from incidex.cli import app
from incidex.store import open_store
from test_store_merge import WEDDING_1, WEDDING_2

runner = CliRunner()


def merged_db(url: str) -> str:
    with open_store(url, merge=True) as store:
        for article, incident in (WEDDING_1, WEDDING_2):
            store.ingest(article, [incident])
        (merged,) = store.list_incidents()
    return merged.id


def test_show_why_prints_features_scores_and_rules(store_url: str) -> None:
    merged_id = merged_db(store_url)

    text = runner.invoke(app, ["show", merged_id, "--why", "--db", store_url])
    assert text.exit_code == 0, text.output
    assert "inc-a1 ~ inc-a2" in text.stdout and "-> match" in text.stdout
    assert "perpetrator" in text.stdout and "killed = 20: latest official report: police in a2" in text.stdout

    data = json.loads(runner.invoke(app, ["show", merged_id, "--why", "--format", "json",
                                          "--db", store_url]).stdout)
    assert data["members"] == ["inc-a1", "inc-a2"]
    assert data["reconciliation"]["killed"].startswith("latest official report")
    assert {f["name"] for f in data["pairs"][0]["features"]} >= {"date", "place", "wording"}


def test_split_from_the_command_line(store_url: str) -> None:
    merged_id = merged_db(store_url)

    result = runner.invoke(app, ["split", merged_id, "--article", "a2", "--db", store_url])

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["inc-a1\ta1", "inc-a2\ta2"]
    with open_store(store_url) as store:
        assert store.count_incidents() == 2
    again = runner.invoke(app, ["split", "inc-a1", "--db", store_url])
    assert again.exit_code == 2 and "single report" in again.stderr


def test_ingest_merges_unless_told_not_to(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "KABUL (Reuters) - A suicide bomber killed at least 12 people and wounded 30 others outside a "
        "police station in Kabul on Monday, police said. The Islamic State group claimed responsibility.")
    (folder / "b.txt").write_text(
        "KABUL (AP) - A suicide bombing outside a police station in Kabul on Monday killed 15 people and "
        "wounded 30, police said on Tuesday. Islamic State claimed responsibility for the attack.")
    for flag, expected in (("--merge", 1), ("--no-merge", 2)):
        db = f"sqlite:///{tmp_path / (flag + '.db')}"
        result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--published", "2024-03-05", flag])
        assert result.exit_code == 0, result.output
        with open_store(db) as store:
            assert store.count_incidents() == expected


def test_db_upgrade_and_current(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgraded = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert upgraded.exit_code == 0, upgraded.output
    current = runner.invoke(app, ["db", "current", "--db", db])
    revision = current.stdout.split()[0]
    assert current.stdout.strip() == f"{revision} (newest: {revision})"
