"""The pages in a real headless Chromium: map, table, filters, evidence, escaping."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Screenshots for the README are refreshed only when asked (INCIDEX_SCREENSHOTS=docs/screenshots),
# so a test run leaves the checkout as it found it; otherwise they go to a temporary folder.
_TARGET = os.environ.get("INCIDEX_SCREENSHOTS")
SCREENSHOTS = Path(_TARGET) if _TARGET else Path(tempfile.gettempdir()) / "incidex-screenshots"

pytestmark = pytest.mark.browser


def _markers(page: Any) -> int:
    page.wait_for_selector("#map[data-markers]")
    return int(page.get_attribute("#map", "data-markers"))


def test_overview_shows_map_timeline_and_table(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert _markers(page) == 4  # five incidents; the ramming has no coordinates
    page.wait_for_selector("#timeline rect.bar")
    rows = page.locator("#incidents tbody tr[data-id]")
    assert rows.count() == 5
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country shapes drawn
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)
    assert page.errors == []
    assert page.external == []


def test_filter_by_country_changes_markers_and_table(server: str, page: Any) -> None:
    page.goto(server + "/")
    _markers(page)
    page.fill("input[name=country]", "Somalia")
    page.click("button[type=submit]")
    page.wait_for_url("**/?country=Somalia")
    assert _markers(page) == 1
    rows = page.locator("#incidents tbody tr[data-id]")
    assert rows.count() == 1
    assert "Mogadishu" in rows.first.inner_text()
    assert page.input_value("input[name=country]") == "Somalia"  # kept in the URL and the form
    assert "country=Somalia" in page.get_attribute("#download-csv", "href")


def test_table_sorts_by_killed(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.click("th.sortable >> text=Killed")
    page.wait_for_url("**sort=-killed*")
    first = page.locator("#incidents tbody tr[data-id]").first.inner_text()
    assert "Kabul" in first  # 12 killed, the most


def test_clicking_a_marker_selects_its_table_row(server: str, page: Any) -> None:
    page.goto(server + "/?country=Somalia")
    _markers(page)
    marker = ".leaflet-marker-pane .cluster, .leaflet-overlay-pane path.leaflet-interactive"
    page.locator(marker).first.click()
    page.wait_for_selector("#incidents tr.selected")
    assert "Mogadishu" in page.locator("#incidents tr.selected").inner_text()


def test_brushing_the_timeline_sets_a_date_range(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.wait_for_selector("#timeline rect.bar")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_url("**date_from=*")
    assert "date_to=" in page.url
    assert page.locator("#incidents tbody tr[data-id]").count() < 5


def test_incident_page_highlights_evidence_on_hover(server: str, page: Any) -> None:
    from factories import make_incident

    page.goto(server + "/?country=Afghanistan")
    page.locator(f'#incidents tbody tr[data-id="{make_incident("kabul").id}"] a').first.click()
    page.wait_for_selector("mark.ev-span")
    killed = page.locator('tr[data-field="casualties.killed"]').first
    killed.hover()
    lit = page.locator("mark.ev-span.lit")
    assert lit.count() >= 1
    assert "at least 12 people" in " ".join(lit.all_inner_texts())
    page.screenshot(path=str(SCREENSHOTS / "incident.png"), full_page=True)
    assert page.errors == []
    assert page.external == []


def test_script_in_an_article_stays_text(server: str, page: Any) -> None:
    page.goto(server + "/incidents/inc-script")
    page.wait_for_selector(".article-text")
    text = page.inner_text(".article-text")
    assert "<script>window.__pwned = true</script>" in text
    assert "<script>" in page.inner_text(".summary")
    assert page.evaluate("window.__pwned === undefined")
    page.goto(server + "/?q=checkpoint")
    _markers(page)
    assert page.evaluate("window.__pwned === undefined")
    assert page.errors == []


def test_article_page_lights_an_incidents_evidence_and_keeps_scripts_as_text(server: str, page: Any) -> None:
    page.goto(server + "/incidents/inc-script")
    page.click("a.article-link")
    page.wait_for_url("**/articles/art-script")
    page.wait_for_selector("mark.ev-span")
    assert "<script>window.__pwned = true</script>" in page.inner_text(".article-text")
    page.locator('.article-incident[data-field="i0"]').hover()
    lit = page.locator("mark.ev-span.lit")
    assert "killing four soldiers" in " ".join(lit.all_inner_texts())
    page.mouse.move(0, 0)
    assert page.locator("mark.ev-span.lit").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert page.errors == []
    assert page.external == []
