"""Kirok (기록, "record"): reports from North Korea turned into a verifiable record of events."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
