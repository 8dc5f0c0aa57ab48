"""The ``kirok`` command: a thin layer over the library. Every failure is one clear line, no traceback."""

from __future__ import annotations

import codecs
import dataclasses
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import click

from kirok import __version__
from kirok.cli_users import user
from kirok.errors import ConfigError, ExportError, KirokError
from kirok.model import EventType, ReviewStatus
from kirok.settings import Settings
from kirok.store.base import EventFilter

__all__ = ["main"]

EXIT_PROBLEMS = 1


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD (e.g. 2021-10-22)") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kirok")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KIROK_DB",
    default="kirok.db",
    show_default=True,
    help="The SQLite database file.",
)
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KIROK_KEY_FILE",
    help="Key that encrypts sensitive fields (default: ~/.config/kirok/secret.key).",
)
@click.pass_context
def cli(ctx: click.Context, db: Path, key_file: Path | None) -> None:
    """Kirok: turn reports from North Korea into a verifiable record of events."""
    ctx.obj = Settings.from_env(db_path=db, key_file=key_file, today=date.today())


def _open_store(settings: Settings) -> Any:
    from kirok.store import open_store

    return open_store(settings)


def _pipeline(settings: Settings) -> Any:
    from kirok.pipeline.registry import build_pipeline

    if settings.stages:
        return build_pipeline(settings, settings.stages)
    return build_pipeline(settings)


# ------------------------------------------------------------------------------------------- ingest


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--published", callback=_date_option, help="Publication date (YYYY-MM-DD) when a file does not say."
)
@click.option("--outlet", help="Outlet when a file does not say.")
@click.option("--language", help="Language code (en, ko) when a file does not say.")
@click.option("--url", help="URL when a file does not say.")
@click.option("--encoding", help="Text encoding of .txt/.html files that are not UTF-8 (e.g. cp949).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def ingest(
    settings: Settings,
    paths: tuple[Path, ...],
    published: date | None,
    outlet: str | None,
    language: str | None,
    url: str | None,
    encoding: str | None,
    quiet: bool,
) -> None:
    """Ingest report files and folders (.txt, .html, .pdf, .jsonl) into the database."""
    from kirok.ingest import IngestDefaults
    from kirok.ingestion import IngestSummary, count_reports, ingest_paths

    defaults = IngestDefaults(
        published=published, outlet=outlet, language=language, url=url, encoding=encoding
    )
    total = count_reports(list(paths))
    pipeline = _pipeline(settings)
    with _open_store(settings) as store:
        show = not quiet and total >= 50 and sys.stderr.isatty()
        with click.progressbar(length=total, label="ingesting", file=sys.stderr, hidden=not show) as bar:

            def progress(so_far: IngestSummary) -> None:
                done = so_far.added + so_far.duplicates + len(so_far.problems)
                bar.update(max(0, min(done, total) - bar.pos))

            summary = ingest_paths(
                list(paths),
                defaults,
                store,
                pipeline,
                batch_size=settings.batch_size,
                on_progress=progress,
            )
    for problem in summary.problems:
        click.echo(f"kirok: {problem}", err=True)
    click.echo(
        f"{summary.added} report(s) added with {summary.events} event(s), {summary.duplicates} "
        f"already stored, {len(summary.problems)} problem(s); database {settings.db_path}",
        err=True,
    )
    if summary.problems:
        sys.exit(EXIT_PROBLEMS)


# ------------------------------------------------------------------------------------------ extract


def _jsonl_record(raw: bytes, n: int) -> dict[str, Any]:
    """One stdin line as a JSON object with a string ``text``; ``ValueError`` saying what is wrong."""
    line = raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
        ) from None
    rec = json.loads(decoded)
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise _LineError("each line must be a JSON object with a string 'text'", rec)
    for name in ("language", "outlet", "url"):
        if rec.get(name) is not None and not isinstance(rec[name], str):
            raise _LineError(f"{name!r} must be a string, not {type(rec[name]).__name__}", rec)
    return rec


class _LineError(ValueError):
    """A line that is JSON but not a report; keeps the record so the error output can carry its id."""

    def __init__(self, message: str, record: object) -> None:
        super().__init__(message)
        self.record = record


def _jsonl_docs(stream: BinaryIO, errors: list[dict[str, Any]]) -> Iterator[tuple[str, Any]]:
    from kirok.pipeline.doc import Doc

    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            rec = _jsonl_record(raw.rstrip(b"\r\n"), n)
        except ValueError as exc:
            click.echo(f"kirok: stdin:{n}: {exc}", err=True)
            record = exc.record if isinstance(exc, _LineError) else None
            has_id = isinstance(record, dict) and record.get("id") is not None
            doc_id = str(record["id"]) if has_id and isinstance(record, dict) else f"line-{n}"
            errors.append({"id": doc_id, "error": str(exc), "events": [], "timexes": []})
            continue
        doc_id = str(rec["id"]) if rec.get("id") is not None else f"line-{n}"
        published = None
        if rec.get("published"):
            try:
                published = date.fromisoformat(str(rec["published"])[:10])
            except ValueError:
                click.echo(
                    f"kirok: stdin:{n}: published {rec['published']!r} is not a date; "
                    "relative dates stay unresolved",
                    err=True,
                )
        doc = Doc(
            text=rec["text"],
            report_id=doc_id,
            published=published,
            language=rec.get("language") or "en",
            outlet=rec.get("outlet"),
            url=rec.get("url"),
        )
        yield doc_id, doc


@cli.command()
@click.option(
    "--jsonl",
    "jsonl",
    is_flag=True,
    required=True,
    help="Read one JSON report per line on stdin, write one result per line on stdout.",
)
@click.option("--include-sensitive", is_flag=True, help="Include victims' names in the output.")
@click.option(
    "--stages",
    help="Comma-separated pipeline stages to run instead of the default pipeline, e.g. "
    "clean.segment.v1,dates.timex.v1 (checked when the pipeline is built).",
)
@click.pass_obj
def extract(settings: Settings, jsonl: bool, include_sensitive: bool, stages: str | None) -> None:
    """Extract events without a database (the contract of shared/eval/README.md)."""
    from kirok.extract import extract_docs, to_contract

    if stages:
        names = tuple(n.strip() for n in stages.split(",") if n.strip())
        settings = dataclasses.replace(settings, stages=names)
    pipeline = _pipeline(settings)
    errors: list[dict[str, Any]] = []
    pairs = list(_jsonl_docs(sys.stdin.buffer, errors))
    out = sys.stdout
    for (doc_id, _), doc in zip(
        pairs, extract_docs(pipeline, (d for _, d in pairs), settings.batch_size), strict=True
    ):
        out.write(
            json.dumps(to_contract(doc, doc_id, include_sensitive=include_sensitive), ensure_ascii=False)
        )
        out.write("\n")
    for err in errors:
        out.write(json.dumps(err) + "\n")
    out.flush()


# ------------------------------------------------------------------------------------ events/export


def _event_filter(
    types: Sequence[str],
    place: str | None,
    date_from: date | None,
    date_to: date | None,
    text: str | None,
    status: Sequence[str],
    province: str | None = None,
    perpetrator: str | None = None,
) -> EventFilter:
    return EventFilter(
        types=tuple(EventType(t) for t in types),
        place=place,
        province=province,
        perpetrator=perpetrator,
        date_from=date_from,
        date_to=date_to,
        text=text,
        statuses=tuple(ReviewStatus(s) for s in status),
    )


def _filter_options(f: Any) -> Any:
    f = click.option("--status", multiple=True, type=click.Choice([s.value for s in ReviewStatus]))(f)
    f = click.option("--text", "-q", "text", help="Full-text search over evidence and report text.")(f)
    f = click.option("--to", "date_to", callback=_date_option, help="Events overlapping up to this date.")(f)
    f = click.option("--from", "date_from", callback=_date_option, help="Events overlapping from this date.")(
        f
    )
    f = click.option("--perpetrator", help="Part of a perpetrator's name, any case.")(f)
    f = click.option("--province", help="The province of the event's place, e.g. 'North Hamgyong'.")(f)
    f = click.option("--place", help="Place name, gazetteer id or admin unit (province, county).")(f)
    f = click.option("--type", "types", multiple=True, type=click.Choice([t.value for t in EventType]))(f)
    return f


@cli.command()
@_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def events(
    settings: Settings,
    types: tuple[str, ...],
    place: str | None,
    date_from: date | None,
    date_to: date | None,
    text: str | None,
    status: tuple[str, ...],
    province: str | None,
    perpetrator: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List stored events, filtered by type, place, province, perpetrator, date range, status and text."""
    from kirok.extract import event_json
    from kirok.render import event_table

    flt = _event_filter(types, place, date_from, date_to, text, status, province, perpetrator)
    with _open_store(settings) as store:
        found = store.list_events(flt, limit=limit)
        total = store.count_events(flt)
    if fmt == "json":
        click.echo(json.dumps([event_json(e) for e in found], ensure_ascii=False, indent=1))
    else:
        click.echo(event_table(found))
        click.echo(f"{len(found)} of {total} event(s)", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "geojson"]), required=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout)."
)
@click.option("--include-sensitive", is_flag=True, help="Include victims' names (keep such files protected).")
@_filter_options
@click.pass_obj
def export(
    settings: Settings,
    fmt: str,
    output: Path | None,
    include_sensitive: bool,
    types: tuple[str, ...],
    place: str | None,
    date_from: date | None,
    date_to: date | None,
    text: str | None,
    status: tuple[str, ...],
    province: str | None,
    perpetrator: str | None,
) -> None:
    """Export events as CSV, JSON or GeoJSON."""
    from kirok.export import get_exporter

    flt = _event_filter(types, place, date_from, date_to, text, status, province, perpetrator)
    exporter = get_exporter(fmt)
    with _open_store(settings) as store:
        found = list(store.iter_events(flt))
        reports = {rid: r for rid in {e.report_id for e in found} if (r := store.get_report(rid)) is not None}
    if output is None:
        n = exporter.write(found, reports, sys.stdout, include_sensitive=include_sensitive)
    else:
        try:
            fh = output.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"cannot write the file ({exc.strerror or exc})", origin=str(output)) from None
        with fh:
            n = exporter.write(found, reports, fh, include_sensitive=include_sensitive)
    skipped = getattr(exporter, "skipped", 0)
    note = f" ({skipped} without coordinates left out)" if skipped else ""
    click.echo(f"{n} event(s) exported as {fmt}" + (f" to {output}" if output else "") + note, err=True)


# ------------------------------------------------------------------------------------------- serve


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the web app (reports, events, evidence) at http://HOST:PORT."""
    try:
        import uvicorn

        from kirok.web import create_app
        from kirok.web.upload import UploadConfig, configure_upload
    except ImportError as exc:
        raise ConfigError("the web app needs Kirok's 'web' extra (fastapi, uvicorn, jinja2)") from exc
    from kirok.auth import AuthPolicy, open_auth
    from kirok.cli_users import announce_first_admin

    store = _open_store(settings)
    auth = open_auth(settings, AuthPolicy.from_env())
    try:
        announce_first_admin(auth)
        click.echo(f"Kirok serving {settings.db_path} at http://{host}:{port}", err=True)
        app = create_app(store, auth)
        configure_upload(app, UploadConfig(settings))  # browser uploads run the CLI's stages and model
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        auth.close()
        store.close()


cli.add_command(user)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="kirok", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kirok: aborted", err=True)
        sys.exit(130)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        click.echo(f"kirok: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KirokError as exc:
        click.echo(f"kirok: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # a file that vanished or cannot be read or written: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"kirok: {where}{exc.strerror or exc}", err=True)
        sys.exit(2)
