"""Which files to read: files as given, folders walked recursively in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from kirok.ingest.loaded import IngestProblem

__all__ = ["SUPPORTED_SUFFIXES", "discover", "unsupported_message"]

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".jsonl")


def discover(paths: Sequence[Path]) -> Iterator[Path | IngestProblem]:
    """The files to read under ``paths``, each once, or a problem for a path that cannot be read.

    A file given explicitly must have a supported suffix; inside folders, other files (and hidden
    files and folders, such as ``.git``) are passed over silently. Folder contents come sorted by path.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                if _first_time(file, seen):
                    yield file
            if not found:
                yield IngestProblem(str(path), f"no {_suffix_list()} files in this folder")
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield IngestProblem(str(path), unsupported_message(path))
            elif _first_time(path, seen):
                yield path
        elif path.exists():
            yield IngestProblem(str(path), "not a regular file or folder; give a file or a folder of files")
        else:
            yield IngestProblem(str(path), "no such file or folder")


def unsupported_message(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
    return f"unsupported file type {kind}; Kirok reads {_suffix_list()} (convert it first)"


def _walk(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for directory, folders, files in os.walk(folder, followlinks=False):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(directory)
        found += [
            base / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        ]
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)


def _first_time(path: Path, seen: set[Path]) -> bool:
    key = path.resolve()
    if key in seen:
        return False
    seen.add(key)
    return True


def _suffix_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES[:-1]) + " or " + SUPPORTED_SUFFIXES[-1]
