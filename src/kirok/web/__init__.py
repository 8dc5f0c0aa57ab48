"""The web app: reports, their text with evidence marked, and events, as HTML pages and JSON."""

from __future__ import annotations

from kirok.web.app import create_app

__all__ = ["create_app"]
