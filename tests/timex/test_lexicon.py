"""The lexicon file loads, compiles and is read once."""

from __future__ import annotations

import json
from importlib import resources

import kirok.timex
from kirok.timex import load_lexicon
from kirok.timex.lexicon import Lexicon


def test_loads_once() -> None:
    assert load_lexicon() is load_lexicon()
    assert isinstance(load_lexicon(), Lexicon)


def test_every_rule_compiles_and_has_a_known_kind() -> None:
    kinds = {"date", "deictic", "reference", "relative", "offset", "duration", "set", "clock", "bc"}
    lexicon = load_lexicon()
    assert lexicon.rules
    assert {r.kind for r in lexicon.rules} <= kinds
    assert len({r.name for r in lexicon.rules}) == len(lexicon.rules)


def test_file_is_plain_json_with_rules() -> None:
    data = json.loads(resources.files("kirok.data").joinpath("timex_lexicon.json").read_text("utf-8"))
    assert {"months", "weekdays", "seasons", "numbers", "units", "modifiers", "rules"} <= set(data)
    assert data["months"]["sept"] == 9


def test_numbers() -> None:
    lexicon = load_lexicon()
    assert lexicon.number("40") == 40
    assert lexicon.number("twenty-five") == 25
    assert lexicon.number("several") == "X"
    assert lexicon.number("2.5") == 2.5
    assert lexicon.number("1,000") == 1000


def test_month_names_need_a_capital() -> None:
    regex = {r.name: r.regex for r in load_lexicon().rules}["month"]
    assert regex.search("in March") is not None
    assert regex.search("in march") is None


def test_all_is_exported() -> None:
    for name in kirok.timex.__all__:
        assert hasattr(kirok.timex, name)
