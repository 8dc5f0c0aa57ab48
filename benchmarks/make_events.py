"""Build a synthetic SQLite store with many events, for the web load test (``benchmarks/web_load.py``).

    .venv/bin/python benchmarks/make_events.py --db /tmp/kirok-100k.db [--events 100000] [--seed 7]

The reports are generated from short templates written for this script (no real report text and no
names: every victim is a count with a sex and a status). Places are drawn from Kirok's own gazetteer,
so provinces, counties, towns and facilities appear with their real precision; dates run from 2015 to
2025; types, statuses and confidences vary. Four events per report on average, written through the
store's normal writer (one transaction per report), so the file is what a long-running team would have.

The script refuses to overwrite an existing file. It prints the counts and how long it took.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from kirok.gazetteer import Gazetteer, GazetteerEntry
from kirok.model import (
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Perpetrator,
    Place,
    Report,
    ReviewStatus,
    Sex,
    Source,
    Span,
    TimeWindow,
    Victim,
    event_id,
    report_id,
)
from kirok.store.sqlite import SQLiteStore

OUTLETS = ("Kirok Sample Wire", "Yalu Dispatch", "Border Ledger", "East Sea Bulletin", "Ridge Line Reports")
PERPETRATORS = (
    "Ministry of State Security",
    "Ministry of Social Security",
    "border guards",
    "a provincial court",
    "the local party committee",
    "an inminban head",
)
STATUSES = (ReviewStatus.SUGGESTED,) * 6 + (ReviewStatus.VERIFIED,) * 3 + (ReviewStatus.REJECTED,)
# one clause per type, in our own words; {n} people, {who} perpetrator, {place} the place
CLAUSES: dict[EventType, str] = {
    EventType.DIRECTIVE: "{who} issued a directive read out to {n} work units in {place}",
    EventType.MEETING: "{who} called {n} cadres to a struggle session in {place}",
    EventType.SURVEILLANCE: "{who} ordered closer watch on {n} households in {place}",
    EventType.CRACKDOWN: "{who} launched a crackdown on smuggling in {place}, catching {n} people",
    EventType.MOVEMENT_RESTRICTION: "{who} stopped travel permits for {n} residents of {place}",
    EventType.ARREST: "{who} arrested {n} residents in {place}",
    EventType.DETENTION: "{n} people were held for questioning by {who} in {place}",
    EventType.ILL_TREATMENT: "{n} detainees were beaten by {who} in {place}",
    EventType.SENTENCE: "{who} sentenced {n} people to labour in {place}",
    EventType.EXECUTION: "{who} executed {n} men in public in {place}",
    EventType.FORCED_REPATRIATION: "{n} escapees were sent back to {place} and handed to {who}",
    EventType.FORCED_LABOR: "{who} sent {n} students to a farm near {place} for months",
    EventType.ESCAPE: "{n} residents of {place} crossed the river despite {who}",
}
TYPE_WEIGHTS = (8, 3, 6, 12, 4, 18, 10, 4, 12, 4, 8, 4, 7)


def _places(gazetteer: Gazetteer) -> list[GazetteerEntry]:
    return [e for e in gazetteer if e.country == "KP" and e.lat is not None and e.lon is not None]


def _place(entry: GazetteerEntry, gazetteer: Gazetteer) -> Place:
    return Place(
        name=entry.name,
        gazetteer_id=entry.id,
        admin_path=gazetteer.admin_path(entry.id),
        latitude=entry.lat,
        longitude=entry.lon,
        country="KP",
        precision=entry.precision,
    )


def _window(rng: random.Random, published: date) -> TimeWindow:
    kind = rng.random()
    if kind < 0.45:
        day = published - timedelta(days=rng.randint(1, 20))
        return TimeWindow(
            earliest=day, latest=day, precision=DatePrecision.DAY, resolution=DateResolution.RELATIVE
        )
    if kind < 0.9:
        first = published.replace(day=1)
        return TimeWindow(
            earliest=first,
            latest=published,
            precision=DatePrecision.MONTH,
            resolution=DateResolution.RELATIVE,
        )
    return TimeWindow(earliest=date(published.year, 1, 1), latest=published, precision=DatePrecision.YEAR)


def build_report(
    rng: random.Random, serial: int, n_events: int, places: list[GazetteerEntry], gazetteer: Gazetteer
) -> tuple[Report, list[Event]]:
    """One synthetic report with ``n_events`` events; the same ``serial`` gives the same report."""
    published = date(2015, 1, 1) + timedelta(days=rng.randint(30, 4000))
    entry = rng.choice(places)
    types = rng.choices(list(CLAUSES), weights=TYPE_WEIGHTS, k=n_events)
    sentences = []
    for k, type_ in enumerate(types):
        who = rng.choice(PERPETRATORS)
        clause = CLAUSES[type_].format(n=rng.randint(1, 40), who=who, place=entry.name)
        when = "earlier this month" if k % 2 == 0 else "last week"
        sentences.append(f"A source said that {clause} {when}.")
    title = f"Report {serial}: {types[0].value.replace('_', ' ')} in {entry.name}"
    text = f"{title}\n\n" + " ".join(sentences) + f"\n\nNote {serial} on conditions in {entry.name}."
    sha = hashlib.sha256(text.encode()).hexdigest()
    outlet = rng.choice(OUTLETS)
    report = Report(id=report_id(sha), sha256=sha, text=text, title=title, outlet=outlet, published=published)
    place = _place(entry, gazetteer)
    events = []
    start = 0
    for sentence, type_ in zip(sentences, types, strict=True):
        start = text.index(sentence, start)
        evidence = Span(start=start, end=start + len(sentence), text=sentence)
        status = rng.choice(STATUSES)
        events.append(
            Event(
                id=event_id(report.id, type_, evidence.start, evidence.end),
                report_id=report.id,
                type=type_,
                evidence=(evidence,),
                date=_window(rng, published),
                place=place,
                perpetrators=(Perpetrator(name=rng.choice(PERPETRATORS)),),
                victims=(Victim(count=rng.randint(1, 40), sex=rng.choice(list(Sex))),),
                source=Source(report_id=report.id, outlet=outlet, attribution="a source"),
                confidence=round(rng.uniform(0.3, 0.95), 2),
                status=status,
                status_by=None if status is ReviewStatus.SUGGESTED else "bench-reviewer",
                reasons=(f"{type_.value}.synthetic",),
            )
        )
        start = evidence.end
    return report, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--key-file", type=Path, default=None, help="default: <db>.key beside the database")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.db.exists():
        sys.exit(f"make_events: {args.db} exists; give a new path")
    key_file = args.key_file or args.db.with_suffix(".key")
    rng = random.Random(args.seed)
    gazetteer = Gazetteer.load()
    places = _places(gazetteer)
    started = time.perf_counter()
    made = serial = 0
    with SQLiteStore(args.db, key_file=key_file) as store:
        while made < args.events:
            n = min(rng.randint(2, 6), args.events - made)
            report, events = build_report(rng, serial, n, places, gazetteer)
            store.add_report(report, report.text.encode(), events)
            made += n
            serial += 1
            if serial % 2000 == 0:
                print(f"  {made:,} events in {serial:,} reports", file=sys.stderr)
        stats = store.stats()
    took = time.perf_counter() - started
    print(f"{stats['events']:,} events in {stats['reports']:,} reports written to {args.db} in {took:.0f} s")


if __name__ == "__main__":
    main()
