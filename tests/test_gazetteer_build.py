"""The gazetteer build's groupings of compass-named regions, on hand-written rows."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))

from gazetteer_admin2 import compass_groupings

from incidex.geo.normalize import normalize


def _row(name: str, cc: str, lat: float, lon: float) -> dict[str, str]:
    return {"name": name, "name_en": name, "iso_a2": cc, "latitude": str(lat),
            "longitude": str(lon), "gn_a1_code": f"{cc}.{name[:2]}"}


def test_two_compass_parts_make_a_whole_at_their_mean_point() -> None:
    rows = [_row("North Kivu", "CD", -1.0, 29.0), _row("South Kivu", "CD", -3.0, 28.0),
            _row("Western Cape", "ZA", -33.0, 20.0), _row("Eastern Cape", "ZA", -32.0, 27.0),
            _row("North Holland", "NL", 52.6, 4.9), _row("South Holland", "NL", 52.0, 4.5),
            _row("East Java", "ID", -7.5, 112.5)]
    regions = compass_groupings(rows, {"holland"}, {}, normalize)
    assert [(r.name, r.cc, r.members) for r in regions] == [("Kivu", "CD", 2)]
    assert regions[0].lat == -2.0 and regions[0].lon == 28.5


def test_abbreviated_name_words_get_their_spelt_out_form() -> None:
    from gazetteer_names import abbreviation_variants

    assert abbreviation_variants("st bernard parish") == {"saint bernard parish"}
    assert abbreviation_variants("mount pleasant") == {"mt pleasant"}
    assert abbreviation_variants("stanley") == set()
