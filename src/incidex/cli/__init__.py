"""The command line: thin Typer commands over the importable functions.

Exit codes: 0 success; the ``exit_code`` of an :mod:`incidex.errors` class otherwise, with a
one-line reason on standard error.
"""

from __future__ import annotations

import logging

from incidex.cli import articles, evals, records  # noqa: F401  (register the commands)
from incidex.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="incidex: %(message)s")
    app()
