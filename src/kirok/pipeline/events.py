"""Stage ``events.rules.v1``: events from trigger rules, with dates, places and details attached.

Rule-based over sentences: each sentence that states an act (a trigger of ``rules/events.json``, matched
by spaCy's ``Matcher``: :mod:`event_triggers`) outside speculation, hypotheticals, denials and background
becomes an event of that type, with the date and place its sentence gives (or that the narrative
carries: :mod:`event_dates`, :mod:`event_places`), the perpetrators and victims the act's agent and
patient name (:mod:`event_parse`; the sentence when there is no parse), and the penalty and reason.
The same act told twice becomes one event with several evidence spans (:mod:`event_merge`); two acts of
one kind told in one sentence, each with its own date, stay two (:mod:`event_clauses`).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import defaultdict
from datetime import date
from typing import ClassVar

from kirok.model import Event, EventType, SegmentRole, Source, Span, TimeWindow, event_id
from kirok.pipeline import event_details as details
from kirok.pipeline.doc import Doc, Sentence
from kirok.pipeline.event_clauses import dated_first, more_dated_acts, one_and_the_other
from kirok.pipeline.event_date_story import looked_back_over
from kirok.pipeline.event_date_story_time import dates_in, telling_day
from kirok.pipeline.event_date_tense import before_story_time
from kirok.pipeline.event_dates import attach_narrative_date, attach_own_date
from kirok.pipeline.event_draft import EventDraft, precision_of
from kirok.pipeline.event_merge import merge_drafts
from kirok.pipeline.event_parse import ParsedReport, Participants, TriggerParser
from kirok.pipeline.event_places import attach_place, headline_place, story_place_after
from kirok.pipeline.event_rules import EventRules, load_event_rules
from kirok.pipeline.event_triggers import TriggerMatch, TriggerMatcher
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings

__all__ = ["RuleEventStage", "precision_of"]

_ATTRIBUTION = re.compile(
    r"\b(?:an?|one|another|the) (?:source|resident|informant|trader|official|defector)s?\b[^.;,]{0,60}?"
    r"(?=\s+(?:told|said|reported|explained)\b|,)",
    re.IGNORECASE,
)
#: "the searches will move on to ...", but not "are held ... and will face trial" (a second predicate)
_MODAL_AFTER = re.compile(
    r"\W{0,3}(?!(?:and|but|then)\b)(?:\w+\s+){0,2}?"
    r"(?:will|would|could|might|may|is to|are to|(?:is|are|was|were) (?:expected|set) to"
    r"|(?:is|are|was|were) likely)\b"
)
#: "..., and the man was shot": the clause after the last break, for a subject that refers back
_LAST_CLAUSE = re.compile(r"[;,]\s*(?=(?:and|but|then)\b)")
#: a sentence that opens by pointing to an act told before: "Three days after her arrest,", "Since his
#: arrest,", "On the day the city was sealed,", "A week before the execution,"
_OPENING_REFERENCE = re.compile(
    # "Last week, about five weeks after she was caught, the court sentenced her"
    r"\W*(?:(?:last|this|early|late|earlier|later|on|in)\b[^,;.]{0,25},\s*(?:about\s+|some\s+|nearly\s+)?)?"
    r"(?:(?:(?:\w+|a|an)\s+(?:days?|weeks?|months?|hours?)|(?:the\s+)?(?:day|week|month|night|morning|evening))"
    r"\s+(?:after|before)\b[^,;.]{1,60}|on\s+the\s+(?:day|night)\b[^,;.]{1,60}"
    r"|(?:since|after|before|during)\s+(?:the|his|her|their|its)\s+[\w'-]+(?:\s+[\w'-]+){0,2}),",
    re.IGNORECASE,
)
#: where the agent's own words end: a relative clause set off by a comma tells of something else
_AGENT_CLAUSE_END = re.compile(r",\s*(?:where|which)\b", re.IGNORECASE)
#: "Three days after the trial, she was taken to the reform camp": a transfer after the trial
_AFTER_TRIAL = re.compile(
    r"\W*(?:(?:\w+|a|an)\s+(?:days?|weeks?|months?)\s+|(?:soon|shortly|right|immediately)\s+)?"
    r"(?:after|following)\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:trial|sentencing|verdict)\b",
    re.IGNORECASE,
)
#: 'The "ideological struggle" session was held': a gathering named as one told before
_THE_GATHERING = re.compile(r"\W*the\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”]")
#: "guards seized him": the person the act befell was named before; but beatings and labour befall
#: the same people many times ("beat her ... kicked her in the chest")
_OBJECT_PRONOUN = re.compile(
    r"\b(?:him|them)\b|\bher\b(?=\s*(?:[.,;:!?]|$|(?:in|on|at|to|away|off|up|out|for|from|into|with|and|as"
    r"|because|after|before|when|while|over|back|down|inside)\b))",  # not "boarded her train"
    re.IGNORECASE,
)
_REPEATED_ACTS = (EventType.ILL_TREATMENT, EventType.FORCED_LABOR)
#: "According to the source, the nine were rounded up ...": the telling before the clause's subject
_LEAD_TELLING = re.compile(
    r"^\W*(?:according to (?:the |a |one |another )?[\w-]+(?: [\w-]+){0,3}"
    r"|the (?:source|sources) (?:said|added))(?: that)?,\s*",
    re.IGNORECASE,
)

_PROSE = (SegmentRole.BODY, SegmentRole.HEADLINE)
#: "handed about 60 people who had been held in China over to ...": the relative clause a long match
#: spans tells of the people, not of the act (its tense is not the act's)
_RELATIVE_INSIDE = re.compile(r"\s(?:who|whom|which)\s", re.IGNORECASE)
#: "a student who was caught twice", "women who had fled across the border": an act a relative clause
#: tells about the people named, not the report's news
_IN_RELATIVE = re.compile(r"\b(?:who|whom)\s+(?:[\w'-]+\s+){0,2}?had\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\bthat\b")
_LOG = logging.getLogger(__name__)


class RuleEventStage(StageBase):
    name: ClassVar[str] = "events.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences", "doc.timexes", "doc.places")
    assigns: ClassVar[tuple[str, ...]] = ("doc.events",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.rules: EventRules = load_event_rules()
        self.parser = TriggerParser()
        self.matcher = TriggerMatcher(self.rules)

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

    def _not_an_act(self, text: str, sent: Sentence, m: TriggerMatch, parse: ParsedReport | None) -> bool:
        """A noun trigger naming a period ("during the border closure") or an order's content ("the
        lockdown order"); an act that an active "told ... to" only asks for (types the rules name)."""
        trig = m.trigger
        if trig.noun and trig.type is not EventType.DIRECTIVE:
            if self.rules.period_reference.search(text, max(sent.start, m.start - 80), m.start):
                return True
            if self.rules.order_content.match(text[m.end : m.end + 40]):
                return True
        return (
            parse is not None
            and trig.type in self.rules.instruction_content_types
            and parse.instructed(m.start, m.end)
        )

    @staticmethod
    def _befell_one_named(text: str, m: TriggerMatch) -> bool:
        """ "guards seized him in early October": the act befell someone named before, which may be
        another person than the last act's ("came for her on Feb. 27 ... led her off on March 6")."""
        return (
            not m.trigger.noun
            and m.trigger.type not in _REPEATED_ACTS
            and bool(_OBJECT_PRONOUN.search(text, m.start, m.end + 5))
        )

    def _refers_back(self, text: str, sent: Sentence, m: TriggerMatch) -> bool:
        """The act was told before: "when ...", "the raids", "He was ...", "..., and the man was shot",
        "One of the women was ...", "handing down the sentence", "According to the source, the nine
        were ...", 'The "ideological struggle" session was held'."""
        prefix = text[sent.start : m.start]
        rules = self.rules
        return (
            bool(rules.back_reference.search(prefix))
            or (m.trigger.noun and bool(rules.definite_reference.search(prefix)))
            or (m.trigger.type is EventType.MEETING and bool(_THE_GATHERING.match(_QUOTES.sub("", prefix))))
            or bool(rules.subject_reference.match(prefix))
            or bool(rules.subject_reference.match(_LAST_CLAUSE.split(prefix)[-1]))
            or bool(rules.subject_reference.match(_LEAD_TELLING.sub("", prefix, count=1)))
            or bool(rules.definite_act.search(text, max(sent.start, m.start - 40), m.end))
        )

    def _turned_away_by_parse(
        self, parse: ParsedReport | None, sent: Sentence, m: TriggerMatch, inside: list[TriggerMatch]
    ) -> bool:
        """The parse (when spaCy ran) finds the trigger negated, modal, conditional or a category."""
        if parse is None:
            return False

        def event_verb_at(offset: int) -> bool:
            return any(n.start <= offset < n.end for n in inside)

        headline = sent.role is SegmentRole.HEADLINE
        return (
            parse.excluded_by(m.start, m.end, (sent.start, sent.end), event_verb_at, headline=headline)
            is not None
        )

    def out_of_scope(
        self, doc: Doc, sent: Sentence, m: TriggerMatch, parse: ParsedReport | None
    ) -> str | None:
        """Why an act is not one of this record, or ``None``: it is told as a category ("such abuses as
        ..."), or its agent (as the parse finds it) is a foreign state, alliance or their forces. A
        sentence that names North Korean people is always in scope (Chinese police returning them)."""
        text, rules = doc.text, self.rules
        if rules.north_korean_people.search(text, sent.start, sent.end):
            return None
        prefix = text[sent.start : m.start]
        for cue in rules.generic_cues:
            if found := cue.search(prefix):
                return f"generic: “{found.group(0)}”"
        agents = parse.participants_of(m.start, m.end).agents if parse is not None else ()
        for a in agents:  # the agent's words inside the sentence: a parse may run across a headline
            lo, hi = max(a.start, sent.start), min(a.end, sent.end)
            if cut := _AGENT_CLAUSE_END.search(text, lo, hi):  # "the bureau in Kanggye, where agents
                hi = cut.start()  # questioned her about a South Korean church group": not the agent
            if found := rules.foreign_agent.search(text, lo, hi):
                return f"foreign agent: “{found.group(0)}”"
        return None

    def _detect(self, doc: Doc) -> tuple[list[EventDraft], ParsedReport | None]:
        drafts: list[EventDraft] = []
        text = doc.text
        sdoc, parsed = self.matcher.tokens_of(doc)
        parse = self.parser.read(sdoc) if parsed else None
        prose = [(s.start, s.end) for s in doc.sentences if s.role in _PROSE]
        matches = self.matcher.find(sdoc, parsed, prose)
        starts = [m.start for m in matches]
        for sent in doc.sentences:
            if sent.role not in _PROSE:
                continue
            if any(c.search(text, sent.start, sent.end) for c in self.rules.background_cues) and not dates_in(
                doc, sent, self.rules.attribution_time
            ):
                continue  # background, unless the sentence dates an act (the telling's date does not)
            if any(c.search(text, sent.start, sent.end) for c in self.rules.commentary_cues):
                continue  # what others claim, estimate or could not confirm, dated or not
            lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
            inside = [m for m in matches[lo:hi] if m.end <= sent.end]
            by_trigger: dict[str, list[TriggerMatch]] = defaultdict(list)
            for m in inside:  # the longest match at each start, as a regex would take it
                found = by_trigger[m.trigger.id]
                if not found or found[-1].start != m.start:
                    found.append(m)
            acts: dict[EventType, list[TriggerMatch]] = defaultdict(list)
            for trig in self.rules.triggers:
                acts[trig.type].extend(
                    m for m in by_trigger.get(trig.id, ()) if self._an_act_here(doc, sent, m, parse, inside)
                )
            opening = _OPENING_REFERENCE.match(text, sent.start)
            if opening is not None and any(m.start >= opening.end() for ms in acts.values() for m in ms):
                # "Three days after her arrest, agents took her son-in-law in", "On the day the city was
                # sealed, agents took in twenty people": the opening names an act told before; the main
                # clause tells the new one
                acts = defaultdict(
                    list, {t: [m for m in ms if m.start >= opening.end()] for t, ms in acts.items()}
                )
            for told in acts.values():
                first = [m for m in told if m.trigger.id == told[0].trigger.id] if told else []
                if not first:
                    continue
                chosen = dated_first(doc, sent, first, self.rules.attribution_time)
                for m in (chosen, *more_dated_acts(doc, sent, chosen, told, self.rules.attribution_time)):
                    back = self._refers_back(text, sent, m)
                    named = not back and self._befell_one_named(text, m)
                    cut = _RELATIVE_INSIDE.search(text, m.start, m.end)
                    spans = one_and_the_other(doc, sent, m) or [(m.start, cut.start() if cut else m.end)]
                    drafts.extend(
                        EventDraft(
                            m.trigger.type,
                            sent,
                            m.trigger,
                            span,
                            back_reference=back or named,
                            named_before=named,
                        )
                        for span in spans
                    )
        drafts.sort(key=lambda d: (d.sentence.start, d.match[0]))
        _transfers_after_the_trial(drafts, text)
        return drafts, parse

    def _an_act_here(
        self,
        doc: Doc,
        sent: Sentence,
        m: TriggerMatch,
        parse: ParsedReport | None,
        inside: list[TriggerMatch],
    ) -> bool:
        """Whether the match tells an act of the report: not excluded, future, negated by the parse, in a
        relative clause told in the past perfect, or out of scope."""
        text = doc.text
        if (
            self._excluded(text, sent, m.start)
            or self._told_as_future(text, sent, m.end)
            or self._not_an_act(text, sent, m, parse)
            or self._turned_away_by_parse(parse, sent, m, inside)
            or _IN_RELATIVE.search(text, max(sent.start, m.start - 60), m.start)
        ):
            return False
        if (why := self.out_of_scope(doc, sent, m, parse)) is not None:
            _LOG.debug("%s: %s out of scope: %s", doc.report_id, m.trigger.id, why)
            return False
        return True

    # ---------------------------------------------------------------- assembly

    def __call__(self, doc: Doc) -> Doc:
        drafts, parse = self._detect(doc)
        story_place = headline_place(doc)
        for d in drafts:
            d.evidence.append(
                Span(
                    start=d.sentence.start,
                    end=d.sentence.end,
                    text=doc.text[d.sentence.start : d.sentence.end],
                )
            )
            d.reasons.append(f"rule {d.trigger.id}: “{doc.text[d.match[0] : d.match[1]]}”")
            attach_own_date(doc, d, self.rules.attribution_time, drafts)
            attach_place(doc, d, story_place)
            story_place = story_place_after(doc, d, story_place)
        for d in drafts:
            if d.date is None:
                attach_narrative_date(doc, d, drafts)
        for d in drafts:
            if before_story_time(doc, d, drafts):
                looked_back_over(doc, d)
        source = Source(
            report_id=doc.report_id,
            outlet=doc.outlet,
            published=doc.published,
            url=doc.url,
            attribution=_attribution(doc),
        )
        told = telling_day(doc, self.rules.attribution_time)
        doc.events = [self._finish(doc, d, source, parse, told) for d in merge_drafts(drafts, doc.text)]
        return doc

    def _finish(
        self, doc: Doc, d: EventDraft, source: Source, parse: ParsedReport | None, told: date | None = None
    ) -> Event:
        text, s = doc.text, d.sentence
        roles = parse.participants_of(*d.match) if parse is not None else Participants()
        perpetrators = details.find_perpetrators(text, s.start, s.end, self.rules, roles.agents)
        victims = details.find_victims(text, s.start, s.end, self.rules, roles.patients)
        if roles.agents:
            d.reasons.append("perpetrators: from the agent of the act")
        if roles.patients:
            d.reasons.append("victims: from the patient of the act")
        penalty = (
            details.find_penalty(text, s.start, s.end, self.rules, doc.timexes)
            if d.type is EventType.SENTENCE
            else None
        )
        if perpetrators or victims:
            d.confidence += 0.1
        first = d.evidence[0]
        date_ = _by_publication(d.date, doc.published)
        if date_ is not d.date:
            d.reasons.append("date: cut at the publication date, by which it had happened")
        by_telling = date_ if d.ongoing else _by_publication(date_, told)
        if by_telling is not date_:
            # "sent to a labour unit this week, a source told us on Wednesday": by that Wednesday
            date_ = by_telling
            d.reasons.append("date: cut at the day the source told of it")
        return Event(
            id=event_id(doc.report_id, d.type, first.start, first.end),
            report_id=doc.report_id,
            type=d.type,
            evidence=tuple(d.evidence),
            date=date_,
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


def _attribution(doc: Doc) -> str | None:
    for sent in doc.sentences:
        if sent.role is SegmentRole.BODY:
            m = _ATTRIBUTION.search(doc.text, sent.start, sent.end)
            if m:
                return m.group(0).strip()
    return None


def _by_publication(window: TimeWindow | None, published: date | None) -> TimeWindow | None:
    """A reported act happened by the publication date: "made to dig trenches all month" in a report of
    Aug. 27 ends on Aug. 27, not Aug. 31."""
    if window is None or published is None or window.earliest is None or window.latest is None:
        return window
    if window.earliest <= published < window.latest:
        return window.model_copy(update={"latest": published})
    return window


def _transfers_after_the_trial(drafts: list[EventDraft], text: str) -> None:
    """'was sentenced to seven years ... Three days after the trial, she was taken to the reform camp':
    once the report has told the punishment, being taken to the camp after the trial is the holding
    there, not the sentence again (which would take the transfer's day)."""
    for d in drafts:
        if d.trigger.id != "sentence.sent-to" or not _AFTER_TRIAL.match(text, d.sentence.start):
            continue
        if any(
            k.type is EventType.SENTENCE
            and k.trigger.id != d.trigger.id
            and k.sentence.start < d.sentence.start
            for k in drafts
        ):
            d.type = EventType.DETENTION
            d.reasons.append("type: taken to the camp after the trial that passed the sentence told before")
