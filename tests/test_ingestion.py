"""The ingest runner (:func:`kirok.ingestion.ingest_paths`) over real files and a real SQLite store.

These tests run every stage but spaCy's (``rule_pipeline``), so they stay fast; the CLI tests in
``test_cli.py`` run the same inputs through the default pipeline.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from conftest import (
    GOOD_TEXT,
    SAMPLE_JSONL_REPORTS,
    SAMPLE_REPORTS,
    SAMPLES,
    Inputs,
    jsonl_line,
    text_pdf,
)
from kirok.ingest import IngestDefaults, IngestProblem
from kirok.ingestion import IngestSummary, count_reports, ingest_paths, sidecar_defaults, sidecar_path
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore

CLI_DEFAULTS = IngestDefaults(published=date(2020, 1, 1), outlet="Flag Desk", language="en")


def ingest(
    settings: Settings, pipeline: Pipeline, *paths: Path, defaults: IngestDefaults = CLI_DEFAULTS
) -> IngestSummary:
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        return ingest_paths(list(paths), defaults, store, pipeline, batch_size=4)


def snapshot(settings: Settings) -> dict[str, object]:
    """Everything stored: counts, each report's original hash and its events' ids."""
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        reports = store.list_reports(limit=100_000)
        originals = {r.id: hashlib.sha256(store.get_original(r.id) or b"").hexdigest() for r in reports}
        events = {r.id: sorted(e.id for e in store.events_for_report(r.id)) for r in reports}
        return {"stats": store.stats(), "originals": originals, "events": events}


# ------------------------------------------------------------------------------------- sidecars


def test_a_sidecar_fills_what_the_file_cannot_say(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    report.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        '{"published": "2022-03-05", "outlet": "Side Desk", "url": "https://example.org/a"}', encoding="utf-8"
    )
    got = sidecar_defaults(report, CLI_DEFAULTS)
    assert got == IngestDefaults(
        published=date(2022, 3, 5), outlet="Side Desk", language="en", url="https://example.org/a"
    )


def test_a_sidecar_may_be_named_after_the_stem(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    report.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2022-03-05"}', encoding="utf-8")
    assert sidecar_path(report) == tmp_path / "a.meta.json"
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2022-03-06"}', encoding="utf-8")
    assert sidecar_path(report) == tmp_path / "a.txt.meta.json"
    got = sidecar_defaults(report, CLI_DEFAULTS)
    assert isinstance(got, IngestDefaults) and got.published == date(2022, 3, 6)


def test_without_a_sidecar_the_command_line_defaults_stay(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    report.write_text(GOOD_TEXT, encoding="utf-8")
    assert sidecar_defaults(report, CLI_DEFAULTS) is CLI_DEFAULTS


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"published": "the day after the fair"}', "publication date"),
        ("{not json", "cannot read the metadata sidecar"),
        ('["2022-03-05"]', "must be a JSON object"),
        (b'{"outlet": "\xff"}', "cannot read the metadata sidecar"),
    ],
)
def test_a_bad_sidecar_is_a_problem_naming_the_sidecar(
    tmp_path: Path, content: str | bytes, words: str
) -> None:
    report = tmp_path / "a.txt"
    report.write_text(GOOD_TEXT, encoding="utf-8")
    meta = tmp_path / "a.txt.meta.json"
    meta.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    got = sidecar_defaults(report, CLI_DEFAULTS)
    assert isinstance(got, IngestProblem)
    assert got.origin == str(meta)
    assert words in got.message
    assert "\n" not in str(got)


def test_the_file_wins_over_the_sidecar_which_wins_over_the_command_line(
    settings: Settings, rule_pipeline: Pipeline, tmp_path: Path
) -> None:
    lines = [
        jsonl_line("Guards in Musan searched homes, a source said.", outlet="Line Desk"),
        jsonl_line("Police in Onsong closed the market for a week, a source said."),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "batch.jsonl.meta.json").write_text('{"outlet": "Side Desk"}', encoding="utf-8")
    summary = ingest(settings, rule_pipeline, batch)
    assert (summary.added, summary.problems) == (2, [])
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        by_origin = {r.origin: r for r in store.list_reports(limit=10)}
    first, second = by_origin[f"{batch}:1"], by_origin[f"{batch}:2"]
    assert (first.outlet, second.outlet) == ("Line Desk", "Side Desk")
    assert first.published == second.published == date(2020, 1, 1)


# -------------------------------------------------------------------------------- the samples


def test_the_samples_are_all_stored_once(settings: Settings, rule_pipeline: Pipeline) -> None:
    first = ingest(settings, rule_pipeline, SAMPLES, defaults=IngestDefaults())
    assert (first.added, first.duplicates, first.problems) == (SAMPLE_REPORTS, 0, [])
    assert first.events > 0
    stored = snapshot(settings)
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        origins = [r.origin or "" for r in store.list_reports(limit=100)]
        assert store.count_events() == first.events
    assert sum(1 for o in origins if o.startswith(f"{SAMPLES / 'batch.jsonl'}:")) == SAMPLE_JSONL_REPORTS
    again = ingest(settings, rule_pipeline, SAMPLES, defaults=IngestDefaults())
    assert (again.added, again.duplicates, again.events, again.problems) == (0, SAMPLE_REPORTS, 0, [])
    assert snapshot(settings) == stored


def test_every_sample_report_has_its_publication_date(settings: Settings, rule_pipeline: Pipeline) -> None:
    ingest(settings, rule_pipeline, SAMPLES, defaults=IngestDefaults())
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        undated = [r.origin for r in store.list_reports(limit=100) if r.published is None]
    assert undated == []


# ------------------------------------------------------------------------------ bad inputs


def test_bad_inputs_are_problems_and_good_ones_are_stored(
    settings: Settings, rule_pipeline: Pipeline, bad_inputs: Inputs
) -> None:
    summary = ingest(settings, rule_pipeline, bad_inputs.folder)
    assert sorted(p.origin for p in summary.problems) == list(bad_inputs.problems)
    assert all("\n" not in str(p) for p in summary.problems)
    assert summary.added == bad_inputs.good_reports
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        origins = {r.origin: r for r in store.list_reports(limit=100)}
    assert {str(p) for p in bad_inputs.good} <= set(origins)
    # the sidecar was unreadable, so the report falls back to the command line's metadata
    good_txt = origins[str(bad_inputs.folder / "good.txt")]
    assert (good_txt.outlet, good_txt.published) == ("Flag Desk", date(2020, 1, 1))


def test_a_missing_path_is_a_problem_and_the_others_still_load(
    settings: Settings, rule_pipeline: Pipeline, bad_inputs: Inputs
) -> None:
    missing = bad_inputs.folder / "not-there.txt"
    html = bad_inputs.folder / "good.html"
    summary = ingest(settings, rule_pipeline, missing, html)
    assert [p.origin for p in summary.problems] == [str(missing)]
    assert summary.added == 1


def test_a_run_of_broken_files_loses_nothing_stored(
    settings: Settings, rule_pipeline: Pipeline, bad_inputs: Inputs, tmp_path: Path
) -> None:
    ingest(settings, rule_pipeline, SAMPLES, *bad_inputs.good)
    before = snapshot(settings)
    broken = [bad_inputs.folder / name for name in ("empty.txt", "junk.txt", "scan.pdf", "no-article.html")]
    summary = ingest(settings, rule_pipeline, *broken, tmp_path / "gone.jsonl")
    assert (summary.added, len(summary.problems)) == (0, len(broken) + 1)
    assert snapshot(settings) == before


# -------------------------------------------------------------------------------- originals


def test_originals_are_kept_byte_for_byte(
    settings: Settings, rule_pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "originals"
    folder.mkdir()
    files = {
        "crlf.txt": GOOD_TEXT.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + "Caf\u00e9 owners in Sinuiju were fined, a source said.\n".encode(),
        "page.html": (SAMPLES / "hamhung-custody-death.html").read_bytes() + b"\n<!-- a copy -->\n",
        "report.pdf": text_pdf(["Guards in Musan detained two traders on May 3,", "a source said."]),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    lines = [
        b"\xef\xbb\xbf" + jsonl_line("Guards in Musan searched homes, a source said.").encode("utf-8"),
        jsonl_line("Police in Onsong closed the market \u2014 for a week, a source said.").encode("utf-8"),
    ]
    (folder / "lines.jsonl").write_bytes(lines[0] + b"\r\n" + lines[1] + b"\n")
    summary = ingest(settings, rule_pipeline, folder, SAMPLES)
    assert (summary.added, summary.problems) == (len(files) + len(lines) + SAMPLE_REPORTS, [])
    expected = {str(folder / name): data for name, data in files.items()}
    expected[f"{folder / 'lines.jsonl'}:1"] = lines[0].removeprefix(b"\xef\xbb\xbf")
    expected[f"{folder / 'lines.jsonl'}:2"] = lines[1]
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        reports = store.list_reports(limit=100)
        for report in reports:
            original = store.get_original(report.id)
            assert original is not None, report.origin
            assert hashlib.sha256(original).hexdigest() == report.sha256, report.origin
            want = expected.get(report.origin or "") or original_bytes(report.origin or "")
            assert original == want, report.origin
    assert set(expected) <= {r.origin for r in reports}


def original_bytes(origin: str) -> bytes:
    """The bytes a report came from: the whole file, or one line of a JSON Lines file."""
    path, _, line = origin.rpartition(":") if ".jsonl:" in origin else (origin, "", "")
    data = Path(path).read_bytes()
    if not line:
        return data
    return data.split(b"\n")[int(line) - 1].removesuffix(b"\r").removeprefix(b"\xef\xbb\xbf")


def test_progress_is_told_for_every_report_and_problem(
    settings: Settings, rule_pipeline: Pipeline, tmp_path: Path
) -> None:
    lines = [
        f'{{"text": "Agents searched {i} homes in Hyesan.", "published": "2023-06-0{1 + i % 9}"}}'
        for i in range(30)
    ]
    lines[7] = "this line is not JSON"
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Guards arrested two traders in Musan on Monday.\n", encoding="utf-8")
    assert count_reports([tmp_path]) == 31
    seen: list[int] = []
    with SQLiteStore(settings.db_path, key_file=settings.key_file) as store:
        summary = ingest_paths(
            [tmp_path],
            IngestDefaults(published=date(2023, 6, 15)),
            store,
            rule_pipeline,
            batch_size=4,
            on_progress=lambda s: seen.append(s.added + s.duplicates + len(s.problems)),
        )
    assert (summary.added, len(summary.problems)) == (30, 1)
    assert seen == list(range(1, 32))
