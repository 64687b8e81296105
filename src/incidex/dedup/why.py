"""``incidex show ID --why``: why a record holds its reports, and how its figures were chosen."""

from __future__ import annotations

from incidex.dedup.cluster import ClusterExplanation
from incidex.record import Incident

__all__ = ["format_why", "why_json"]


def why_json(incident: Incident, explanation: ClusterExplanation) -> dict[str, object]:
    """The pairs scored (features that fired), the per-source figures and the rule per figure."""
    return {
        **explanation.to_json(),
        "article_ids": incident.article_ids,
        "reports": [r.model_dump(mode="json") for r in incident.reports],
        "reconciliation": incident.reconciliation,
    }


def _figure(report_value: object) -> str:
    count = report_value
    if count is None:
        return "-"
    low, high = getattr(count, "min", None), getattr(count, "max", None)
    if low is None:
        return "-"
    if high == low:
        return str(low)
    return f"{low}+" if high is None else f"{low}-{high}"


def format_why(incident: Incident, explanation: ClusterExplanation) -> str:
    lines = [f"{incident.id}: {len(explanation.members)} report(s) from {len(incident.article_ids)} "
             f"article(s)"]
    if len(explanation.members) == 1:
        lines.append("  a single report: nothing was merged")
        return "\n".join(lines)
    lines.append("")
    lines.append("pairs (score >= threshold and no veto merges):")
    for pair in explanation.pairs:
        verdict = "vetoed" if pair.vetoed else ("match" if pair.is_match else "no match")
        lines.append(f"  {pair.left} ~ {pair.right}: {pair.score:+.2f} / {pair.threshold:.2f} -> {verdict}")
        for feature in pair.fired():
            mark = "VETO" if feature.veto else f"{feature.contribution:+.2f}"
            lines.append(f"      {feature.name:<12} {mark:>6}  {feature.detail}")
    lines.append("")
    lines.append("figures per source:")
    for report in incident.reports:
        when = report.published.isoformat() if report.published else "undated"
        c = report.casualties
        lines.append(
            f"  {report.article_id} ({report.source or 'unknown source'}, {when}): "
            f"killed {_figure(c.killed)}, wounded {_figure(c.wounded)}"
        )
    if incident.reconciliation:
        lines.append("")
        lines.append("reconciled:")
        for name, rule in incident.reconciliation.items():
            lines.append(f"  {name} = {_figure(getattr(incident.casualties, name))}: {rule}")
    return "\n".join(lines)
