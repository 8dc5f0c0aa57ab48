"""Stage ``events.rules.v1``: events from trigger rules, with dates, places and details attached.

A first version, rule-based over sentences: each sentence that states an act (a trigger of
``rules/events.json``) outside speculation, hypotheticals, denials and background becomes an event of
that type, with the date and place its sentence gives (or that the narrative carries), and the
perpetrators, victims, penalty and reason its sentence names. The same statement made in the headline
and the body, or twice with the same date, becomes one event with several evidence spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from kirok.model import (
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Place,
    PlacePrecision,
    SegmentRole,
    Source,
    Span,
    TimeWindow,
    event_id,
)
from kirok.pipeline import event_details as details
from kirok.pipeline.doc import Doc, PlaceRole, Sentence, Timex
from kirok.pipeline.event_rules import EventRules, Trigger, load_event_rules
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings

__all__ = ["RuleEventStage", "precision_of"]

_ANAPHORA = re.compile(r"\b(?:the|this|that) (province|county|city|town)\b|\b(provincial)\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"\b(?:an?|one|another|the) (?:source|resident|informant|trader|official|defector)s?\b[^.;,]{0,60}?"
    r"(?=\s+(?:told|said|reported|explained)\b|,)",
    re.IGNORECASE,
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|people|students?|traders?|workers?|residents?|famil(?:y|ies)|soldiers?|"
    r"teenagers?|smugglers?|defectors?|officials?|farmers?|couple|youths?)\b",
    re.IGNORECASE,
)
#: "the searches will move on to ...", but not "are held ... and will face trial" (a second predicate)
_MODAL_AFTER = re.compile(
    r"\W{0,3}(?!(?:and|but|then)\b)(?:\w+\s+){0,2}?"
    r"(?:will|would|could|might|is to|are to|is expected to|are expected to)\b"
)
_SOURCE_BEFORE = re.compile(
    r"\b(?:sources?|residents?|informants?|contacts?)\s+(?:in|from|based in|living in)\s+$", re.IGNORECASE
)
_LEVEL_OF = {
    "province": "province",
    "provincial": "province",
    "county": "county",
    "city": "county",
    "town": "county",
}
_PROSE = (SegmentRole.BODY, SegmentRole.HEADLINE)
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\bthat\b")
_DATED_TYPES = ("DATE", "DURATION")
_PLUPERFECT = re.compile(
    r"\bhad (?:been |already |previously |once )?\w+(?:ed|en|wn|ft|ught|ld)\b", re.IGNORECASE
)
_BACKSTORY_DAYS = 365
#: Custody comes before the punishment it leads to; the punishment's date bounds an undated custody event.
_CUSTODY = (EventType.ARREST, EventType.DETENTION, EventType.ILL_TREATMENT)
_PUNISHMENT = (
    EventType.SENTENCE,
    EventType.EXECUTION,
)  # a TIME of day or a SET ("every Monday") does not date an event
#: How exact a place is; in a sentence the most exact wins, and only 0-1 carry over to later sentences.
_PLACE_RANK = {
    PlacePrecision.EXACT: 0,
    PlacePrecision.SUB_UNIT: 0,
    PlacePrecision.COUNTY: 0,
    PlacePrecision.PROVINCE: 1,
    PlacePrecision.UNKNOWN: 2,  # rivers and other long features
    PlacePrecision.COUNTRY: 3,
}


def precision_of(earliest: date, latest: date) -> DatePrecision:
    """The precision a window really has, from its length."""
    days = (latest - earliest).days + 1
    if days <= 1:
        return DatePrecision.DAY
    if days <= 7:
        return DatePrecision.WEEK
    if days <= 31:
        return DatePrecision.MONTH
    if days <= 92:
        return DatePrecision.SEASON
    if days <= 366:
        return DatePrecision.YEAR
    return DatePrecision.UNKNOWN


@dataclass
class _Draft:
    type: EventType
    sentence: Sentence
    trigger: Trigger
    match: tuple[int, int]
    evidence: list[Span] = field(default_factory=list)
    date: TimeWindow | None = None
    date_value: str | None = None  # TIMEX3 value when the date came from the event's own sentence
    place: Place | None = None
    reasons: list[str] = field(default_factory=list)
    confidence: float = 0.55
    back_reference: bool = False  # "In the same week the man was taken away, ...": an act told before
    backstory: bool = False  # "had been repatriated in 2019": before the story's own time


class RuleEventStage(StageBase):
    name: ClassVar[str] = "events.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences", "doc.timexes", "doc.places")
    assigns: ClassVar[tuple[str, ...]] = ("doc.events",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.rules: EventRules = load_event_rules()

    # ---------------------------------------------------------------- detection

    def _excluded(self, text: str, sent: Sentence, start: int) -> bool:
        """A trigger under a negation, or after speculation, a conditional, a rumour or a denial."""
        prefix = text[sent.start : start]
        if self.rules.negating_prefix.search(prefix[-100:]):
            return True
        if any(c.search(prefix) for c in self.rules.sentence_cues):
            return True
        clause = _CLAUSE_BREAK.split(prefix)[-1]
        return any(c.search(clause) for c in self.rules.clause_cues)

    def _told_as_future(self, text: str, sent: Sentence, end: int) -> bool:
        """ "the searches will move on to ...": the act is only to come."""
        return bool(_MODAL_AFTER.match(text, end, sent.end))

    def _detect(self, doc: Doc) -> list[_Draft]:
        drafts: list[_Draft] = []
        text = doc.text
        for sent in doc.sentences:
            if sent.role not in _PROSE:
                continue
            if any(c.search(text, sent.start, sent.end) for c in self.rules.background_cues) and not any(
                t.window and sent.start <= t.start < sent.end for t in doc.timexes
            ):
                continue
            seen: set[EventType] = set()
            for trig in self.rules.triggers:
                if trig.type in seen:
                    continue
                for m in trig.pattern.finditer(text, sent.start, sent.end):
                    if not self._excluded(text, sent, m.start()) and not self._told_as_future(
                        text, sent, m.end()
                    ):
                        seen.add(trig.type)
                        prefix = text[sent.start : m.start()]
                        back = (
                            bool(self.rules.back_reference.search(prefix))
                            or (trig.noun and bool(self.rules.definite_reference.search(prefix)))
                            or bool(self.rules.subject_reference.match(prefix))
                        )
                        span = (m.start(), m.end())
                        drafts.append(_Draft(trig.type, sent, trig, span, back_reference=back))
                        break
        drafts.sort(key=lambda d: (d.sentence.start, d.match[0]))
        return drafts

    # ---------------------------------------------------------------- dates

    def _own_date(self, doc: Doc, draft: _Draft) -> Timex | None:
        sent, (m_start, m_end) = draft.sentence, draft.match
        found = [
            t
            for t in doc.timexes
            if sent.start <= t.start < sent.end
            and t.type in _DATED_TYPES
            and t.window is not None
            and t.window.earliest is not None
            and not self.rules.attribution_time.search(doc.text[sent.start : t.start])
        ]
        after = [t for t in found if t.start >= m_end]
        before = [t for t in found if t.end <= m_start]
        if after:
            return min(after, key=lambda t: t.start - m_end)
        if before:
            return min(before, key=lambda t: m_start - t.end)
        return None

    def _attach_own_date(self, doc: Doc, draft: _Draft) -> None:
        own = self._own_date(doc, draft)
        if own is not None and own.window is not None:
            draft.date, draft.date_value = own.window, own.value
            draft.reasons.append(f"date: “{own.text}” in the sentence")
            draft.confidence += 0.15
            draft.backstory = _is_backstory(doc, draft, own.window)

    def _attach_narrative_date(self, doc: Doc, draft: _Draft, drafts: list[_Draft]) -> None:
        """A window for an event whose sentence gives no date, from the narrative around it.

        It starts at the last date the story told before it (backstory excluded: what "had been" done
        or happened long before), and ends at publication; an arrest, detention or ill-treatment also
        ends by the punishment that followed it, when the report dates one.
        """
        if doc.published is None:
            return
        before = [
            d.date.earliest
            for d in drafts
            if d.date_value is not None
            and d.date is not None
            and d.date.earliest is not None
            and not d.backstory
            and d.sentence.start < draft.sentence.start
            and d.sentence.role is SegmentRole.BODY
            and d.date.earliest <= doc.published
        ]
        if not before:
            return
        earliest, latest = before[-1], doc.published
        bound = ""
        if draft.type in _CUSTODY:
            ends = [
                d.date.latest
                for d in drafts
                if d.type in _PUNISHMENT
                and d.date_value is not None
                and d.date is not None
                and d.date.earliest is not None
                and d.date.latest is not None
                and earliest <= d.date.earliest
                and d.date.latest < latest
            ]
            if ends:
                latest, bound = min(ends), ", and by the punishment that followed"
        draft.date = TimeWindow(
            earliest=earliest,
            latest=latest,
            precision=precision_of(earliest, latest),
            resolution=DateResolution.RELATIVE,
        )
        draft.reasons.append(
            f"date: after the last date the story told before it{bound or ', by publication'}"
        )

    # ---------------------------------------------------------------- places

    def _attach_place(self, doc: Doc, draft: _Draft, last_event_place: Place | None) -> None:
        sent = draft.sentence
        mentions = [p for p in doc.places if sent.start <= p.start < sent.end and p.place is not None]
        own = [p for p in mentions if p.role is PlaceRole.EVENT and p.place is not None]
        if own:
            best = min(own, key=lambda p: (_rank(p.place), abs(p.start - draft.match[0])))
            if _within(last_event_place, best.place):
                draft.place = last_event_place
                draft.reasons.append(f"place: “{best.text}” in the sentence, narrowed to the story's place")
                draft.confidence += 0.1
                return
            if _rank(best.place) <= 1 or last_event_place is None:
                draft.place = best.place
                draft.reasons.append(f"place: “{best.text}” in the sentence")
                draft.confidence += 0.1
                return
        ana = next(
            (
                m
                for m in _ANAPHORA.finditer(doc.text, sent.start, sent.end)
                if not _SOURCE_BEFORE.search(doc.text, max(0, m.start() - 40), m.start())
                and not any(
                    p.role is not PlaceRole.EVENT and p.start <= m.start() < p.end for p in doc.places
                )
            ),
            None,
        )
        if ana:
            level = _LEVEL_OF[(ana.group(1) or ana.group(2)).lower()]
            earlier = [
                p
                for p in doc.places
                if p.start < sent.end
                and p.place is not None
                and p.role not in (PlaceRole.FOREIGN, PlaceRole.CAPTION, PlaceRole.TAGLINE, PlaceRole.ORIGIN)
                and (p.role is not PlaceRole.SOURCE or level == "province")
                and p.place.precision.value == level
            ]
            if earlier:
                draft.place = earlier[-1].place
                draft.reasons.append(f"place: “{ana.group(0)}” refers to {earlier[-1].text}")
                return
        if last_event_place is not None:
            draft.place = last_event_place
            draft.reasons.append("place: carried from the place of the narrative")
            return

    # ---------------------------------------------------------------- assembly

    def __call__(self, doc: Doc) -> Doc:
        drafts = self._detect(doc)
        last_place = _headline_place(doc)
        for d in drafts:
            d.evidence.append(
                Span(
                    start=d.sentence.start,
                    end=d.sentence.end,
                    text=doc.text[d.sentence.start : d.sentence.end],
                )
            )
            words = doc.text[d.match[0] : d.match[1]]
            d.reasons.append(f"rule {d.trigger.id}: “{words}”")
            self._attach_own_date(doc, d)
            self._attach_place(doc, d, last_place)
            own_places = [
                p.place
                for p in doc.places
                if d.sentence.start <= p.start < d.sentence.end
                and p.role is PlaceRole.EVENT
                and p.place is not None
                and _rank(p.place) <= 1
            ]
            exact = [p for p in own_places if _rank(p) == 0]
            if exact:
                last_place = exact[-1]
            elif own_places and last_place is None:
                last_place = own_places[-1]
        for d in drafts:
            if d.date is None:
                self._attach_narrative_date(doc, d, drafts)
        source = Source(
            report_id=doc.report_id,
            outlet=doc.outlet,
            published=doc.published,
            url=doc.url,
            attribution=_attribution(doc),
        )
        doc.events = [self._finish(doc, d, source) for d in _merge(drafts)]
        return doc

    def _finish(self, doc: Doc, d: _Draft, source: Source) -> Event:
        text, s = doc.text, d.sentence
        perpetrators = details.find_perpetrators(text, s.start, s.end, self.rules)
        victims = details.find_victims(text, s.start, s.end, self.rules)
        penalty = (
            details.find_penalty(text, s.start, s.end, self.rules, doc.timexes)
            if d.type is EventType.SENTENCE
            else None
        )
        if perpetrators or victims:
            d.confidence += 0.1
        first = d.evidence[0]
        return Event(
            id=event_id(doc.report_id, d.type, first.start, first.end),
            report_id=doc.report_id,
            type=d.type,
            evidence=tuple(d.evidence),
            date=d.date,
            place=d.place,
            perpetrators=perpetrators,
            victims=victims,
            reason=details.find_reason(text, s.start, s.end, self.rules)
            if d.type in (EventType.ARREST, EventType.SENTENCE, EventType.EXECUTION, EventType.DETENTION)
            else None,
            penalty=penalty,
            source=source,
            confidence=round(min(d.confidence, 0.95), 2),
            reasons=tuple(d.reasons),
        )


def _is_backstory(doc: Doc, draft: _Draft, window: TimeWindow) -> bool:
    """Told in the past perfect, or more than a year before publication: background, not the story."""
    clause = doc.text[draft.sentence.start : draft.match[1]]
    if _PLUPERFECT.search(clause):
        return True
    return bool(doc.published and window.latest and (doc.published - window.latest).days > _BACKSTORY_DAYS)


def _headline_place(doc: Doc) -> Place | None:
    """The most exact place the headline names as a place of events: where the story is set.

    A place that only qualifies people ("Hamhung students sent to Samjiyon") yields to one that does
    not; it is used only when the headline names no other.
    """
    heads = [seg for seg in doc.segments if seg.role is SegmentRole.HEADLINE]
    named = [
        p
        for p in doc.places
        if p.role is PlaceRole.EVENT
        and p.place is not None
        and _rank(p.place) == 0
        and any(seg.start <= p.start < seg.end for seg in heads)
    ]
    plain = [p for p in named if not _PEOPLE_AFTER.match(doc.text, p.end)]
    chosen = (plain or named)[:1]
    return chosen[0].place if chosen else None


def _within(inner: Place | None, outer: Place | None) -> bool:
    """``inner`` is a more exact place inside the province ``outer``."""
    if inner is None or outer is None or outer.precision is not PlacePrecision.PROVINCE or _rank(inner) != 0:
        return False
    return bool(inner.admin_path and outer.admin_path and inner.admin_path[0] == outer.admin_path[0])


def _rank(place: Place | None) -> int:
    return _PLACE_RANK[place.precision] if place is not None else 9


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One statement made twice (headline and body, or twice with the same date) is one event."""
    kept: list[_Draft] = []
    headlines = [d for d in drafts if d.sentence.role is SegmentRole.HEADLINE]
    for d in drafts:
        if d.sentence.role is SegmentRole.HEADLINE:
            continue
        twin = next(
            (
                k
                for k in kept
                if k.type is d.type and d.date_value is not None and k.date_value == d.date_value
            ),
            None,
        )
        earlier = next((k for k in reversed(kept) if k.type is d.type), None) if d.back_reference else None
        if twin is not None:
            twin.evidence.extend(d.evidence)
            twin.reasons.append("merged: the same statement again with the same date")
        elif earlier is not None:
            earlier.evidence.append(d.evidence[0])
            earlier.reasons.append("merged: a later clause refers back to it")
            _take_narrower_date(earlier, d)
        else:
            kept.append(d)
    kept = _merge_lede(kept)
    for h in headlines:
        body = next((k for k in kept if k.type is h.type), None)
        if body is not None:
            body.evidence.insert(0, h.evidence[0])
            body.reasons.append("merged: also stated in the headline")
            body.confidence += 0.05
        else:
            kept.insert(0, h)
    return kept


def _take_narrower_date(kept: _Draft, later: _Draft) -> None:
    """A statement that refers back may date the act more exactly ("executed early this month" ... "He
    was shot on Aug. 4"): its own date wins when the act had none of its own, or a wider one around it."""
    new, old = later.date, kept.date
    if later.date_value is None or new is None or new.earliest is None or new.latest is None:
        return
    if kept.date_value is not None and old is not None:
        inside = old.earliest and old.latest and old.earliest <= new.earliest and new.latest <= old.latest
        if new == old or not inside:
            return
    kept.date, kept.date_value = new, later.date_value
    kept.reasons.append("date: from the later statement that refers back to it")


def _merge_lede(kept: list[_Draft]) -> list[_Draft]:
    """The lede sums up what the body then tells with its date: an undated act in the lede joins the
    first dated act of the same type after it."""
    body = [k for k in kept if k.sentence.role is SegmentRole.BODY]
    if not body:
        return kept
    lede = body[0].sentence.segment
    out: list[_Draft] = []
    for k in kept:
        later = None
        if k.sentence.segment == lede and k.date_value is None:
            later = next(
                (
                    m
                    for m in kept
                    if m.type is k.type and m.sentence.segment != lede and m.date_value is not None
                ),
                None,
            )
        if later is None:
            out.append(k)
            continue
        later.evidence[:0] = k.evidence
        later.reasons.append("merged: the lede sums up this act")
        later.confidence += 0.05
    return out


def _attribution(doc: Doc) -> str | None:
    for sent in doc.sentences:
        if sent.role is SegmentRole.BODY:
            m = _ATTRIBUTION.search(doc.text, sent.start, sent.end)
            if m:
                return m.group(0).strip()
    return None
