"""Fixtures for the end-to-end tests: settings in ``tmp_path``, one pipeline per session, a CLI runner.

The default pipeline loads spaCy, so only ``@pytest.mark.slow`` tests ask for :func:`pipeline`; it is
built once per session. The CLI runs in-process (:func:`kirok`) with that same pipeline handed to it, or
as a real process (:func:`kirok_process`) for the few true end-to-end runs. Both always get a database
and a key file inside ``tmp_path``: no test writes to ``~/.config``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kirok.cli import main
from kirok.pipeline.registry import build_pipeline
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    """The read-only shared folder (design notes, evaluation kit, gazetteer sources): wherever
    KIROK_SHARED points, else beside the repository, else beside the local repository this one was
    cloned from (``git clone /work/main /tmp/x/k`` finds ``/work/shared``)."""
    if os.environ.get("KIROK_SHARED"):
        return Path(os.environ["KIROK_SHARED"])
    beside = REPO.parent / "shared"
    if beside.is_dir():
        return beside
    try:
        origin = subprocess.run(
            ["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return beside
    source = Path(origin.removeprefix("file://"))
    if origin and source.is_absolute() and (source.parent / "shared").is_dir():
        return source.parent / "shared"
    return beside


SHARED = _shared()
SAMPLES = REPO / "samples" / "reports"
#: Reports in the bundled samples: 14 files, one of them a JSON Lines file of 6 reports.
SAMPLE_REPORTS = 20
SAMPLE_JSONL_REPORTS = 6
#: Every stage but spaCy's: fast enough for tests that are not marked slow.
RULE_STAGES = ("clean.segment.v1", "places.gazetteer.v1", "dates.timex.v1", "events.rules.v1")


@dataclass(frozen=True)
class Ran:
    """How a ``kirok`` run ended."""

    code: int
    stdout: str
    stderr: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


RunKirok = Callable[..., Ran]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A database and a key file of this test's own."""
    return Settings(db_path=tmp_path / "kirok.db", key_file=tmp_path / "keys" / "secret.key")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (with spaCy), built once per session: only for slow tests."""
    return build_pipeline(Settings())


@pytest.fixture(scope="session")
def rule_pipeline() -> Pipeline:
    """The default pipeline without the spaCy stage, for fast tests of the ingest runner."""
    return build_pipeline(Settings(), RULE_STAGES)


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def run_in_process(settings: Settings, args: Sequence[str], stdin: str | bytes | None = None) -> Ran:
    """``kirok --db ... --key-file ... ARGS`` through :func:`kirok.cli.main`, output captured."""
    argv = ["--db", str(settings.db_path), "--key-file", str(settings.key_file), *args]
    runner = CliRunner()
    env = {"KIROK_DB": str(settings.db_path), "KIROK_KEY_FILE": str(settings.key_file)}
    with runner.isolation(input=stdin, env=env) as (out, err, _):
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc)
        return Ran(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def kirok(settings: Settings, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> RunKirok:
    """Run the CLI in-process against ``settings``: ``kirok("ingest", path, stdin=None)``.

    Commands that need a pipeline get the session's default pipeline (so spaCy loads once); asking
    for it makes the test need the ``slow`` mark.
    """

    def shared_pipeline(_settings: Settings) -> Pipeline:
        if request.node.get_closest_marker("slow") is None:
            raise AssertionError("a test that runs the pipeline must be marked slow")
        built: Pipeline = request.getfixturevalue("pipeline")
        return built

    monkeypatch.setattr("kirok.cli._pipeline", shared_pipeline)

    def run(*args: str | Path, stdin: str | bytes | None = None) -> Ran:
        return run_in_process(settings, [str(a) for a in args], stdin)

    return run


@pytest.fixture
def kirok_on() -> Callable[[Settings], RunKirok]:
    """A runner like :func:`kirok` bound to other settings (e.g. :func:`samples_db`); no pipeline."""

    def bind(other: Settings) -> RunKirok:
        def run(*args: str | Path, stdin: str | bytes | None = None) -> Ran:
            return run_in_process(other, [str(a) for a in args], stdin)

        return run

    return bind


def kirok_command() -> list[str]:
    """The installed ``kirok`` script beside this Python, or ``python -m kirok`` without one."""
    script = Path(sys.executable).with_name("kirok")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kirok"]


def process_env(settings: Settings) -> dict[str, str]:
    """The environment for a ``kirok`` process: database and key file in the test's folder."""
    return {**os.environ, "KIROK_DB": str(settings.db_path), "KIROK_KEY_FILE": str(settings.key_file)}


@pytest.fixture
def kirok_process(settings: Settings) -> RunKirok:
    """Run the real ``kirok`` program as a process: ``kirok_process("ingest", path, stdin=None)``."""

    def run(*args: str | Path, stdin: str | bytes | None = None) -> Ran:
        argv = [*kirok_command(), "--db", str(settings.db_path), "--key-file", str(settings.key_file)]
        data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
        done = subprocess.run(
            [*argv, *(str(a) for a in args)],
            input=data,
            capture_output=True,
            env=process_env(settings),
            timeout=600,
            check=False,
        )
        return Ran(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    return run


@pytest.fixture
def open_db(settings: Settings) -> Callable[[], SQLiteStore]:
    """Open this test's database (use it in a ``with`` block)."""
    return lambda: SQLiteStore(settings.db_path, key_file=settings.key_file)


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory, rule_pipeline: Pipeline) -> Iterator[Settings]:
    """A database holding the bundled samples, ingested once without spaCy (for read-only use).

    ``kirok events`` and ``kirok export`` only read the store, so their tests need no spaCy.
    """
    from kirok.ingest import IngestDefaults
    from kirok.ingestion import ingest_paths

    base = tmp_path_factory.mktemp("samples-db")
    shared = Settings(db_path=base / "kirok.db", key_file=base / "secret.key")
    with SQLiteStore(shared.db_path, key_file=shared.key_file) as store:
        summary = ingest_paths([SAMPLES], IngestDefaults(), store, rule_pipeline)
    assert (summary.added, summary.problems) == (SAMPLE_REPORTS, []), summary
    yield shared


# ------------------------------------------------------------------------------- inputs we write

GOOD_TEXT = (
    "Market guards in Kangso search traders for foreign phones\n\n"
    "Guards at the Kangso market in Chongjin detained two traders on March 3 after finding Chinese "
    "mobile phones in their stalls, a source in North Hamgyong Province said. The source said the "
    "traders were taken to the city's state security department.\n"
)
GOOD_HTML = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Kyongsong farm</title>"
    "<meta property='article:published_time' content='2022-05-10'></head><body><article>"
    "<h1>Farm workers called to a night meeting in Kyongsong</h1>"
    "<p>Officials in Kyongsong County ordered every farm worker to attend a night meeting on May 4, "
    "a source in the county said.</p>"
    "<p>Workers who stayed away were fined, the source said.</p></article></body></html>"
)


@dataclass(frozen=True)
class Inputs:
    """A folder of input files: which ones should load, and the problem origins they should give."""

    folder: Path
    good: tuple[Path, ...]  # whole files that become one report each
    good_jsonl_lines: int  # good lines in the JSON Lines files
    problems: tuple[str, ...]  # the origin of every expected problem, sorted

    @property
    def good_reports(self) -> int:
        return len(self.good) + self.good_jsonl_lines


def drawing_only_pdf() -> bytes:
    """A scan-like PDF: one filled rectangle, no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(80, 80, 80)
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def text_pdf(lines: Sequence[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, Latin-1 only)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def jsonl_line(text: str, **fields: str) -> str:
    import json

    return json.dumps({"text": text, **fields}, ensure_ascii=False)


def write_bad_inputs(folder: Path) -> Inputs:
    """Every kind of broken input, beside good ones, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, content: bytes | str) -> Path:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    good_txt = write("good.txt", GOOD_TEXT)
    write("good.txt.meta.json", '{"published": "the day after the fair", "outlet": "Test Desk"}')
    good_html = write("good.html", GOOD_HTML)
    write("empty.txt", b"")
    write("junk.txt", bytes(range(256)) * 4)
    write("latin1.txt", "Caf\u00e9 owners in Sinuiju were fined, a source said.\n".encode("latin-1"))
    write(
        "cp949.txt",
        "\ud61c\uc0b0 \uc2dc\uc7a5\uc5d0\uc11c \ub2e8\uc18d\uc774 \uc788\uc5c8\ub2e4.\n".encode("cp949"),
    )
    write(
        "no-article.html",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    write("scan.pdf", drawing_only_pdf())
    lines = [
        jsonl_line(
            "Police in Manpo searched homes for foreign videos on June 2, a source said.",
            published="2022-06-09",
        ),
        "{this line is not JSON",
        '{"title": "a line without its text"}',
        jsonl_line(
            "Guards in Kanggye stopped traders at the bridge, a source said.", published="next Tuesday-ish"
        ),
        jsonl_line(
            "Students in Hyesan were sent to a farm for two weeks, a source said.", published="2022-06-10"
        ),
    ]
    mixed = write("mixed.jsonl", "\n".join(lines) + "\n")
    problems = sorted(
        [
            str(folder / "good.txt.meta.json"),
            str(folder / "empty.txt"),
            str(folder / "junk.txt"),
            str(folder / "latin1.txt"),
            str(folder / "cp949.txt"),
            str(folder / "no-article.html"),
            str(folder / "scan.pdf"),
            f"{mixed}:2",
            f"{mixed}:3",
            f"{mixed}:4",
        ]
    )
    return Inputs(folder, (good_txt, good_html), 2, tuple(problems))


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Inputs:
    return write_bad_inputs(tmp_path / "inputs")
