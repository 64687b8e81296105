"""Reading the JSONL evaluation files (MUC-4, geoparsing sets): one object per line, each with
an id, and a clear error naming the file and line of anything else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from incidex.errors import InputError, MalformedRecordError


def jsonl_objects(
    path: str | Path, id_field: str, id_types: type | tuple[type, ...] = object
) -> Iterator[tuple[str, dict[str, Any]]]:
    """("path:line", object) for every non-blank line; the object must hold ``id_field`` with a
    value of ``id_types``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecordError(f"not JSON: {exc}", source=where) from exc
        if not isinstance(obj, dict) or id_field not in obj or not isinstance(obj[id_field], id_types):
            raise MalformedRecordError(f"a line must be an object with an {id_field}"
                                       if id_field[0] in "aeiou" else
                                       f"a line must be an object with a {id_field}", source=where)
        yield where, obj
