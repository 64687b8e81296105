"""Where a watcher reports new and updated incidents: standard output, a JSONL file, webhooks.

Every sink gets the same JSON object per (incident, filter):
``{"event": "new"|"updated", "filter": NAME|null, "source": ..., "article_id": ...,
"incident": {the record}}``. A webhook that fails is logged and skipped: one dead endpoint
must not stop the watcher.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from incidex.errors import IncidexError
from incidex.watch.fetch import FetchPolicy, post_json

log = logging.getLogger(__name__)


@dataclass
class Notifier:
    stdout: Callable[[str], None] | None = None
    jsonl: Path | None = None
    webhooks: list[str] = field(default_factory=list)
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sent: int = 0

    def send(self, message: dict[str, object]) -> None:
        line = json.dumps(message, ensure_ascii=False)
        if self.stdout is not None:
            self.stdout(line)
        if self.jsonl is not None:
            with self.jsonl.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        for url in self.webhooks:
            try:
                post_json(url, message, self.policy)
            except IncidexError as exc:
                log.warning("webhook failed: %s", exc)
        self.sent += 1


__all__ = ["Notifier"]
