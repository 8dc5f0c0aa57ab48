"""Place-name keys that fold romanisation variants together.

North Korean place names reach English reports in several spellings: McCune-Reischauer with and without
diacritics (``Hoeryŏng``, ``Hoeryong``), South Korean Revised Romanisation (``Hoeryeong``), the DPRK's own
system (``Jangphung``), older outlet spellings (``Hoiryeong``, ``North Hamkyung``) and hangul in both
North and South Korean spelling (``룡강``/``용강``). :func:`name_key` maps all of them to one key, so the
gazetteer can index a name once and find it however it is written.

The variant tables live in ``kirok/data/romanization.json``; this module only applies them. A name is
split into tokens; a token's key is computed alone (:func:`token_key`), and a name's key is the keys of
its tokens joined, without trailing administrative suffixes (``-si``, ``County``, ``-dong``...) and with
a direction (``North``, ``-bukto``) moved to the end. The place stage uses the same pieces to match
running text token by token, so a name and the words that spell it always get the same key.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "NameParts",
    "RomanizationTables",
    "TOKEN_RE",
    "is_hangul",
    "hangul_kind",
    "join_keys",
    "light_form",
    "load_tables",
    "name_key",
    "name_parts",
    "south_korean_spelling",
    "token_key",
    "word_spans",
]

#: A word: letters (any script) with inner apostrophes (``P'yŏngyang``), or a number (``Camp 15``).
TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’‘ʼ`](?=[^\W\d_]))*|\d+")

_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`")
#: A consonant written twice before a vowel where two keys meet ("Hyong" + "gwon" -> "hyonk" + "kwon"):
#: one is enough, as the ``latin_rules`` of ``romanization.json`` have it inside a word.
_DOUBLED = re.compile(r"([b-df-hj-mp-tv-z])\1(?=[aeiouwy])")
_HANGUL_BASE, _HANGUL_LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"


@dataclass(frozen=True, slots=True)
class RomanizationTables:
    """The variant tables of ``romanization.json``, compiled."""

    word_suffixes: dict[str, str]
    bound_suffixes: dict[str, str]
    direction_words: dict[str, str]
    direction_suffixes: dict[str, str]
    latin_rules: tuple[tuple[re.Pattern[str], str], ...]
    latin_initial_rules: tuple[tuple[re.Pattern[str], str], ...]
    hangul_suffixes: dict[str, str]
    spaced_bound_suffixes: frozenset[str]
    hangul_min_stem: int
    iotized: frozenset[int]
    rieul_before_iotized: int
    rieul_elsewhere: int
    nieun_before_iotized: int
    medial_rieul: int

    def suffix_kind(self, light: str) -> str | None:
        """The kind of administrative unit a suffix token names (``"county"`` for ``gun``), if any."""
        return (
            self.word_suffixes.get(light) or self.bound_suffixes.get(light) or self.hangul_suffixes.get(light)
        )


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name's key and the kind of unit its suffix names (``"city"`` for ``Hoeryong-si``)."""

    key: str
    kind: str | None


def _compile(rules: list[list[str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in rules)


@cache
def load_tables() -> RomanizationTables:
    """Read ``kirok/data/romanization.json`` once per process (it is read-only package data)."""
    text = resources.files("kirok").joinpath("data/romanization.json").read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    hangul = raw["hangul_initial"]
    return RomanizationTables(
        word_suffixes=dict(raw["word_suffixes"]),
        bound_suffixes=dict(raw["bound_suffixes"]),
        direction_words=dict(raw["direction_words"]),
        direction_suffixes=dict(raw["direction_suffixes"]),
        latin_rules=_compile(raw["latin_rules"]),
        latin_initial_rules=_compile(raw["latin_initial_rules"]),
        hangul_suffixes=dict(raw["hangul_suffixes"]),
        spaced_bound_suffixes=frozenset(raw["spaced_bound_suffixes"]),
        hangul_min_stem=int(raw["hangul_min_stem"]),
        iotized=frozenset(_VOWELS.index(v) for v in hangul["iotized_vowels"]),
        rieul_before_iotized=_INITIALS.index(hangul["rieul_before_iotized"]),
        rieul_elsewhere=_INITIALS.index(hangul["rieul_elsewhere"]),
        nieun_before_iotized=_INITIALS.index(hangul["nieun_before_iotized"]),
        medial_rieul=_INITIALS.index(hangul["medial_rieul"]),
    )


def is_hangul(text: str) -> bool:
    return any(_HANGUL_BASE <= ord(c) <= _HANGUL_LAST for c in text)


@cache
def light_form(token: str) -> str:
    """Lowercase, NFC for hangul; Latin without diacritics and apostrophes (``Sunch'ŏn`` -> ``sunchon``)."""
    if is_hangul(token):
        return unicodedata.normalize("NFC", token)
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_APOSTROPHES)


@cache
def token_key(token: str) -> str:
    """The key of one token: romanisation variants folded (``Hoeryeong`` and ``Hoeryŏng`` -> ``hoelyonk``)."""
    light = light_form(token)
    tables = load_tables()
    if is_hangul(light):
        return _hangul_key(light, tables)
    key = light
    for pattern, repl in tables.latin_rules:
        key = pattern.sub(repl, key)
    for pattern, repl in tables.latin_initial_rules:
        key = pattern.sub(repl, key)
    return key


def _hangul_key(word: str, tables: RomanizationTables) -> str:
    for suffix in tables.hangul_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= tables.hangul_min_stem:
            word = word[: -len(suffix)]
            break
    out: list[str] = []
    for i, ch in enumerate(word):
        code = ord(ch) - _HANGUL_BASE
        if not 0 <= code <= _HANGUL_LAST - _HANGUL_BASE:
            out.append(ch)
            continue
        initial, rest = divmod(code, 588)
        vowel = rest // 28
        rieul, nieun = _INITIALS.index("ㄹ"), _INITIALS.index("ㄴ")
        if i == 0 and initial == rieul:
            initial = tables.rieul_before_iotized if vowel in tables.iotized else tables.rieul_elsewhere
        elif i == 0 and initial == nieun and vowel in tables.iotized:
            initial = tables.nieun_before_iotized
        elif initial == rieul:
            initial = tables.medial_rieul
        out.append(chr(_HANGUL_BASE + initial * 588 + rest))
    return "".join(out)


def join_keys(left: str, right: str) -> str:
    """Two token keys joined as one word would be keyed: ``join_keys("hyonk", "kwon") == "hyonkwon"``.

    So "Kim Hyong Gwon" and "Kimhyonggwon" share a key; joining is associative, so a scanner can join
    keys one token at a time.
    """
    if left and right and _DOUBLED.match(left[-1] + right[:2]):
        return left + right[1:]
    return left + right


def south_korean_spelling(word: str) -> str:
    """The South Korean spelling of a hangul name (initial-sound rule, 두음법칙): 룡천 -> 용천, 녕변 -> 영변.

    Only the first syllable changes; a Southern or non-hangul word comes back unchanged. The gazetteer
    stores the Northern spelling; both spellings share a key (:func:`token_key`).
    """
    word = unicodedata.normalize("NFC", word)
    code = ord(word[0]) - _HANGUL_BASE if word else -1
    if not 0 <= code <= _HANGUL_LAST - _HANGUL_BASE:
        return word
    tables = load_tables()
    initial, rest = divmod(code, 588)
    vowel = rest // 28
    if initial == _INITIALS.index("ㄹ"):
        initial = tables.rieul_before_iotized if vowel in tables.iotized else tables.rieul_elsewhere
    elif initial == _INITIALS.index("ㄴ") and vowel in tables.iotized:
        initial = tables.nieun_before_iotized
    return chr(_HANGUL_BASE + initial * 588 + rest) + word[1:]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as (start, end, word); a possessive "'s" is not part of the word."""
    out = []
    for m in TOKEN_RE.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if len(word) > 3 and word[-2] in "'’" and word[-1] == "s":
            end, word = end - 2, word[:-2]
        out.append((start, end, word))
    return out


@cache
def name_parts(name: str) -> NameParts:
    """Key and suffix kind of a name: ``"Hamgyong-bukto"`` -> ``NameParts("hamkyonkpuk", "province")``."""
    tables = load_tables()
    tokens = [w for _, _, w in word_spans(unicodedata.normalize("NFC", name))]
    lights = [light_form(t) for t in tokens]
    direction = ""
    if len(tokens) > 1 and lights[0] in tables.direction_words:
        direction = tables.direction_words[lights[0]]
        tokens, lights = tokens[1:], lights[1:]
    kind: str | None = None
    while len(tokens) > 1:
        if (found := tables.suffix_kind(lights[-1])) is not None:
            kind = kind or found
        elif lights[-1] in tables.direction_suffixes and not direction:
            direction = tables.direction_suffixes[lights[-1]]
            kind = kind or "province"
        else:
            break
        tokens, lights = tokens[:-1], lights[:-1]
    key = ""
    for token in tokens:
        key = join_keys(key, token_key(token))
    key += direction
    if kind is None and direction:
        kind = "province"
    if kind is None and tokens and is_hangul(tokens[-1]):
        kind = hangul_kind(light_form(tokens[-1]))
    return NameParts(key, kind)


def hangul_kind(word: str) -> str | None:
    """The kind of unit a hangul word's suffix names: ``"city"`` for 회령시, ``None`` for 회령."""
    tables = load_tables()
    for suffix in tables.hangul_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= tables.hangul_min_stem:
            return tables.hangul_suffixes[suffix]
    return None


def name_key(name: str) -> str:
    """One key for every spelling of a place name: ``name_key("Hoeryŏng-si") == name_key("Hoeryeong")``."""
    return name_parts(name).key
