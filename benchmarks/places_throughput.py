"""Throughput of the place stage alone (``places.gazetteer.v1``) on the KCNA corpus, in documents per second.

    .venv/bin/python benchmarks/places_throughput.py [--repeat 3]

The documents are segmented first and the gazetteer is loaded once (not timed); then the place stage runs
over all of them, ``--repeat`` times, on one core; the best run is reported with the number of mentions
found and how many were resolved. KCNA writes DPRK-style names ("Jangphung County of North Hwanghae
Province"), so the corpus also exercises the romanisation layer.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from kirok.gazetteer import Gazetteer
from kirok.pipeline.doc import Doc
from kirok.pipeline.places import GazetteerPlaceStage
from kirok.pipeline.segment import SegmentStage
from kirok.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (
    ROOT.parent / "shared" / "data" / "corpora" / "kcna" / "data" / "archive" / "headlines_2024-11-11.json"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"benchmark: corpus not found: {args.corpus}")
    items = [a for a in json.loads(args.corpus.read_text("utf-8")) if (a.get("story_text") or "").strip()]
    t = time.perf_counter()
    places = GazetteerPlaceStage(Settings(), Gazetteer.load())
    load = time.perf_counter() - t
    segment = SegmentStage()
    docs = [
        segment(
            Doc(
                text=f"{a['headline'].strip()}\n\n{a['story_text'].strip()}",
                published=date.fromisoformat(a["date_str"]),
            )
        )
        for a in items
    ]
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    for _ in range(args.repeat):
        for d in docs:
            d.places = []
        t = time.perf_counter()
        for d in docs:
            places(d)
        best = min(best, time.perf_counter() - t)
    mentions = [m for d in docs for m in d.places]
    resolved = sum(1 for m in mentions if m.place is not None and m.place.gazetteer_id is not None)
    print(f"KCNA corpus: {len(docs)} documents, {chars / 1e6:.2f} M characters")
    print(f"gazetteer: {len(places.gazetteer)} entries, loaded in {load * 1000:.0f} ms")
    print(f"place mentions: {len(mentions)}, {resolved} resolved to a gazetteer entry")
    print(
        f"place stage: {len(docs) / best:.0f} documents/s on 1 core ({chars / best / 1e6:.2f} M chars/s), "
        f"best of {args.repeat}"
    )


if __name__ == "__main__":
    main()
