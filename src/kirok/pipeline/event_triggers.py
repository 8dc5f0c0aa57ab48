"""Trigger matching with spaCy's ``Matcher``: where in a report each trigger of the event rules matches.

The token patterns come from ``rules/events.json`` (compiled by :mod:`kirok.pipeline.event_rules`). A
report that went through the spaCy stage is matched on its parse (``doc.extras["spacy"]``): lemmas, parts
of speech and tags from the model. A report without a parse (a hand-built test doc, a pipeline without
the spaCy stage) is cut into tokens by spaCy's blank English tokenizer, given the lemmas the rules know
(their regular and listed irregular forms), and matched by patterns without their part-of-speech and tag
conditions. The matchers are built once per vocabulary and reused for every report.

Running a hundred-odd patterns over every token is most of the stage's time, so the matcher runs only on
the sentences that hold, for at least one pattern, a word of each of its required tokens.
"""

from __future__ import annotations

from collections import defaultdict
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
        self._matchers: dict[bool, tuple[Any, Any]] = {}
        self.requirements = {required_words(p) for t in rules.triggers for p in t.patterns}
        self.vocabulary = frozenset(w for need in self.requirements for words in need for w in words)

    def _matcher(self, vocab: Any, parsed: bool) -> Any:
        cached = self._matchers.get(parsed)
        if cached is not None and cached[0] is vocab:
            return cached[1]
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)

        def form(p: TokenPattern) -> list[dict[str, Any]]:
            return [dict(spec) for spec in p] if parsed else without_parse(p)

        for trig in self.rules.triggers:
            matcher.add(trig.id, [form(p) for p in trig.patterns])
            if trig.unless:
                matcher.add(trig.id + _UNLESS, [form(p) for p in trig.unless])
        self._matchers[parsed] = (vocab, matcher)
        return matcher

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
        the rules know for them; the stage's own copy, so the report's parse is not changed."""
        forms = self.rules.lemma_forms
        wrong = [
            t.i for t in parsed if t.lemma_.lower() == t.lower_ and forms.get(t.lower_, t.lower_) != t.lower_
        ]
        if not wrong:
            return parsed
        sdoc = parsed.copy()
        for i in wrong:
            sdoc[i].lemma_ = forms[sdoc[i].lower_]
        return sdoc

    def _worth_matching(self, sdoc: Any, sentences: Sequence[tuple[int, int]] | None) -> list[Any]:
        """The stretches of the doc worth matching: the sentences where some pattern finds every word it
        requires."""
        if sentences is None:
            return [sdoc[:]]
        vocabulary = self.vocabulary
        known = [
            (t.idx, {w for w in (t.lower_, t.lemma_) if w in vocabulary})
            for t in sdoc
            if t.lower_ in vocabulary or t.lemma_ in vocabulary
        ]
        spans = []
        for start, end in sentences:
            words = {w for i, ws in known if start <= i < end for w in ws}
            if words and any(all(need & words for need in req) for req in self.requirements):
                span = sdoc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(span)
        return spans

    def find(
        self, sdoc: Any, parsed: bool, sentences: Sequence[tuple[int, int]] | None = None
    ) -> list[TriggerMatch]:
        """Every match of every trigger that no ``unless`` pattern of its own turns away, by position;
        with ``sentences`` (character ranges), only matches inside one of them are looked for."""
        strings = sdoc.vocab.strings
        found: list[tuple[str, int, int]] = []
        vetoes: dict[str, list[tuple[int, int]]] = defaultdict(list)
        matcher = self._matcher(sdoc.vocab, parsed)
        hits = [
            (match.label, match.start, match.end)
            for span in self._worth_matching(sdoc, sentences)
            for match in matcher(span, as_spans=True)
        ]
        for match_id, start, end in hits:
            key = strings[match_id]
            if key.endswith(_UNLESS):
                vetoes[key[: -len(_UNLESS)]].append((start, end))
            else:
                found.append((key, start, end))
        matches = [
            TriggerMatch(self.by_id[key], sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1]), start, end)
            for key, start, end in found
            if not any(s < end and start < e for s, e in vetoes.get(key, ()))
        ]
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches
