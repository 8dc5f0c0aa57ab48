"""Throughput of the date stage alone (``dates.timex.v1``) on the KCNA corpus, in documents per second.

    .venv/bin/python benchmarks/dates_throughput.py [--repeat 3]

The documents are segmented first (not timed); then the date stage runs over all of them, ``--repeat``
times, on one core; the best run is reported with the number of expressions found.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from kirok.pipeline.dates import TimexStage
from kirok.pipeline.doc import Doc
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
    segment, dates = SegmentStage(), TimexStage(Settings())
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
    found = 0
    for _ in range(args.repeat):
        for d in docs:
            d.timexes = []
        t = time.perf_counter()
        for d in docs:
            dates(d)
        best = min(best, time.perf_counter() - t)
        found = sum(len(d.timexes) for d in docs)
    print(f"KCNA corpus: {len(docs)} documents, {chars / 1e6:.2f} M characters, {found} temporal expressions")
    print(
        f"date stage: {len(docs) / best:.0f} documents/s on 1 core ({chars / best / 1e6:.2f} M chars/s), "
        f"best of {args.repeat}"
    )


if __name__ == "__main__":
    main()
