"""A perpetrator group's name is not a place, even where a gazetteer lists it as one."""

from __future__ import annotations

from incidex.geo.gazetteer import Gazetteer
from incidex.geo.toponyms import find_toponyms
from incidex.pipeline.geocode import _not_group_names


def test_hamas_is_not_hamm() -> None:
    text = "Hamas claimed responsibility for the rocket fired at Sderot."
    kept = _not_group_names(text, find_toponyms(text, Gazetteer.default()))
    assert "Hamas" not in {text[t.start:t.end] for t in kept}
    assert "Sderot" in {text[t.start:t.end] for t in kept}
