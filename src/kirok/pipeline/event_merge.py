"""One act told several times (headline, lede, body, a later reference) becomes one event with several
evidence spans."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kirok.model import EventType, SegmentRole, TimeWindow
from kirok.pipeline.event_date_clauses import told_that
from kirok.pipeline.event_draft import EventDraft
from kirok.pipeline.event_same_act import (
    fine_and_term,
    other_gathering,
    other_number,
    other_terms,
    years_apart,
)
from kirok.pipeline.event_same_day import (
    date_captures_by_their_escape,
    date_sentences_by_their_trial,
    date_trials_by_their_execution,
    inside,
    same_days,
)

__all__ = ["merge_drafts", "restates"]

_WORD = re.compile(r"[^\W\d_]{3,}")
#: words too common in these reports to show that two sentences tell the same act
_COMMON = frozenset(
    "the and for but not was are has had his her its who all any one two out that this with from were "
    "have been said says source told their they them there which when what after before also into over "
    "about other some than then under while where would could should according province county city "
    "district people month week year years day days last early late mid january february march april "
    "june july august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_STEM = 6
_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
#: content words two statements of one act share, beyond the trigger and the date
_SHARED_WORDS = 2
#: triggers whose act is never the same as another of its type told nearby: a death in custody is not
#: the beatings before it
_OWN_ACTS = frozenset({"ill.death"})
#: triggers that tell a part of an act of their type told before: "she named him under interrogation",
#: "are still being questioned" belong to the detention already told
_PART_OF_EARLIER = frozenset({"detention.interrogation"})
#: a law adopted is its own act, never a telling of an order ("Residents were ordered to hand in ... The
#: law, adopted last December, sets out penalties")
_LAWS = frozenset({"directive.law"})
#: kinds of act that go on as one campaign: the searches, inspections and sweeps a report tells at one
#: place are one crackdown, the watch kept on a family one surveillance, the work of one mobilisation one
_CAMPAIGNS = frozenset({EventType.CRACKDOWN, EventType.SURVEILLANCE, EventType.FORCED_LABOR})
#: a sentence whose subject is "It": the act of the sentence just before, told on
_IT_SUBJECT = re.compile(r"\W*It\s+(?:also\s+)?\w+(?:ed|s)\b")
#: the trigger of a crowd brought to watch, and how far (in characters) the gathering it joins may be
_AUDIENCE = "meeting.audience"
_AUDIENCE_REACH = 600


def _content_words(text: str, skip: tuple[int, int], start: int, end: int) -> dict[str, int]:
    """The content words of a sentence outside its trigger, by their first letters, each with its
    weight: a name (capitalised inside the sentence) counts twice."""
    words: dict[str, int] = {}
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower()
        if skip[0] <= m.start() < skip[1] or word in _COMMON:
            continue
        name = m.group()[0].isupper() and m.start() > start
        stem = word[:_STEM]  # "register" and "registration" alike
        words[stem] = max(words.get(stem, 1), 2 if name else 1)
    return words


def restates(text: str, a: EventDraft, b: EventDraft) -> bool:
    """Whether ``b``'s sentence tells ``a``'s act again: beyond the trigger, they share at least two
    content words, or a name ("inmates died of hunger over the winter" ... "inmates ... died of hunger
    last winter"; "Kim's orders from Sept. 29" twice), where two acts of one kind on one day share none
    ("ordered traders to register" ... "ordered schools to close")."""
    words_a = _content_words(text, a.match, a.sentence.start, a.sentence.end)
    words_b = _content_words(text, b.match, b.sentence.start, b.sentence.end)
    return sum(min(w, words_b[k]) for k, w in words_a.items() if k in words_b) >= _SHARED_WORDS


#: how far after an act's words the place of its scene may be named, and what ends its clause
_SCENE_REACH = 100
_CLAUSE_BREAK = re.compile(r"[,;:]")
#: an act named as someone's: "her mother's arrest", "his detention"
_POSSESSED = re.compile(r"(?:['’]s|\b(?:his|her|their))\s+$", re.IGNORECASE)
#: an order relayed, not issued: "read out an order"
_READ_OUT = re.compile(r"\bread\s+out\b", re.IGNORECASE)


def _scene_named_with(d: EventDraft, text: str) -> bool:
    """The act's own clause names its scene, just after its words: "picked him up at Wonsan railway
    station"; not "In the same week the man was taken away, his wife was banished to Yonsa County" (the
    banishment's place) nor "heard of her mother's arrest" (where the daughter lives)."""
    span = d.place.span if d.place_named and d.place is not None else None
    return (
        span is not None
        and 0 <= span.start - d.match[1] <= _SCENE_REACH
        and not _CLAUSE_BREAK.search(text, d.match[1], span.start)
        and not _POSSESSED.search(text, d.sentence.start, d.match[0])
    )


def _two_days(a: EventDraft, b: EventDraft) -> bool:
    """Each names its own day and the days differ: two acts ("agents came for her on Feb. 27" ... "led
    her off the train on March 6", of another woman), not one told again."""
    return (
        a.date_value is not None
        and b.date_value is not None
        and _one_day(a)
        and _one_day(b)
        and _disjoint(a, b)
    )


def _same_kind(a: EventDraft, b: EventDraft) -> bool:
    """Neither or both tell a law adopted (:data:`_LAWS`)."""
    return (a.trigger.id in _LAWS) == (b.trigger.id in _LAWS)


def _same_place(a: EventDraft, b: EventDraft) -> bool:
    return a.place is None or b.place is None or a.place.gazetteer_id == b.place.gazetteer_id


def _nested_place(a: EventDraft, b: EventDraft) -> bool:
    """The same place, or one inside the other (a province and its city, a city and its district)."""
    if _same_place(a, b):
        return True
    assert a.place is not None and b.place is not None
    pa, pb = a.place.admin_path, b.place.admin_path
    return bool(pa and pb) and (pa[: len(pb)] == pb or pb[: len(pa)] == pa)


def merge_drafts(drafts: list[EventDraft], text: str) -> list[EventDraft]:
    """Join restatements: the same type with the same date told in like words at the same place, a
    clause that refers back to an act told before (not to backstory, unless the clause has no date of
    its own; not an act that befell "him" or "her" on another named day than the last one's), a later
    telling in like words with no date of its own, the lede's summary of an act the body dates, and the
    headline (backstory only into backstory, or into a state going on since then: "Women handed back by
    China" is not the "had already been repatriated once, in 2018" of the body). A law adopted joins
    only a law adopted."""
    kept: list[EventDraft] = []
    headlines = [d for d in drafts if d.sentence.role is SegmentRole.HEADLINE]
    for d in drafts:
        if d.sentence.role is SegmentRole.HEADLINE:
            continue
        twin = next(
            (
                k
                for k in kept
                if k.type is d.type
                and _same_kind(k, d)
                and d.date_value is not None
                and k.date_value == d.date_value
                and _same_place(k, d)
                and restates(text, k, d)
            ),
            None,
        )
        earlier = (
            next(
                (
                    k
                    for k in reversed(kept)
                    if k.type is d.type
                    and _same_kind(k, d)
                    and not (d.named_before and _two_days(k, d))
                    and not fine_and_term(text, k, d)
                    and (k.backstory == d.backstory or d.date_value is None)
                    and not years_apart(k, d)
                    and not other_number(text, k, d)
                    and not other_gathering(text, k, d)
                ),
                None,
            )
            if d.back_reference
            else None
        )
        retold = next(
            (
                k
                for k in reversed(kept)
                if k.type is d.type
                and _same_kind(k, d)
                and (d.date_value is None or d.scene_dated)
                and not d.ongoing
                and k.backstory == d.backstory
                and _same_place(k, d)
                and (k.trigger.id in _OWN_ACTS) == (d.trigger.id in _OWN_ACTS)
                and restates(text, k, d)
                and not other_terms(text, k, d)
            ),
            None,
        )
        if retold is None and d.date_value is None and _IT_SUBJECT.match(text, d.sentence.start):
            # "... an instruction the bureau sent at the end of last year. It ordered officers ..."
            retold = next(
                (
                    k
                    for k in reversed(kept)
                    if k.type is d.type
                    and k.backstory == d.backstory
                    and 0 <= d.sentence.start - k.sentence.end <= 2
                ),
                None,
            )
        if retold is None and d.trigger.id in _PART_OF_EARLIER and d.date_value is None:
            retold = next(
                (k for k in reversed(kept) if k.type is d.type and k.backstory == d.backstory), None
            )
        if twin is not None:
            twin.evidence.extend(d.evidence)
            twin.reasons.append("merged: the same statement again with the same date")
        elif retold is not None and earlier is None:
            retold.evidence.append(d.evidence[0])
            retold.reasons.append("merged: told again in like words, with no date of its own")
            if d.scene_dated:  # the day of the scene it is told in may date the act more exactly
                _take_narrower_date(retold, d, text)
        elif earlier is not None:
            earlier.evidence.append(d.evidence[0])
            earlier.reasons.append("merged: a later clause refers back to it")
            if not earlier.place_named and _scene_named_with(d, text):
                earlier.place, earlier.place_named = d.place, True
                earlier.reasons.append("place: named in the later clause that refers back to it")
            if _take_narrower_date(earlier, d, text) and d.type is EventType.MEETING:
                _take_scene_place(earlier, d)
        else:
            kept.append(d)
    kept = _merge_lede(_merge_audience(_merge_campaigns(kept)), text)
    for h in headlines:
        body = next((k for k in kept if k.type is h.type and k.backstory == h.backstory), None)
        if body is None:  # the headline's old date may be another act's ("who fled in 2019"), or the
            # body tells a state going on since before the story's time ("have been watched since 2021")
            body = next((k for k in kept if k.type is h.type and (h.backstory or k.ongoing)), None)
        if body is not None:
            body.evidence.insert(0, h.evidence[0])
            body.reasons.append("merged: also stated in the headline")
            body.confidence += 0.05
        else:
            kept.insert(0, h)
    date_trials_by_their_execution(kept, text)
    date_captures_by_their_escape(kept, text)
    date_sentences_by_their_trial(kept, text)
    return kept


def _merge_campaigns(drafts: list[EventDraft]) -> list[EventDraft]:
    """Join the later tellings of a campaign (:data:`_CAMPAIGNS`) at the same place, or one inside the
    other (the province's inspection and the searches in its city), into its first, keeping backstory
    apart and the first telling's date unless a later one dates it more exactly, or the first only names
    the campaign ("the 80-day battle", launched at a rally) and a later telling of the work has a date of
    its own."""
    kept: list[EventDraft] = []
    for d in drafts:
        first = next(
            (
                k
                for k in kept
                if k.type is d.type
                and d.type in _CAMPAIGNS
                and k.backstory == d.backstory
                and not (k.ongoing and d.ongoing and k.date_value != d.date_value)
                and _nested_place(k, d)
            ),
            None,
        )
        if first is None:
            kept.append(d)
            continue
        first.evidence.extend(d.evidence)
        first.reasons.append("merged: another telling of the same campaign at the same place")
        if first.trigger.noun and not d.trigger.noun and d.date is not None and d.date_value is not None:
            first.date, first.date_value = d.date, d.date_value  # the act's own date, not its name's
        else:
            _take_narrower_date(first, d)
    return kept


def _merge_audience(drafts: list[EventDraft]) -> list[EventDraft]:
    """The crowd marched to watch ("workers were marched there", "were brought to watch") is the public
    trial or rally the report tells close by, before or after it, or on the same day; alone, it stands for
    the gathering."""
    out = [d for d in drafts if d.trigger.id != _AUDIENCE]
    for d in drafts:
        if d.trigger.id != _AUDIENCE:
            continue
        near = [
            k
            for k in out
            if k.type is EventType.MEETING
            and k.backstory == d.backstory
            and (_apart(k, d) <= _AUDIENCE_REACH or (d.date is not None and same_days(k.date, d.date)))
        ]
        if not near:
            out.append(d)
            continue
        k = min(near, key=lambda k: _apart(k, d))
        k.evidence.extend(d.evidence)
        k.evidence.sort(key=lambda span: span.start)
        k.reasons.append("merged: the crowd brought to watch it")
        if k.date is None and d.date is not None:
            k.date, k.date_value = d.date, d.date_value
    out.sort(key=lambda d: d.sentence.start)
    return out


def _apart(k: EventDraft, d: EventDraft) -> int:
    """How far (in characters) ``d``'s sentence lies from the nearest evidence of ``k``."""
    return min(abs(span.start - d.sentence.start) for span in k.evidence)


def _take_scene_place(kept: EventDraft, later: EventDraft) -> None:
    """The statement that dates a gathering more exactly tells its scene: its own place, named in its
    sentence ("The trial took place in the yard of the Anju textile mill on Dec. 19"), wins over the
    summary's."""
    other = kept.place is None or (
        later.place is not None and kept.place.gazetteer_id != later.place.gazetteer_id
    )
    if later.place_named and later.place is not None and other:
        kept.place = later.place
        kept.reasons.append("place: from the later statement that dates it")


#: a narrative window of at most these days pins down a telling of at least a month ("held for three
#: nights last month" ... "kept in a room at the department for three nights" after "on September 11")
_PINNED_DAYS, _VAGUE_DAYS = 6, 27


def _pins(new: TimeWindow, old: TimeWindow | None) -> bool:
    """Whether a window the narrative gave a later telling names the act's days more exactly than the
    first telling's own: one day, or a few days inside a month or more."""
    if new.earliest is None or new.latest is None:
        return False
    days = (new.latest - new.earliest).days
    if days == 0:
        return True
    if old is None or old.earliest is None or old.latest is None:
        return False
    return days <= _PINNED_DAYS and (old.latest - old.earliest).days >= _VAGUE_DAYS


def _take_narrower_date(kept: EventDraft, later: EventDraft, text: str = "") -> bool:
    """A statement that refers back may date the act more exactly ("executed early this month" ... "He
    was shot on Aug. 4"): its own date wins when the act had none of its own, a wider one around it, a
    wider one that does not meet it ("fled more than four years ago" ... "crossed in late 2019"), or one
    that does not meet it and dated only the telling of it ("lectures this week at which workers are told
    that a man was executed" ... "He was shot in early April"), or one only counted from another date
    (:func:`_named_exactly`)."""
    new, old = later.date, kept.date
    if new is None or new.earliest is None or new.latest is None:
        return False
    if later.date_value is None and not (_pins(new, old) and inside(new, old)):
        # a narrative window counts only when it names the day ("shot right after the verdict") or a few
        return False  # days of a month-long first telling (:func:`_pins`)
    if (
        not _named_exactly(kept, later)
        and kept.date_value is not None
        and old is not None
        and old.earliest
        and old.latest
    ):
        within = inside(new, old)
        apart = _apart_days(new.earliest, new.latest, old.earliest, old.latest)
        narrower = (new.latest - new.earliest) < (old.latest - old.earliest)
        told = (
            old.span is not None
            and old.span.end <= kept.match[0]
            and told_that(text, old.span.end, kept.match[0])
        )
        # "read out an order at meetings on Sunday" ... "The order was handed down on Aug. 25": the
        # order's own day, before the day it was read out
        relayed = kept.type is EventType.DIRECTIVE and bool(_READ_OUT.search(text, *kept.match))
        if new == old or not (within or (apart and (narrower or told or relayed))):
            return False
    kept.date, kept.date_value = new, later.date_value or new.earliest.isoformat()
    kept.reasons.append("date: from the later statement that refers back to it")
    return True


#: how far a day counted by a round distance may lie from the day a later statement names
_COUNTED_SLACK = timedelta(days=7)


def _named_exactly(kept: EventDraft, later: EventDraft) -> bool:
    """The act's date was counted by a round distance ("died on Sunday, three weeks after he was
    caught") and the later statement names its day in its own words ("arrested on the 2nd"), near it."""
    if not kept.counted or later.counted or later.date_value is None or later.scene_dated:
        return False
    new, old = later.date, kept.date
    if new is None or old is None or new.earliest is None or new.latest is None:
        return False
    if old.earliest is None or old.latest is None:
        return False
    return new.earliest - _COUNTED_SLACK <= old.latest and old.earliest - _COUNTED_SLACK <= new.latest


def _merge_lede(kept: list[EventDraft], text: str) -> list[EventDraft]:
    """The lede sums up what the body then tells with its date: an act in the lede joins the first act of the
    same type after it that the body dates (in its own words, or to the one day of the scene told before
    it: "on the 16th ... There the guard was tried and then shot"), when the lede gives no date or a
    wider one around the body's ("earlier this month" ... "on the 4th"), or the same one day
    (:func:`_same_day`). Two states going on ("since late September" ... "since Oct. 5") are two states,
    not one told more exactly, unless they share content words; a state going on since a day is not an
    act whose days it does not meet ("since the holiday ended" ... "in 2019"); a practice that recurs
    ("have been holding lectures every Saturday since March") is not the one day the body tells of it ("At
    a lecture on April 5")."""
    body = [k for k in kept if k.sentence.role is SegmentRole.BODY]
    if not body:
        return kept
    lede = body[0].sentence.segment
    out: list[EventDraft] = []
    for k in kept:
        later = None
        if k.sentence.segment == lede:
            later = next(
                (
                    m
                    for m in kept
                    if m.type is k.type
                    and m.sentence.segment != lede
                    and (m.date_value is not None or _one_day(m))
                    and (k.date_value is None or _narrower(m, k) or _same_day(m, k))
                    and not (k.ongoing and m.ongoing and _other_start(k, m))
                    and not (_habitual(text, k) and not m.ongoing and _one_day(m))
                    and not (k.ongoing and _disjoint(k, m))  # "since the holiday ended" is not "in 2019"
                    # "have been holding study sessions since late January" is not "On Tuesday, his
                    # workplace held a criticism session": meetings going on are a practice, whose one
                    # day the body tells is the day it began or another meeting
                    and not (
                        k.type is EventType.MEETING
                        and k.ongoing
                        and not k.trigger.noun  # "have been holding sessions", not "a public trial"
                        and not m.ongoing
                        and _one_day(m)
                        and not _begins_on(k, m)
                    )
                    and not (
                        k.ongoing and m.ongoing and k.date_value is not None and not restates(text, k, m)
                    )
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


_HABITUAL = re.compile(  # lower case: "Amnok Weekly" is a masthead
    r"\b(?:[Ee]very|[Ee]ach)\s+(?:day|week|month|morning|evening|night|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day)\b"
    r"|\b(?:daily|weekly|nightly|monthly)\b"
)


def _habitual(text: str, draft: EventDraft) -> bool:
    """The draft tells a practice that recurs ("lectures every Saturday", "weekly sessions")."""
    return bool(_HABITUAL.search(text, draft.sentence.start, draft.sentence.end))


#: how many days after a state's first possible day the day it began may lie ("since late January": the
#: 21st to the 31st)
_BEGIN_DAYS = 10


def _begins_on(state: EventDraft, act: EventDraft) -> bool:
    """Whether the one day of ``act`` may be the day ``state`` began: not more than :data:`_BEGIN_DAYS`
    after the first day the state's window allows."""
    if state.date is None or state.date.earliest is None or act.date is None or act.date.earliest is None:
        return True
    return 0 <= (act.date.earliest - state.date.earliest).days <= _BEGIN_DAYS


def _one_day(draft: EventDraft) -> bool:
    return (
        draft.date is not None
        and draft.date.earliest is not None
        and draft.date.earliest == draft.date.latest
    )


def _start_window(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 value of a year, month or day spans; ``None`` for any other value."""
    m = _CALENDAR.fullmatch(value or "")
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is not None:
        one = date(year, int(month), int(day))
        return one, one
    first = date(year, int(month), 1)
    return first, date(year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)


def _other_start(lede: EventDraft, body: EventDraft) -> bool:
    """Two states going on whose starts the report tells apart ("since late September" ... "since Oct.
    5"): the body's start lies outside the days the lede's start names."""
    window = _start_window(lede.date_value)
    start = body.date.earliest if body.date is not None else None
    return window is not None and start is not None and not window[0] <= start <= window[1]


def _disjoint(a: EventDraft, b: EventDraft) -> bool:
    """Both are dated and their days do not meet."""
    x, y = a.date, b.date
    if x is None or y is None:
        return False
    if x.earliest is None or x.latest is None or y.earliest is None or y.latest is None:
        return False
    return _apart_days(x.earliest, x.latest, y.earliest, y.latest)


def _apart_days(a_first: date, a_last: date, b_first: date, b_last: date) -> bool:
    return a_last < b_first or b_last < a_first


def _same_day(a: EventDraft, b: EventDraft) -> bool:
    """Both are dated to the same one day, ``a`` by words of its own (not only as told at a scene: "at
    least three have been reported since the start of this year" after a trial), and are not
    gatherings, of which one day often holds several (a lecture in the morning, a public trial after
    it)."""
    return a.type is not EventType.MEETING and not a.scene_dated and _one_day(a) and a.date == b.date


def _narrower(inner: EventDraft, outer: EventDraft) -> bool:
    """``inner``'s date lies inside ``outer``'s and is shorter."""
    a, b = inner.date, outer.date
    return a is not None and inside(a, b) and not same_days(b, a)
