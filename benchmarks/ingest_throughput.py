"""Ingest + extract throughput over the KCNA corpus (real DPRK text, 1,862 articles with full text).

    .venv/bin/python benchmarks/ingest_throughput.py [--limit N] [--corpus PATH]

Writes the articles to a JSONL file in a temporary folder, then runs the real ``ingest_paths`` (read,
pipeline, SQLite store) into a fresh database file on one core, and prints reports per second with the
time spent in each pipeline stage. The corpus is not redistributable, so it is read from ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core: the figure is per core

from kirok.ingest import IngestDefaults  # noqa: E402
from kirok.ingestion import ingest_paths  # noqa: E402
from kirok.pipeline.doc import Doc  # noqa: E402
from kirok.pipeline.registry import build_pipeline  # noqa: E402
from kirok.pipeline.stage import Pipeline, Stage  # noqa: E402
from kirok.settings import Settings  # noqa: E402
from kirok.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (
    ROOT.parent / "shared" / "data" / "corpora" / "kcna" / "data" / "archive" / "headlines_2024-11-11.json"
)


class TimedStage:
    """Wraps a stage and adds the seconds spent in it (pull-through generators are timed per item)."""

    def __init__(self, stage: Stage, seconds: dict[str, float]) -> None:
        self.stage = stage
        self.name = stage.name
        self.requires = stage.requires
        self.assigns = stage.assigns
        self.seconds = seconds

    def __call__(self, doc: Doc) -> Doc:
        t = time.perf_counter()
        out = self.stage(doc)
        self.seconds[self.name] += time.perf_counter() - t
        return out

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        upstream_time = _Clock()
        it = self.stage.pipe(upstream_time.wrap(docs, self.seconds), batch_size=batch_size)
        while True:
            t = time.perf_counter()
            upstream_time.spent = 0.0
            try:
                doc = next(it)
            except StopIteration:
                return
            self.seconds[self.name] += time.perf_counter() - t - upstream_time.spent
            yield doc


class _Clock:
    def __init__(self) -> None:
        self.spent = 0.0

    def wrap(self, docs: Iterable[Doc], seconds: dict[str, float]) -> Iterator[Doc]:
        it = iter(docs)
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            self.spent += time.perf_counter() - t
            yield doc


def write_corpus(path: Path, limit: int | None, out: Path) -> int:
    items = [a for a in json.loads(path.read_text("utf-8")) if (a.get("story_text") or "").strip()]
    if limit:
        items = items[:limit]
    with out.open("w", encoding="utf-8") as fh:
        for a in items:
            text = f"{a['headline'].strip()}\n\n{a['story_text'].strip()}"
            rec = {
                "text": text,
                "published": a["date_str"],
                "outlet": "KCNA",
                "url": a.get("link"),
                "language": "en",
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"benchmark: corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "kcna.jsonl"
        n = write_corpus(args.corpus, args.limit, corpus)
        settings = Settings(db_path=Path(tmp) / "bench.db", key_file=Path(tmp) / "key")
        seconds: dict[str, float] = defaultdict(float)
        t0 = time.perf_counter()
        base = build_pipeline(settings)
        load = time.perf_counter() - t0
        pipeline = Pipeline([TimedStage(s, seconds) for s in base.stages])  # type: ignore[list-item]
        chars = sum(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
        t1 = time.perf_counter()
        with open_store(settings) as store:
            summary = ingest_paths(
                [corpus], IngestDefaults(), store, pipeline, batch_size=settings.batch_size
            )
        wall = time.perf_counter() - t1
        cpu = time.process_time()
    print(f"KCNA corpus: {n} articles, {chars / 1e6:.2f} M characters")
    print(f"pipeline load: {load:.1f} s (not counted)")
    print(
        f"ingested {summary.added} reports, {summary.events} events, {len(summary.problems)} problems "
        f"in {wall:.1f} s wall"
    )
    print(
        f"throughput: {summary.added / wall:.1f} reports/s on 1 core ({chars / wall / 1000:.0f} k chars/s); "
        f"process CPU time {cpu:.1f} s"
    )
    for name, s in seconds.items():
        rate = n / s if s else float("inf")
        print(f"  stage {name:<22} {s:7.1f} s  {rate:8.1f} docs/s  {100 * s / wall:5.1f}%")
    rest = wall - sum(seconds.values())
    print(f"  reading + storing      {rest:7.1f} s  {'':>8}         {100 * rest / wall:5.1f}%")


if __name__ == "__main__":
    main()
