"""Every user-visible failure of Kirok: a stable code and a message that names the input.

Callers catch :class:`KirokError` at the edge (CLI, web, batch) and print ``str(error)``: one line,
never a traceback.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExportError",
    "IngestError",
    "KirokError",
    "PipelineOrderError",
    "StoreError",
]


class KirokError(Exception):
    """Base class. ``code`` is stable across releases so scripts and tests can match on it."""

    code = "K000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.message = message
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.message} [{self.code}]"


class ConfigError(KirokError):
    """A setting, option or argument that cannot be used."""

    code = "K001"


class IngestError(KirokError):
    """An input file (or a line of one) that cannot become a report. ``origin`` names it."""

    code = "K100"


class PipelineOrderError(KirokError):
    """A pipeline whose stages do not fit together: found when the pipeline is built."""

    code = "K200"


class StoreError(KirokError):
    """The database cannot be opened, migrated or written."""

    code = "K300"


class ExportError(KirokError):
    """An export that cannot be written."""

    code = "K400"
