"""Bucket the toponym resolution misses of a geo eval run, to see which rule to work on.

    incidex eval geo ../shared/data/geo/geowebnews.jsonl --predictions out/gwn.jsonl
    python training/geo_misses.py ../shared/data/geo/geowebnews.jsonl out/gwn.jsonl [--show BUCKET]

A miss (over 161 km, or unresolved) falls in one bucket, tried in this order:

- ``unresolved``: no point predicted;
- ``just-over``: within 400 km (a representative-point convention rather than a wrong place);
- ``area-point``: an area (country, region, continent) read, within 1,500 km: the gold point
  is another convention's point of what is most likely the same area (GeoVirus' countries);
- ``fallback``: the span has no gazetteer candidate (a street, a building, a river) and was
  placed from the article's other places;
- ``wrong-kind``: a candidate of another feature class is right (country vs city);
- ``wrong-namesake``: a same-named candidate of the same class is right;
- ``not-in-gazetteer``: no candidate is within 161 km of the gold point.

Hits with a wrong GeoNames id are counted apart, by whether the gold id is in the index.
Development tool only: it reads gold, so nothing in the package may import it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import haversine_km
from incidex.geo.toponyms import toponym_at

ACCURACY_KM, JUST_OVER_KM, AREA_KM = 161.0, 400.0, 1500.0
_AREAS = ("country", "admin1", "region", "continent")


def _bucket(err: float | None, cands: tuple[Place, ...], pred: Place | None,
            lat: float, lon: float) -> str:
    if err is None:
        return "unresolved"
    if err <= JUST_OVER_KM:
        return "just-over"
    if not cands:
        return "fallback"
    if pred is not None and pred.kind in _AREAS and err <= AREA_KM:
        return "area-point"
    right = [c for c in cands if haversine_km(lat, lon, c.lat, c.lon) <= ACCURACY_KM]
    if not right:
        return "not-in-gazetteer"
    if pred is not None and all(c.kind != pred.kind for c in right):
        return "wrong-kind"
    return "wrong-namesake"


def analyse(gold_path: Path, pred_path: Path) -> tuple[Counter[str], dict[str, Counter[str]]]:
    gaz = Gazetteer.default()
    by_gid = {gid: i for i, gid in enumerate(gaz._gid)}
    preds = {d["id"]: d for d in map(json.loads, pred_path.open(encoding="utf-8"))}
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for line in gold_path.open(encoding="utf-8"):
        doc: dict[str, Any] = json.loads(line)
        given = {(t["start"], t["end"]): t for t in preds[doc["id"]]["toponyms"]}
        for t in doc["toponyms"]:
            if t.get("lat") is None or doc["text"][t["start"]:t["end"]] != t["name"]:
                continue
            q = given.get((t["start"], t["end"]))
            gid = q.get("geonameid") if q else None
            pred = gaz.place(by_gid[gid]) if gid in by_gid else None
            err = None if not q or q["lat"] is None else haversine_km(
                t["lat"], t["lon"], q["lat"], q["lon"])
            if err is not None and err <= ACCURACY_KM:
                gold_id = int(t["geonameid"]) if t.get("geonameid") else None
                if gold_id is None or gold_id == gid:
                    continue
                bucket = "hit, wrong id (gold " + ("in" if gold_id in by_gid else "not in") + " index)"
            else:
                cands = toponym_at(doc["text"], t["start"], t["end"], gaz).candidates
                bucket = _bucket(err, cands, pred, t["lat"], t["lon"])
            counts[bucket] += 1
            names[bucket][t["name"]] += 1
    return counts, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--show", default=None, help="list the names of the buckets with this word")
    args = parser.parse_args()
    counts, names = analyse(args.gold, args.predictions)
    for bucket, n in counts.most_common():
        print(f"{n:5d}  {bucket}")
        if args.show and args.show in bucket:
            print("       " + ", ".join(f"{k} {v}" for k, v in names[bucket].most_common(40)))


if __name__ == "__main__":
    main()
