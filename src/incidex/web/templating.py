"""Jinja templates of the pages, autoescaping every value: article text is data, never markup."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.templating import Jinja2Templates

from incidex.codebook import AttackType

#: Marker colours by primary attack type (colour-blind-safe Okabe-Ito order, then greys).
ATTACK_COLOURS: dict[str, str] = {
    AttackType.BOMBING: "#D55E00",
    AttackType.ARMED_ASSAULT: "#0072B2",
    AttackType.ASSASSINATION: "#CC79A7",
    AttackType.KIDNAPPING: "#E69F00",
    AttackType.BARRICADE: "#F0E442",
    AttackType.HIJACKING: "#56B4E9",
    AttackType.FACILITY: "#009E73",
    AttackType.UNARMED_ASSAULT: "#8C6D31",
    AttackType.UNKNOWN: "#7F7F7F",
}

_environment = Environment(
    loader=PackageLoader("incidex.web", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.globals["attack_colours"] = ATTACK_COLOURS


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: an article's URL must never be ``javascript:``."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


_environment.filters["http_url"] = http_url
templates = Jinja2Templates(env=_environment)

__all__ = ["ATTACK_COLOURS", "templates"]
