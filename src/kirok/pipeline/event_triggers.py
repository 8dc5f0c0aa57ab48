"""Trigger matching with spaCy's ``Matcher``: where in a report each trigger of the event rules matches.

The token patterns come from ``rules/events.json`` (compiled by :mod:`kirok.pipeline.event_rules`). A
report that went through the spaCy stage is matched on its parse (``doc.extras["spacy"]``): lemmas, parts
of speech and tags from the model. A report without a parse (a hand-built test doc, a pipeline without
the spaCy stage) is cut into tokens by spaCy's blank English tokenizer, given the lemmas the rules know
(their regular and listed irregular forms), and matched by patterns without their part-of-speech and tag
conditions. The matchers are built once per vocabulary and reused for every report.

Running some three hundred patterns over every token is most of the stage's time, so each trigger has its
own matcher, run only on the sentences that hold, for at least one of its patterns, a word of each of its
required tokens (half the stage's time on state media, with the same matches).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kirok.errors import ConfigError
from kirok.pipeline.doc import Doc
from kirok.pipeline.event_rules import EventRules, TokenPattern, Trigger

__all__ = ["TriggerMatch", "TriggerMatcher", "required_words", "without_parse"]

_PARSE_ATTRS = ("POS", "TAG", "DEP", "MORPH")
_UNLESS = "!unless"


def _words(spec: dict[str, Any]) -> frozenset[str]:
    value = spec.get("LOWER", spec.get("LEMMA"))
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and "IN" in value:
        return frozenset(value["IN"])
    return frozenset()


def required_words(pattern: TokenPattern) -> tuple[frozenset[str], ...]:
    """For each token a match cannot skip and that names words, those words (as text or lemma): a
    sentence that lacks one of them cannot match the pattern."""
    return tuple(w for spec in pattern if spec.get("OP") in (None, "+") and (w := _words(spec)))


@dataclass(frozen=True)
class TriggerMatch:
    """One match of a trigger: its characters in the report and its tokens in the spaCy doc."""

    trigger: Trigger
    start: int
    end: int
    token_start: int
    token_end: int


def without_parse(pattern: TokenPattern) -> list[dict[str, Any]]:
    """The pattern with its part-of-speech and tag conditions dropped (for reports without a parse)."""
    return [{k: v for k, v in spec.items() if k not in _PARSE_ATTRS} for spec in pattern]


class TriggerMatcher:
    """The rules' triggers in spaCy ``Matcher`` form, and the tokens of reports to run them on."""

    def __init__(self, rules: EventRules) -> None:
        self.rules = rules
        self.by_id = {t.id: t for t in rules.triggers}
        self._blank: Any = None
        self._matchers: dict[bool, tuple[Any, dict[str, tuple[Any, Any]]]] = {}
        #: for each trigger, the words each of its patterns requires
        self._needs = {t.id: frozenset(required_words(p) for p in t.patterns) for t in rules.triggers}
        self.vocabulary = frozenset(
            w for needs in self._needs.values() for need in needs for words in need for w in words
        )

    def _matchers_of(self, vocab: Any, parsed: bool) -> dict[str, tuple[Any, Any]]:
        """One ``Matcher`` per trigger (and one for its ``unless`` patterns, or ``None``), so a sentence is
        run only through the triggers whose words it holds."""
        cached = self._matchers.get(parsed)
        if cached is not None and cached[0] is vocab:
            return cached[1]
        from spacy.matcher import Matcher

        def form(p: TokenPattern) -> list[dict[str, Any]]:
            return [dict(spec) for spec in p] if parsed else without_parse(p)

        matchers: dict[str, tuple[Any, Any]] = {}
        for trig in self.rules.triggers:
            matcher = Matcher(vocab, validate=True)
            matcher.add(trig.id, [form(p) for p in trig.patterns])
            unless = None
            if trig.unless:
                unless = Matcher(vocab, validate=True)
                unless.add(trig.id + _UNLESS, [form(p) for p in trig.unless])
            matchers[trig.id] = (matcher, unless)
        self._matchers[parsed] = (vocab, matchers)
        return matchers

    def tokens_of(self, doc: Doc) -> tuple[Any, bool]:
        """The spaCy doc to match on, and whether it carries a parse."""
        parsed = doc.extras.get("spacy")
        if parsed is not None:
            return self._with_known_lemmas(parsed), True
        if self._blank is None:
            try:
                import spacy
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise ConfigError("the event stage needs spaCy; install Kirok with its 'nlp' extra") from exc
            self._blank = spacy.blank("en")
        sdoc = self._blank.make_doc(doc.text)
        forms = self.rules.lemma_forms
        for token in sdoc:
            token.lemma_ = forms.get(token.lower_, token.lower_)
        return sdoc, False

    def _with_known_lemmas(self, parsed: Any) -> Any:
        """A copy of the parse in which words the model left as they are ("swam", "fled") get the lemma
        the rules know for them, and names' lemmas are lower-cased ("Railway Station"); the stage's own
        copy, so the report's parse is not changed."""
        forms = self.rules.lemma_forms
        wrong: dict[int, str] = {}
        for t in parsed:
            lemma = forms.get(t.lower_)  # only words the rules know: most names need no copy of the doc
            if (
                lemma is not None
                and lemma != t.lemma_
                and (t.lemma_.lower() == t.lower_ or not t.lemma_.islower())
            ):
                wrong[t.i] = lemma  # "swam" left as it is; a name's lemma with capitals: "Station"
        if not wrong:
            return parsed
        sdoc = parsed.copy()
        for i, lemma in wrong.items():
            sdoc[i].lemma_ = lemma
        return sdoc

    def _worth_matching(
        self, sdoc: Any, sentences: Sequence[tuple[int, int]] | None
    ) -> list[tuple[Any, list[str]]]:
        """The stretches of the doc worth matching, each with the triggers worth running on it: those
        with a pattern whose every required word the sentence holds."""
        if sentences is None:
            return [(sdoc[:], list(self.by_id))]
        vocabulary = self.vocabulary
        known = [
            (t.idx, {w for w in (t.lower_, t.lemma_) if w in vocabulary})
            for t in sdoc
            if t.lower_ in vocabulary or t.lemma_ in vocabulary
        ]
        spans = []
        for start, end in sentences:
            words = {w for i, ws in known if start <= i < end for w in ws}
            if not words:
                continue
            ids = [
                key
                for key, needs in self._needs.items()
                if any(all(need & words for need in req) for req in needs)
            ]
            if ids:
                span = sdoc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append((span, ids))
        return spans

    def find(
        self, sdoc: Any, parsed: bool, sentences: Sequence[tuple[int, int]] | None = None
    ) -> list[TriggerMatch]:
        """Every match of every trigger that no ``unless`` pattern of its own turns away, by position;
        with ``sentences`` (character ranges), only matches inside one of them are looked for."""
        matchers = self._matchers_of(sdoc.vocab, parsed)
        matches: list[TriggerMatch] = []
        for span, ids in self._worth_matching(sdoc, sentences):
            for key in ids:
                matcher, unless = matchers[key]
                hits = matcher(span, as_spans=True)
                if not hits:
                    continue
                vetoes = [(v.start, v.end) for v in unless(span, as_spans=True)] if unless is not None else []
                trigger = self.by_id[key]
                matches.extend(
                    TriggerMatch(trigger, h.start_char, h.end_char, h.start, h.end)
                    for h in hits
                    if not any(s < h.end and h.start < e for s, e in vetoes)
                )
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches
