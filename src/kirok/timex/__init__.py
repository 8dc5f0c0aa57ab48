"""Temporal expressions: find them in English text, normalise them to TIMEX3 and to date windows.

    >>> from datetime import date
    >>> [t.value for t in tag("He was arrested on Oct. 12 and released two days later.", date(2021, 10, 29))]
    ['2021-10-12', '2021-10-14']

The patterns and word lists live in ``kirok/data/timex_lexicon.json`` (see :mod:`kirok.timex.lexicon`).
"""

from __future__ import annotations

from kirok.timex.lexicon import Lexicon, load_lexicon
from kirok.timex.tagger import tag

__all__ = ["Lexicon", "load_lexicon", "tag"]
