"""The ``kirok`` command end to end: real files, a real SQLite file in ``tmp_path``, the real pipeline.

Runs that ingest or extract use the default pipeline (spaCy) and are marked slow; the pipeline is built
once per session (see ``conftest.py``). ``kirok events`` and ``kirok export`` read a database of the
samples filled without spaCy, so those tests are fast.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    SAMPLE_JSONL_REPORTS,
    SAMPLE_REPORTS,
    SAMPLES,
    Inputs,
    Ran,
    RunKirok,
    jsonl_line,
)
from kirok.ingest import IngestDefaults
from kirok.ingestion import ingest_paths
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore

OpenDb = Callable[[], SQLiteStore]


def no_traceback(ran: Ran) -> None:
    assert "Traceback" not in ran.stderr, ran.stderr
    assert "Traceback" not in ran.stdout, ran.stdout


def problem_lines(ran: Ran) -> list[str]:
    """Stderr lines that report a problem (all but the closing summary)."""
    return [line for line in ran.err_lines if not line[:1].isdigit()]


def file_state(path: Path) -> str | None:
    """The SHA-256 of a file (and of its WAL beside it), or None when it does not exist."""
    if not path.exists():
        return None
    wal = path.with_name(path.name + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


def counts(open_db: OpenDb) -> tuple[int, int]:
    with open_db() as store:
        return store.count_reports(), store.count_events()


# ---------------------------------------------------------------------------- kirok ingest


@pytest.mark.slow
def test_ingesting_the_samples_twice_stores_them_once(
    kirok_process: RunKirok, open_db: OpenDb, settings: Settings
) -> None:
    first = kirok_process("ingest", SAMPLES)
    assert first.code == 0, first.stderr
    no_traceback(first)
    assert problem_lines(first) == []
    reports, events = counts(open_db)
    assert reports == SAMPLE_REPORTS and events > 0
    assert first.err_lines[-1] == (
        f"{SAMPLE_REPORTS} report(s) added with {events} event(s), 0 already stored, 0 problem(s); "
        f"database {settings.db_path}"
    )
    with open_db() as store:
        origins = [r.origin or "" for r in store.list_reports(limit=100)]
    assert sum(1 for o in origins if o.startswith(f"{SAMPLES / 'batch.jsonl'}:")) == SAMPLE_JSONL_REPORTS

    again = kirok_process("ingest", SAMPLES)
    assert again.code == 0, again.stderr
    assert again.err_lines == [
        f"0 report(s) added with 0 event(s), {SAMPLE_REPORTS} already stored, 0 problem(s); "
        f"database {settings.db_path}"
    ]
    assert counts(open_db) == (reports, events)


@pytest.mark.slow
def test_bad_inputs_are_one_line_each_and_good_ones_are_stored(
    kirok: RunKirok, bad_inputs: Inputs, open_db: OpenDb
) -> None:
    ran = kirok("ingest", bad_inputs.folder)
    assert ran.code == 1
    no_traceback(ran)
    lines = problem_lines(ran)
    assert len(lines) == len(bad_inputs.problems), ran.stderr
    for origin in bad_inputs.problems:
        naming = [line for line in lines if line.startswith(f"kirok: {origin}: ")]
        assert len(naming) == 1, (origin, ran.stderr)
    assert ran.err_lines[-1].startswith(f"{bad_inputs.good_reports} report(s) added with ")
    assert f"{len(bad_inputs.problems)} problem(s)" in ran.err_lines[-1]
    assert counts(open_db)[0] == bad_inputs.good_reports
    with open_db() as store:
        origins = {r.origin for r in store.list_reports(limit=100)}
    assert {str(p) for p in bad_inputs.good} <= origins
    assert {f"{bad_inputs.folder / 'mixed.jsonl'}:{n}" for n in (1, 5)} <= origins


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["empty.txt", "junk.txt", "latin1.txt", "cp949.txt", "no-article.html", "scan.pdf", "mixed.jsonl"]
)
def test_each_bad_input_alone_is_a_clear_line_and_exit_1(
    kirok: RunKirok, bad_inputs: Inputs, name: str
) -> None:
    path = bad_inputs.folder / name
    ran = kirok("ingest", path)  # an exception here would have been a traceback
    assert ran.code == 1
    no_traceback(ran)
    expected = [p for p in bad_inputs.problems if p == str(path) or p.startswith(f"{path}:")]
    assert [line.split(": ")[1] for line in problem_lines(ran)] == expected
    assert all(len(line) < 400 for line in ran.err_lines)


@pytest.mark.slow
def test_a_missing_path_is_a_problem_line_naming_it(
    kirok: RunKirok, bad_inputs: Inputs, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "report.txt"
    ran = kirok("ingest", missing, bad_inputs.folder / "good.html")
    assert ran.code == 1
    no_traceback(ran)
    assert problem_lines(ran) == [f"kirok: {missing}: no such file or folder"]
    assert ran.err_lines[-1].startswith("1 report(s) added")


def test_a_bad_published_date_is_one_usage_line_and_writes_nothing(
    kirok: RunKirok, settings: Settings, rule_pipeline: Pipeline, open_db: OpenDb
) -> None:
    with open_db() as store:
        ingest_paths([SAMPLES / "musan-public-trial.txt"], IngestDefaults(), store, rule_pipeline)
        before_stats = store.stats()
    before = file_state(settings.db_path)
    ran = kirok("ingest", "--published", "notadate", SAMPLES)
    assert ran.code == 2
    no_traceback(ran)
    assert len(ran.err_lines) == 1, ran.stderr
    assert "'--published'" in ran.err_lines[0] and "notadate" in ran.err_lines[0]
    assert "kirok ingest --help" in ran.err_lines[0]
    assert file_state(settings.db_path) == before
    with open_db() as store:
        assert store.stats() == before_stats


def test_a_usage_error_creates_no_database(kirok: RunKirok, settings: Settings) -> None:
    ran = kirok("ingest", "--published", "2021-02-30", SAMPLES)
    assert (ran.code, len(ran.err_lines)) == (2, 1)
    assert not settings.db_path.exists()
    assert not settings.key_file.exists()


def test_an_unknown_encoding_is_one_line(kirok: RunKirok, settings: Settings) -> None:
    ran = kirok("ingest", "--encoding", "martian-8", SAMPLES)
    assert ran.code == 2
    assert len(ran.err_lines) == 1 and "martian-8" in ran.err_lines[0], ran.stderr
    assert not settings.db_path.exists()


@pytest.mark.slow
def test_a_run_of_broken_files_loses_nothing_stored(
    kirok: RunKirok, bad_inputs: Inputs, open_db: OpenDb
) -> None:
    assert kirok("ingest", SAMPLES).code == 0
    with open_db() as store:
        before = store.stats()
        hashes = {r.id: r.sha256 for r in store.list_reports(limit=100)}
        event_ids = {e.id for e in store.iter_events()}
    broken = [
        bad_inputs.folder / n for n in ("empty.txt", "junk.txt", "scan.pdf", "no-article.html", "cp949.txt")
    ]
    ran = kirok("ingest", *broken)
    assert ran.code == 1 and len(problem_lines(ran)) == len(broken)
    with open_db() as store:
        assert store.stats() == before
        assert {e.id for e in store.iter_events()} == event_ids
        for report_id, sha256 in hashes.items():
            original = store.get_original(report_id)
            assert original is not None and hashlib.sha256(original).hexdigest() == sha256


def test_python_dash_m_kirok_is_the_same_program(settings: Settings) -> None:
    import subprocess
    import sys

    from conftest import process_env
    from kirok import __version__

    done = subprocess.run(
        [sys.executable, "-m", "kirok", "--version"],
        capture_output=True,
        text=True,
        env=process_env(settings),
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"kirok, version {__version__}")


def test_a_missing_command_is_one_usage_line(kirok: RunKirok) -> None:
    ran = kirok()
    assert ran.code == 2
    assert ran.err_lines == ["kirok: Missing command. (see 'kirok --help')"]


# ------------------------------------------------------------------------------ the scale case


def thousand_reports(broken: dict[int, str]) -> str:
    """1,000 short invented reports, one per line; the lines in ``broken`` replaced by broken ones."""
    rng = random.Random(20240601)
    places = ["Hyesan", "Musan", "Onsong", "Hoeryong", "Chongjin", "Sinuiju", "Manpo", "Kanggye", "Hamhung"]
    actors = ["state security agents", "police officers", "border guards", "market inspectors"]
    acts = ["detained {n} traders", "searched {n} homes", "fined {n} vendors", "questioned {n} students"]
    lines = []
    for n in range(1, 1001):
        if n in broken:
            lines.append(broken[n])
            continue
        place, actor, act = (
            rng.choice(places),
            rng.choice(actors),
            rng.choice(acts).format(n=rng.randint(2, 9)),
        )
        day = date(2022, 1, 1).toordinal() + rng.randint(0, 700)
        text = (
            f"Report {n}: {actor.capitalize()} in {place} {act} on {date.fromordinal(day):%B %d}, "
            f"a source in the area said. The source said case {n} was still open."
        )
        lines.append(jsonl_line(text, published=date.fromordinal(day + 3).isoformat(), outlet="Scale Desk"))
    return "\n".join(lines) + "\n"


SCALE_BROKEN = {
    3: "{not json at all",
    58: "[1, 2, 3]",
    101: '{"title": "a line without text"}',
    250: '{"text": ""}',
    333: '{"text": "Guards in Musan searched homes.", "published": "the 5th of Smarch"}',
    480: '{"text": 42}',
    612: '{"text": "Police in Onsong fined traders.", "outlet": ["a", "list"]}',
    777: '"just a string"',
    905: '{"text": "Police in Hyesan detained traders.", "published": "2022-02-30"}',
    1000: '{"text": "Police in Manpo detained \x00 traders."}',
}


@pytest.mark.slow
def test_a_thousand_reports_with_ten_broken_lines(kirok: RunKirok, tmp_path: Path, open_db: OpenDb) -> None:
    path = tmp_path / "thousand.jsonl"
    path.write_text(thousand_reports(SCALE_BROKEN), encoding="utf-8")
    ran = kirok("ingest", path)
    assert ran.code == 1
    no_traceback(ran)
    assert [line.split(": ")[1] for line in problem_lines(ran)] == [
        f"{path}:{n}" for n in sorted(SCALE_BROKEN)
    ]
    assert ran.err_lines[-1].startswith("990 report(s) added with ")
    assert counts(open_db)[0] == 990
    with open_db() as store:
        origins = {r.origin for r in store.list_reports(limit=2000)}
    assert origins == {f"{path}:{n}" for n in range(1, 1001) if n not in SCALE_BROKEN}


# ---------------------------------------------------------------------------- kirok extract


def shared_folder() -> Path:
    from conftest import SHARED

    if not (SHARED / "eval" / "score.py").is_file():
        pytest.fail(
            f"the shared folder is missing: expected {SHARED}/eval (a copy of shared/ beside the repo, "
            "or KIROK_SHARED)"
        )
    return SHARED


def eval_documents() -> list[dict[str, Any]]:
    """The evaluation kit's event reports as ``kirok extract --jsonl`` input lines."""
    folder = shared_folder() / "eval" / "events"
    docs = []
    for gold_file in sorted(folder.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (folder / gold["text_file"]).read_text(encoding="utf-8")
        docs.append(
            {"id": gold["id"], "text": text, "published": gold["published"], "language": gold["language"]}
        )
    assert len(docs) >= 3, folder
    return docs


def check_contract_line(out: dict[str, Any], text: str) -> None:
    """One output line has the fields the scorer reads, with offsets that fit the text."""
    assert isinstance(out["timexes"], list) and isinstance(out["events"], list)
    for timex in out["timexes"]:
        assert 0 <= timex["start"] < timex["end"] <= len(text)
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(timex["value"], str) and timex["value"]
    for event in out["events"]:
        assert isinstance(event["type"], str)
        assert event["evidence"], event
        for span in event["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
        if event["date"] is not None:
            assert set(event["date"]) >= {"earliest", "latest"}
        if event["place"] is not None:
            assert set(event["place"]) >= {"name", "latitude", "longitude"}
        assert all("name" not in victim for victim in event["victims"])


@pytest.mark.slow
def test_extract_answers_every_line_in_the_contract(kirok: RunKirok) -> None:
    docs = eval_documents()
    undated = {"id": "undated", "text": "Police in Hyesan detained two traders last month, a source said."}
    stdin = "".join(json.dumps(d) + "\n" for d in [*docs, undated]) + "{not json\n"
    ran = kirok("extract", "--jsonl", stdin=stdin)
    assert ran.code == 0, ran.stderr
    no_traceback(ran)
    out = [json.loads(line) for line in ran.stdout.splitlines()]
    by_id = {o["id"]: o for o in out}
    assert len(out) == len(by_id) == len(docs) + 2
    for doc in docs:
        check_contract_line(by_id[doc["id"]], doc["text"])
        assert by_id[doc["id"]]["published"] == doc["published"]
    assert sum(len(by_id[d["id"]]["events"]) for d in docs) > 0
    broken = [o for o in out if "error" in o]
    assert len(broken) == 1 and broken[0]["events"] == []
    assert [line for line in ran.err_lines if "stdin:" in line] == [
        f"kirok: stdin:{len(docs) + 2}: " + broken[0]["error"]
    ]
    undated_out = by_id["undated"]
    check_contract_line(undated_out, undated["text"])
    assert undated_out["published"] is None and undated_out["warnings"]
    last_month = [t for t in undated_out["timexes"] if t["text"] == "last month"]
    assert last_month and last_month[0]["window"]["resolution"] == "unresolved"


@pytest.mark.slow
def test_extract_refuses_lines_that_are_not_reports(kirok: RunKirok) -> None:
    lines = [
        b'{"id": "a", "text": "Guards in Musan searched homes. \xff"}',
        b'{"id": "b", "text": 7}',
        b'{"id": "c", "text": "Guards in Musan searched homes.", "outlet": 5}',
        b'{"id": "d", "text": "Guards in Musan searched homes on May 3.", "published": "soon"}',
        b'{"id": null, "text": "Guards in Musan searched homes."}',
    ]
    ran = kirok("extract", "--jsonl", stdin=b"\n".join(lines))
    assert ran.code == 0
    no_traceback(ran)
    out = {o["id"]: o for o in map(json.loads, ran.stdout.splitlines())}
    assert {i for i, o in out.items() if "error" in o} == {"line-1", "b", "c"}
    assert "error" not in out["d"] and out["d"]["published"] is None
    assert "error" not in out["line-5"]
    assert [line.split(": ")[1] for line in ran.err_lines] == ["stdin:1", "stdin:2", "stdin:3", "stdin:4"]


@pytest.mark.slow
def test_the_scorer_runs_kirok_extract(settings: Settings) -> None:
    import shlex
    import subprocess
    import sys

    from conftest import REPO, kirok_command, process_env

    shared = shared_folder()
    command = [*kirok_command(), "--db", str(settings.db_path), "--key-file", str(settings.key_file)]
    done = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "events",
            str(shared / "eval" / "events"),
            "--cmd",
            shlex.join([*command, "extract", "--jsonl"]),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=process_env(settings),
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"precision", "recall", "f1"} <= set(summary)
    assert not settings.db_path.exists()


# ----------------------------------------------------------------------------- kirok events


@pytest.fixture
def on_samples(samples_db: Settings, kirok_on: Callable[[Settings], RunKirok]) -> RunKirok:
    return kirok_on(samples_db)


def listed(run: RunKirok, *args: str) -> list[dict[str, Any]]:
    ran = run("events", "--format", "json", "--limit", "100000", *args)
    assert ran.code == 0, ran.stderr
    found: list[dict[str, Any]] = json.loads(ran.stdout)
    return found


def named_victims(samples_db: Settings) -> set[str]:
    with SQLiteStore(samples_db.db_path, key_file=samples_db.key_file) as store:
        return {v.name for e in store.iter_events() for v in e.victims if v.name}


def test_events_filter_by_type(on_samples: RunKirok) -> None:
    every = listed(on_samples)
    arrests = listed(on_samples, "--type", "arrest")
    both = listed(on_samples, "--type", "arrest", "--type", "detention")
    assert 0 < len(arrests) < len(both) < len(every)
    assert {e["type"] for e in arrests} == {"arrest"}
    assert {e["type"] for e in both} == {"arrest", "detention"}
    assert len(both) == sum(1 for e in every if e["type"] in ("arrest", "detention"))


def test_events_filter_by_place(on_samples: RunKirok) -> None:
    every = listed(on_samples)
    hyesan = listed(on_samples, "--place", "Hyesan")
    assert 0 < len(hyesan) < len(every)
    for event in hyesan:
        place = event["place"]
        assert (
            "hyesan"
            in " ".join([place["name"], place["gazetteer_id"] or "", *place["admin_path"]]).casefold()
        )
    assert listed(on_samples, "--place", "hyesan") == hyesan


def test_events_filter_by_province_and_perpetrator(on_samples: RunKirok) -> None:
    every = listed(on_samples)
    north = listed(on_samples, "--province", "north hamgyong")
    assert 0 < len(north) < len(every)
    assert all(e["place"]["admin_path"][0] == "North Hamgyong" for e in north)
    security = listed(on_samples, "--perpetrator", "STATE SECURITY")
    assert 0 < len(security) < len(every)
    for event in security:
        assert any("state security" in p["name"].casefold() for p in event["perpetrators"]), event["id"]
    both = listed(on_samples, "--province", "North Hamgyong", "--perpetrator", "state security")
    assert {e["id"] for e in both} == {e["id"] for e in north} & {e["id"] for e in security}


def test_events_filter_by_dates(on_samples: RunKirok) -> None:
    every = listed(on_samples)
    window = listed(on_samples, "--from", "2023-06-01", "--to", "2023-06-30")
    assert 0 < len(window) < len(every)
    for event in window:
        earliest, latest = event["date"]["earliest"], event["date"]["latest"]
        assert (latest is None or latest >= "2023-06-01") and (earliest is None or earliest <= "2023-06-30")
    assert all(e["date"] is not None for e in listed(on_samples, "--from", "1900-01-01"))


def test_events_filter_by_text(on_samples: RunKirok, samples_db: Settings) -> None:
    every = listed(on_samples)
    phones = listed(on_samples, "-q", "phones")
    assert 0 < len(phones) < len(every)
    with SQLiteStore(samples_db.db_path, key_file=samples_db.key_file) as store:
        for event in phones:
            report = store.get_report(event["report_id"])
            assert report is not None
            words = " ".join([report.text, *(span["text"] for span in event["evidence"])]).casefold()
            assert "phone" in words, event["id"]
    assert listed(on_samples, "-q", "zzyzxqq") == []


def test_events_json_holds_no_victim_names(on_samples: RunKirok, samples_db: Settings) -> None:
    names = named_victims(samples_db)
    assert names, "the samples name some victims (invented family names); the test needs one"
    ran = on_samples("events", "--format", "json", "--limit", "100000")
    found = json.loads(ran.stdout)
    assert all("name" not in victim for event in found for victim in event["victims"])
    for name in names:
        assert f'"name": "{name}"' not in ran.stdout


def test_events_table_has_a_header_and_a_count(on_samples: RunKirok) -> None:
    total = len(listed(on_samples))
    ran = on_samples("events", "--limit", "5")
    assert ran.code == 0
    lines = ran.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "TYPE", "WHEN"]
    assert len(lines) == 1 + 5
    assert ran.err_lines == [f"5 of {total} event(s)"]


def test_events_on_an_empty_database_is_a_table_of_nothing(kirok: RunKirok) -> None:
    ran = kirok("events")
    assert ran.code == 0
    assert ran.stdout.splitlines()[0].startswith("ID")
    assert ran.err_lines == ["0 of 0 event(s)"]


# ----------------------------------------------------------------------------- kirok export


def export(run: RunKirok, fmt: str, out: Path, *args: str) -> str:
    ran = run("export", "--format", fmt, "-o", out, *args)
    assert ran.code == 0, ran.stderr
    assert ran.stdout == ""
    return out.read_text(encoding="utf-8")


def test_export_csv_has_every_event_and_no_names(
    on_samples: RunKirok, samples_db: Settings, tmp_path: Path
) -> None:
    total = len(listed(on_samples))
    rows = list(csv.DictReader(io.StringIO(export(on_samples, "csv", tmp_path / "e.csv"))))
    assert len(rows) == total
    assert "victim_names" not in rows[0]
    sensitive = list(
        csv.DictReader(io.StringIO(export(on_samples, "csv", tmp_path / "s.csv", "--include-sensitive")))
    )
    assert len(sensitive) == total
    assert named_victims(samples_db) <= {n for row in sensitive for n in row["victim_names"].split("; ") if n}
    arrests = list(
        csv.DictReader(io.StringIO(export(on_samples, "csv", tmp_path / "a.csv", "--type", "arrest")))
    )
    assert len(arrests) == len(listed(on_samples, "--type", "arrest"))


def test_export_json_has_every_event_and_no_names(
    on_samples: RunKirok, samples_db: Settings, tmp_path: Path
) -> None:
    events = listed(on_samples)
    exported = json.loads(export(on_samples, "json", tmp_path / "e.json"))
    assert [e["id"] for e in exported] == [e["id"] for e in events]
    assert all("name" not in victim for event in exported for victim in event["victims"])
    sensitive = json.loads(export(on_samples, "json", tmp_path / "s.json", "--include-sensitive"))
    assert named_victims(samples_db) <= {v.get("name") for event in sensitive for v in event["victims"]}


def test_export_geojson_places_every_event_with_coordinates(on_samples: RunKirok, tmp_path: Path) -> None:
    events = listed(on_samples)
    placed = [e for e in events if e["place"] and e["place"]["latitude"] is not None]
    ran = on_samples("export", "--format", "geojson", "-o", tmp_path / "e.geojson")
    assert ran.code == 0, ran.stderr
    collection = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == len(placed) > 0
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 124 < longitude < 131 and 37 < latitude < 44
    if len(placed) < len(events):
        assert f"({len(events) - len(placed)} without coordinates left out)" in ran.stderr


def test_export_an_unknown_format_is_a_usage_error(on_samples: RunKirok, tmp_path: Path) -> None:
    ran = on_samples("export", "--format", "xml", "-o", tmp_path / "e.xml")
    assert ran.code == 2
    assert len(ran.err_lines) == 1 and "'xml'" in ran.err_lines[0], ran.stderr
    assert not (tmp_path / "e.xml").exists()


def test_export_into_a_missing_folder_is_one_line(on_samples: RunKirok, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "e.csv"
    ran = on_samples("export", "--format", "csv", "-o", target)
    assert ran.code == 2
    assert ran.err_lines == [f"kirok: {target}: cannot write the file (No such file or directory) [K400]"]


# ------------------------------------------------------------------------------ kirok serve


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get_json(url: str, opener: Any = None) -> Any:
    from urllib.request import build_opener

    with (opener or build_opener()).open(url, timeout=5) as response:  # a loopback address of our own server
        assert response.status == 200
        return json.loads(response.read())


def logged_in_opener(base: str, username: str, password: str) -> Any:
    """A urllib opener that keeps cookies, logged in through ``POST /login``."""
    from http.cookiejar import CookieJar
    from urllib.parse import urlencode
    from urllib.request import HTTPCookieProcessor, build_opener

    opener = build_opener(HTTPCookieProcessor(CookieJar()))
    token = get_json(f"{base}/login.json", opener)["csrf_token"]
    form = urlencode({"username": username, "password": password, "csrf_token": token}).encode()
    with opener.open(f"{base}/login", data=form, timeout=10) as response:
        assert response.status == 200
    return opener


@pytest.mark.slow
def test_serve_answers_health_reports_and_events(kirok_process: RunKirok, settings: Settings) -> None:
    import subprocess
    import time
    from urllib.error import URLError

    from conftest import kirok_command, process_env

    assert kirok_process("ingest", SAMPLES).code == 0
    password = "a long test passphrase"
    added = kirok_process("user", "add", "viewer-one", "--role", "viewer", "--password-stdin", stdin=password)
    assert added.code == 0
    port = free_port()
    argv = [*kirok_command(), "--db", str(settings.db_path), "--key-file", str(settings.key_file)]
    server = subprocess.Popen(
        [*argv, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=process_env(settings),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        health = None
        deadline = time.monotonic() + 20
        while health is None and time.monotonic() < deadline:
            assert server.poll() is None, "kirok serve stopped early"
            try:
                health = get_json(f"{base}/health")
            except (URLError, ConnectionError):
                time.sleep(0.2)
        assert health is not None, "kirok serve did not answer /health within 20 s"
        assert health["status"] == "ok" and health["reports"] == SAMPLE_REPORTS and health["events"] > 0
        opener = logged_in_opener(base, "viewer-one", password)
        reports = get_json(f"{base}/reports.json", opener)
        events = get_json(f"{base}/events.json", opener)
        assert reports and events
        assert json.dumps(reports).count('"id": "r-') >= 1
        assert json.dumps(events).count('"id": "e-') >= 1
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert b"Traceback" not in err, err.decode("utf-8", "replace")


# --------------------------------------------------------------------------- no tracebacks


@pytest.mark.slow
def test_the_real_program_prints_no_traceback_for_any_bad_input(
    kirok_process: RunKirok, bad_inputs: Inputs, tmp_path: Path
) -> None:
    runs = [
        kirok_process("ingest", bad_inputs.folder, tmp_path / "missing.txt"),
        kirok_process("ingest", "--published", "notadate", bad_inputs.folder),
        kirok_process("ingest", "--encoding", "martian-8", bad_inputs.folder),
        kirok_process("export", "--format", "xml"),
        kirok_process("export", "--format", "csv", "-o", tmp_path / "no" / "e.csv"),
        kirok_process("extract", "--jsonl", stdin='{not json\n{"text": 5}\n{"text": "x", "url": 3}\n'),
    ]
    assert [r.code for r in runs] == [1, 2, 2, 2, 2, 0]
    for ran in runs:
        no_traceback(ran)
        assert all(line.startswith("kirok: ") for line in problem_lines(ran)), ran.stderr


# ------------------------------------------------------------------------------ --stages


def test_extract_with_named_stages_runs_only_those(kirok_process: RunKirok) -> None:
    line = json.dumps({"id": "s1", "text": "Agents arrested a man on Oct. 12.", "published": "2021-10-22"})
    ran = kirok_process(
        "extract", "--jsonl", "--stages", "clean.segment.v1,dates.timex.v1", stdin=line + "\n"
    )
    assert ran.code == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert [t["value"] for t in out["timexes"]] == ["2021-10-12"]
    assert out["events"] == [] and out["places"] == []


def test_extract_with_stages_in_a_wrong_order_is_one_line(kirok_process: RunKirok) -> None:
    ran = kirok_process("extract", "--jsonl", "--stages", "dates.timex.v1,clean.segment.v1", stdin="")
    assert ran.code == 2
    assert len(ran.err_lines) == 1
    assert "requires doc.sentences" in ran.err_lines[0] and "[K200]" in ran.err_lines[0]
