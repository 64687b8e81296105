"""Incidents for people at a terminal: a table, and one incident with its evidence quoted."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from incidex.record import Count, Evidence, Incident


def _count(count: Count | None) -> str:
    if count is None or count.min is None:
        return "?"
    if count.exact:
        return str(count.min)
    if count.max is None:
        return f"{count.min}+"
    return f"{count.min}-{count.max}" if count.max != count.min else f"~{count.min}"


def _place(incident: Incident) -> str:
    loc = incident.location
    parts = [p for p in (loc.name, loc.admin1, loc.country) if p]
    return ", ".join(dict.fromkeys(parts)) or "?"


def incident_table(incidents: list[Incident], console: Console | None = None) -> None:
    console = console or Console(width=160)
    table = Table(show_lines=False, header_style="bold")
    for column in ("id", "date", "place", "type", "weapon", "killed", "wounded",
                   "perp. killed", "perpetrator"):
        table.add_column(column, overflow="fold")
    for incident in incidents:
        cas = incident.casualties
        table.add_row(
            incident.id, str(incident.date.start or "?"), _place(incident),
            incident.primary_attack_type or "?",
            incident.weapon_types[0] if incident.weapon_types else "?",
            _count(cas.killed), _count(cas.wounded), _count(cas.perpetrators_killed),
            (incident.primary_perpetrator or "?")
            + (" (claimed)" if incident.perpetrators and incident.perpetrators[0].claimed else ""),
        )
    console.print(table)
    console.print(f"{len(incidents)} incidents")


def _quote(evidence: list[Evidence]) -> str:
    parts = []
    for item in evidence[:3]:
        source = f" [according to {item.attributed_to}]" if item.attributed_to else ""
        parts.append(f'"{item.text}" @{item.start}-{item.end}{source}')
    return "; ".join(parts) if parts else "(no evidence)"


def incident_detail(incident: Incident, console: Console | None = None) -> None:
    console = console or Console(width=160, highlight=False)
    out = console.print
    cas = incident.casualties
    out(f"[bold]{incident.id}[/bold]  articles: {', '.join(incident.article_ids)}  "
        f"confidence {incident.confidence}")
    out(f"summary: {incident.summary}", markup=False)
    rows: list[tuple[str, str, list[Evidence]]] = [
        ("date", f"{incident.date.start} ({incident.date.precision})", incident.date.evidence),
        ("location", f"{_place(incident)} ({incident.location.lat}, {incident.location.lon}) "
         f"specificity {incident.location.specificity}", incident.location.evidence),
        ("attack types", ", ".join(incident.attack_types),
         incident.evidence.get("attack_types", [])),
        ("weapon types", ", ".join(incident.weapon_types),
         incident.evidence.get("weapon_types", [])),
        ("target types", ", ".join(incident.target_types),
         incident.evidence.get("target_types", [])),
    ]
    for name in ("killed", "wounded", "perpetrators_killed", "perpetrators_wounded"):
        count: Count | None = getattr(cas, name)
        if count is not None:
            rows.append((name.replace("_", " "), _count(count), count.evidence))
    for perp in incident.perpetrators:
        claim = f"claimed ({perp.claim_mode})" if perp.claimed else "not claimed"
        rows.append(("perpetrator", f"{perp.canonical or perp.name}, {claim}", perp.evidence))
    for label, entities in (("human target", incident.human_targets),
                            ("physical target", incident.physical_targets),
                            ("weapon", incident.weapons)):
        for entity in entities:
            rows.append((label, " | ".join(entity.mentions), entity.evidence))
    rows.append(("suicide", str(incident.suicide.value), incident.suicide.evidence))
    rows.append(("success", str(incident.success.value), incident.success.evidence))
    for label, value, evidence in rows:
        out(f"  {label:<16} {value}", markup=False)
        out(f"  {'':<16}   evidence: {_quote(evidence)}", markup=False, style="dim")
