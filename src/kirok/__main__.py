"""``python -m kirok``: the same program as the ``kirok`` command."""

from __future__ import annotations

from kirok.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    main()
