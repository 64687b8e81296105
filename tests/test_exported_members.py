"""The public surface is what ``incidex.__all__`` lists, and everything it lists exists."""

from __future__ import annotations

import incidex


def test_all_lists_exactly_the_public_names() -> None:
    public = {name for name in dir(incidex) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(incidex, name)).__name__ == "module"}
    assert set(incidex.__all__) == (public - modules) | {"__version__"}


def test_every_listed_name_resolves() -> None:
    for name in incidex.__all__:
        assert getattr(incidex, name) is not None
