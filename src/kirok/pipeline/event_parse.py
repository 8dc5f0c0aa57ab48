"""The dependency parse around an event trigger: checks that turn it away, and the act's participants.

The event stage finds triggers with spaCy's ``Matcher`` (:mod:`kirok.pipeline.event_triggers`); when the
spaCy stage ran before it (``doc.extras["spacy"]``), these checks read the parse around each trigger and
turn away a trigger that is

- negated: the trigger verb has a ``neg`` child ("were not arrested", "never executed");
- told as possible or to come: a modal ``aux`` child ("will be sent", "could face") or "going to";
- under a condition: its clause carries a ``mark`` "if", "unless" or "whether";
- a category rather than an act: a participle modifying a noun ("people repatriated to the North",
  "those arrested last year"), unless that noun is the subject of another event verb.

A cue inside the trigger's own match belongs to the rule ("not allowed to leave", "must obtain a permit")
and is not held against it. The cues are found once per report with spaCy's ``DependencyMatcher``
(compiled once per :class:`TriggerParser`); spaCy is imported only when a parse is there to read.
:func:`participants` reads who did it (the agent) and to whom (the patient).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CHECKS",
    "Participants",
    "Phrase",
    "participants",
    "phrase_of",
    "EventVerbAt",
    "ParsedReport",
    "TriggerAt",
    "TriggerParser",
    "clause_verbs",
    "is_category",
    "is_conditional",
    "is_modal",
    "is_instruction_content",
    "is_negated",
]

#: Is there an event trigger over this character offset of the report? (asked for category checks)
EventVerbAt = Callable[[int], bool]

_MODALS = ["will", "would", "could", "might", "may", "should", "must", "shall", "can", "'ll", "wo", "ca"]
_CONDITIONS = ["if", "unless", "whether"]
#: Dependencies that keep a verb in the clause of its head: "were forced to work", "caught and sent back".
_SAME_CLAUSE = ("conj", "xcomp")
_OWN_SUBJECT = ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
_SUBJECT = ("nsubj", "nsubjpass")
_OWN_OBJECT = ("dobj", "ccomp", "nsubj")

_VERB = {"POS": {"IN": ["VERB", "AUX"]}}


def _child(dep: dict[str, Any], right_id: str = "cue", left_id: str = "verb") -> dict[str, Any]:
    return {"LEFT_ID": left_id, "REL_OP": ">", "RIGHT_ID": right_id, "RIGHT_ATTRS": dep}


#: name -> (kind of cue, dependency pattern); every pattern names a ``verb`` and a ``cue`` node
_PATTERNS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "negation.neg": ("negation", [{"RIGHT_ID": "verb", "RIGHT_ATTRS": _VERB}, _child({"DEP": "neg"})]),
    "modality.aux": (
        "modality",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": _VERB},
            _child({"DEP": {"IN": ["aux", "auxpass"]}, "LOWER": {"IN": _MODALS}}),
        ],
    ),
    "modality.going-to": (  # "they are going to be sent back": the verb is the xcomp of "going"
        "modality",
        [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "go", "TAG": "VBG"}},
            _child({"DEP": "xcomp"}, right_id="verb", left_id="cue"),
            _child({"LOWER": "to"}, right_id="to"),
        ],
    ),
    "condition.mark": (
        "condition",
        [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}}, _child({"DEP": "mark", "LOWER": {"IN": _CONDITIONS}})],
    ),
    "category.modifier": (  # the cue is the noun the participle modifies
        "category",
        [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {}},
            _child({"DEP": {"IN": ["acl", "amod"]}, "TAG": "VBN"}, right_id="verb", left_id="cue"),
        ],
    ),
}


@dataclass(frozen=True)
class TriggerAt:
    """One trigger match: its characters, the head token of what it covers, and the report around it."""

    start: int
    end: int
    sentence: tuple[int, int]  # the segmenter's sentence: spaCy may run a headline into the next one
    headline: bool  # headlines drop "was": "Ship captain executed in Nampho" states the act
    head: Any  # spaCy Token
    parse: ParsedReport
    event_verb_at: EventVerbAt

    def has_cue(self, kind: str, token: Any) -> bool:
        """Has ``token`` a cue of ``kind`` outside the trigger's own match?"""
        sdoc = self.parse.sdoc
        return any(not self.start <= sdoc[i].idx < self.end for i in self.parse.cues[kind].get(token.i, ()))


def clause_verbs(head: Any) -> Iterator[Any]:
    """The trigger and the verbs it shares a clause with, up to its clause's head.

    A conjunct without its own subject or auxiliary shares them with the verb before it ("were beaten and
    tortured"); an open complement shares its head's ("will be forced to work").
    """
    token = head
    yield token
    while token.dep_ in _SAME_CLAUSE and token.head is not token:
        if token.dep_ == "conj" and any(c.dep_ in _OWN_SUBJECT for c in token.children):
            return
        token = token.head
        yield token


def is_negated(trigger: TriggerAt) -> bool:
    """ "were not arrested", "never executed": the trigger verb (or the verb it shares) has a ``neg``."""
    return any(trigger.has_cue("negation", t) for t in clause_verbs(trigger.head))


def is_modal(trigger: TriggerAt) -> bool:
    """ "will be sent back", "could face", "are going to be executed": possible or still to come."""
    return any(trigger.has_cue("modality", t) for t in clause_verbs(trigger.head))


def is_conditional(trigger: TriggerAt) -> bool:
    """ "if they are caught", "whether he was executed": the trigger's clause has such a ``mark``."""
    return any(trigger.has_cue("condition", t) for t in clause_verbs(trigger.head))


def is_category(trigger: TriggerAt) -> bool:
    """ "people repatriated to the North", "those arrested last year": a kind of person, not an act.

    Kept as an act when the noun is itself the subject of another event verb ("two women repatriated
    from China were sent to a camp"), when it is counted ("about 20 people handed over"), in a headline
    ("Two traders arrested in Hyesan"), or when no other verb governs it in the sentence: then the
    participle is the only predicate there is. A participle with an object or a clause of its own is a
    misparsed main verb ("the command ordered on May 12 that ...").
    """
    nouns = trigger.parse.cues["category"].get(trigger.head.i, ())
    if trigger.headline or not nouns or any(c.dep_ in _OWN_OBJECT for c in trigger.head.children):
        return False
    noun = trigger.parse.sdoc[nouns[0]]
    verb = noun.head
    start, end = trigger.sentence
    if noun.dep_ == "ROOT" or not start <= verb.idx < end:
        return False
    counted = any(c.dep_ == "nummod" for c in noun.children)
    if counted and trigger.head.i > noun.i and trigger.head.dep_ == "acl":
        return False  # "among about 20 people handed over at the bridge": a group counted, not a kind
    return not (noun.dep_ in _SUBJECT and trigger.event_verb_at(verb.idx))


_INSTRUCTING = frozenset("tell order instruct direct urge ask demand require command call".split())
#: dependencies that lead from what is instructed up to the instructing verb
_INSTRUCTED = ("xcomp", "ccomp", "conj", "advcl", "prep", "pcomp", "pobj", "dobj")


def is_instruction_content(head: Any) -> bool:
    """ "It told schools to put every pupil to work", "telling every enterprise to send its staff to the
    farms": the act is what an active verb of instructing asks for (a directive), not an act told as done;
    "ordered that all pupils be sent" likewise; "were ordered to dig" (passive) tells that the people were
    made to do it."""
    # "ordered that all pupils be sent to farms", "demanded that every household send one adult"
    subjunctive = (
        any(c.dep_ in ("aux", "auxpass") and c.lower_ == "be" for c in head.children)
        or (head.tag_ == "VB" and not any(c.dep_ == "aux" for c in head.children))
        # the base form after a singular subject ("every household send"), which a tagger reads as VBP
        or (head.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in head.children))
    )
    token, steps = head, 0
    while token.dep_ in _INSTRUCTED and token.head is not token and steps < 4:
        below, token, steps = token, token.head, steps + 1
        infinitive = below.dep_ == "xcomp" or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in below.children
        )
        that_be = subjunctive and below.dep_ == "ccomp"
        if token.lemma_ in _INSTRUCTING and token.pos_ == "VERB" and (infinitive or that_be):
            return not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return False


_RELATIVE = ("WP", "WDT")


@dataclass(frozen=True)
class Phrase:
    """A participant's words: the characters of the whole phrase and of its head word, and its count."""

    start: int
    end: int
    head_start: int
    head_end: int
    head: str  # lower case: "women", "him"
    plural: bool = False
    count: str | None = None  # "two", "12": the number word the head carries


@dataclass(frozen=True)
class Participants:
    """Who did it and to whom, as the parse says."""

    agents: tuple[Phrase, ...] = ()
    patients: tuple[Phrase, ...] = ()


def phrase_of(token: Any) -> Phrase:
    """The noun phrase a parse token heads: its span, its text and the number that counts it, if any."""
    left, right = token.left_edge, token.right_edge
    count = next((c.lower_ for c in token.children if c.dep_ == "nummod"), None)
    return Phrase(
        start=left.idx,
        end=right.idx + len(right),
        head_start=token.idx,
        head_end=token.idx + len(token),
        head=token.lower_,
        plural=token.tag_ in ("NNS", "NNPS"),
        count=count,
    )


def _resolve(token: Any) -> Any:
    """ "two men who were arrested": the relative pronoun stands for the noun its clause modifies."""
    if token.tag_ in _RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def participants(head: Any) -> Participants:
    """The agent (``nsubj``, or the ``by`` of a passive) and the patient (``dobj``, ``nsubjpass``) of a
    trigger whose head is ``head``; a verb without a subject of its own shares its head's ("were beaten
    and tortured", "forced to work"). A noun trigger takes "of" as its patient and "by" as its agent
    ("the arrest of two traders by the police"); a participle modifying a noun makes it the patient
    ("two women repatriated from China")."""
    agents: list[Any] = []
    patients: list[Any] = []
    for verb in clause_verbs(head):
        for child in verb.children:
            if child.dep_ == "nsubj" and not agents and not (head.pos_ == "NOUN" and verb is head):
                agents.append(_resolve(child))
            elif child.dep_ == "agent" or (child.lower_ == "by" and head.pos_ == "NOUN" and verb is head):
                agents.extend(_resolve(g) for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in ("dobj", "nsubjpass") and not (child.dep_ == "dobj" and verb is not head):
                patients.append(_resolve(child))
            elif child.dep_ == "prep" and child.lower_ == "of" and verb is head and head.pos_ == "NOUN":
                patients.extend(g for g in child.children if g.dep_ == "pobj")
        if agents and patients:
            break
    if not patients and head.dep_ in ("acl", "amod") and head.pos_ == "VERB":
        patients.append(head.head)
    return Participants(
        tuple(phrase_of(t) for t in dict.fromkeys(agents)),
        tuple(phrase_of(t) for t in dict.fromkeys(patients)),
    )


#: The checks in the order they are asked; each names the reason a trigger is not an event.
CHECKS: dict[str, Callable[[TriggerAt], bool]] = {
    "negation": is_negated,
    "modality": is_modal,
    "condition": is_conditional,
    "category": is_category,
}


class TriggerParser:
    """The dependency patterns of the checks, compiled once and reused for every report."""

    def __init__(self, checks: Sequence[str] = tuple(CHECKS)) -> None:
        self.checks = tuple((name, CHECKS[name]) for name in checks)
        self._vocab: Any = None
        self._matcher: Any = None

    def _matcher_for(self, vocab: Any) -> Any:
        if self._matcher is None or vocab is not self._vocab:
            from spacy.matcher import DependencyMatcher

            matcher = DependencyMatcher(vocab)
            for name, (_kind, pattern) in _PATTERNS.items():
                matcher.add(name, [pattern])
            self._vocab, self._matcher = vocab, matcher
        return self._matcher

    def read(self, sdoc: Any) -> ParsedReport:
        """The report's parse, whose cues are found on the first trigger asked about."""
        return ParsedReport(sdoc, self)

    def find_cues(self, sdoc: Any) -> dict[str, dict[int, list[int]]]:
        """Every cue of the report, found once: which verb is negated, modal, conditional or a modifier."""
        matcher = self._matcher_for(sdoc.vocab)
        cues: dict[str, dict[int, list[int]]] = {kind: defaultdict(list) for kind, _ in _PATTERNS.values()}
        for match_id, token_ids in matcher(sdoc):
            kind, pattern = _PATTERNS[sdoc.vocab.strings[match_id]]
            named = dict(zip((node["RIGHT_ID"] for node in pattern), token_ids, strict=True))
            cues[kind][named["verb"]].append(named["cue"])
        return cues


class ParsedReport:
    """One report's parse with its cues, asked about each trigger match by character offsets."""

    def __init__(self, sdoc: Any, parser: TriggerParser) -> None:
        self.sdoc = sdoc
        self.parser = parser
        self._cues: dict[str, dict[int, list[int]]] | None = None

    @property
    def cues(self) -> dict[str, dict[int, list[int]]]:
        """kind of cue -> verb token index -> cue token indices (for a category: the modified noun)."""
        if self._cues is None:
            self._cues = self.parser.find_cues(self.sdoc)
        return self._cues

    def trigger_head(self, start: int, end: int) -> Any | None:
        """The syntactic head of the tokens a trigger match covers."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return None if span is None or len(span) == 0 else span.root

    def instructed(self, start: int, end: int) -> bool:
        """Is the trigger at ``start:end`` what an active verb of instructing asks for?"""
        head = self.trigger_head(start, end)
        return head is not None and is_instruction_content(head)

    def participants_of(self, start: int, end: int) -> Participants:
        """The agent and patient of the trigger at ``start:end``."""
        head = self.trigger_head(start, end)
        return Participants() if head is None else participants(head)

    def excluded_by(
        self,
        start: int,
        end: int,
        sentence: tuple[int, int],
        event_verb_at: EventVerbAt,
        *,
        headline: bool = False,
    ) -> str | None:
        """The name of the check that turns the trigger at ``start:end`` away, or ``None``."""
        head = self.trigger_head(start, end)
        if head is None:
            return None
        trigger = TriggerAt(start, end, sentence, headline, head, self, event_verb_at)
        for name, check in self.parser.checks:
            if check(trigger):
                return name
        return None
