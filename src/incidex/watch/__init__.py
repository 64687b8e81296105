"""``incidex watch``: poll feeds, files and folders; ingest what is new exactly once; merge;
report new or updated incidents that match saved filters to stdout, a JSONL file or webhooks.

- :mod:`~incidex.watch.fetch`: HTTP with timeouts, a size limit, a user agent, and no private
  addresses unless allowed;
- :mod:`~incidex.watch.state`: the seen items and saved filters, in the database;
- :mod:`~incidex.watch.filters`: ``country=Russia,killed>=1``;
- :mod:`~incidex.watch.notify`: the sinks;
- :mod:`~incidex.watch.runner`: one poll, and the loop.
"""

from incidex.watch.fetch import FetchPolicy, check_url, fetch, post_json
from incidex.watch.filters import WatchFilter
from incidex.watch.notify import Notifier
from incidex.watch.runner import PollReport, WatchOptions, parse_every, poll_once, watch
from incidex.watch.state import WatchState

__all__ = [
    "FetchPolicy",
    "Notifier",
    "PollReport",
    "WatchFilter",
    "WatchOptions",
    "WatchState",
    "check_url",
    "fetch",
    "parse_every",
    "poll_once",
    "post_json",
    "watch",
]
