"""When an act happened: the date its own sentence gives, else the window the narrative implies."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kirok.model import EventType, SegmentRole, TimeWindow
from kirok.pipeline.doc import Doc
from kirok.pipeline.event_date_clauses import (
    after_other_act,
    range_window,
    since_before,
)
from kirok.pipeline.event_date_offsets import (
    counted_back,
    counted_on_from,
    in_offset,
    offset_window,
)
from kirok.pipeline.event_date_own import (
    comes_after,
    ever_since,
    from_the_telling,
    going_on_since,
    lede_date,
    own_date,
    told_next,
)
from kirok.pipeline.event_date_refs import find_reference, reference_bounds, referenced_window, retold_act
from kirok.pipeline.event_date_scene import at_capture_scene, in_raid_scene, same_scene, there_at_the_scene
from kirok.pipeline.event_date_spans import following_span
from kirok.pipeline.event_date_story import (
    arrest_before,
    custody_before_punishment,
    ends_custody,
    handover_before,
    held_until,
    lasted_span,
    next_custody_step,
    refine_by_next,
    release_bound,
)
from kirok.pipeline.event_date_story_time import (
    BACKSTORY_DAYS,
    date_from_what_follows,
    dates_in,
    day_after_act,
    day_after_story,
    past_perfect,
    story_time_before,
    told_as_next,
    uncounted_next_day,
    week_after_story,
)
from kirok.pipeline.event_draft import EventDraft, relative_window, window_days
from kirok.pipeline.event_rules import load_event_rules

__all__ = ["attach_narrative_date", "attach_own_date", "is_backstory"]

#: a sentence that tells of a trial or an execution: the punishments told after it were handed down there
_TRIAL_SCENE = re.compile(r"\b(?:trial|verdict|execut\w*|firing squad|shot)\b", re.IGNORECASE)
#: "confiscated on the spot", "were immediately taken away", "shot moments after the verdict": at the time
#: of the act told just before
_AT_ONCE = re.compile(
    r"\b(?:on the spot|there and then|then and there|immediately|at once"
    r"|(?:moments|minutes) (?:after|later))\b",
    re.I,
)
#: "were detained as well": along with what was told before, when it happened
_ALSO = re.compile(r"\bas well\b(?!\s+as)", re.I)
#: "The raids, carried out by ...": a sentence that opens on the definite name of its act
_THE_ACT = re.compile(r"(?:the|these|those)\s+[\w-]+\b", re.I)
#: the widest story time ("over the weekend", "last week") an act told "as well" shares
_SCENE_DAYS = 6
#: "an earlier boat defection", "a previous raid": an act before the one the story tells
_EARLIER = re.compile(r"\b(?:an|the|a)\s+(?:earlier|previous|prior)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
#: Custody comes before the punishment it leads to; the punishment's date bounds an undated custody event.
_CUSTODY = (EventType.ARREST, EventType.DETENTION, EventType.ILL_TREATMENT)
_PUNISHMENT = (EventType.SENTENCE, EventType.EXECUTION)


def attach_own_date(
    doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str], drafts: list[EventDraft] | None = None
) -> None:
    """The date of the act's own sentence; a headline without one takes the lede's date ("Five
    fishermen flee by boat" ... "sailed out of the harbour on Oct. 9"). An act told after an order or
    after "since" in that sentence only follows its date, up to publication (:func:`comes_after`)."""
    back = counted_back(doc, draft)
    if back is not None:
        draft.date, draft.counted = back[0], True
        if window_days(back[0]) == 0 and back[0].earliest is not None:
            draft.date_value = back[0].earliest.isoformat()  # a day the story's time may move to
        draft.backstory = is_backstory(doc, draft, back[0])
        return
    since = ever_since(doc, draft, attribution_time)
    begun = since.window.earliest if since is not None and since.window is not None else None
    if since is not None and begun is not None and doc.published is not None and begun <= doc.published:
        draft.date = relative_window(begun, doc.published)
        draft.reasons.append(f"date: going on ever since “{since.text}”, up to publication")
        draft.ongoing = True
        return
    own = own_date(doc, draft, attribution_time, drafts or [])
    if own is not None and in_offset(doc, draft, own, attribution_time):
        return  # "shortly after the holiday (October 10)": counted from it (:func:`attach_narrative_date`)
    if own is None:  # "over the following two weeks": a span the tagger leaves without a window
        own = next(
            (
                t
                for t in doc.timexes
                if draft.sentence.start <= t.start < draft.sentence.end
                and t.type == "DURATION"
                and t.window is None
            ),
            None,
        )
        span = following_span(doc, draft, drafts or [], own, attribution_time, after=True) if own else None
        own = own if span is not None else None
    else:
        span = following_span(doc, draft, drafts or [], own, attribution_time)
    if span is not None and own is not None:
        draft.date, draft.date_value = span, own.value
        draft.confidence += 0.15
        draft.backstory = is_backstory(doc, draft, span)
        return
    where = "in the sentence"
    if own is None and _after_the_act_it_followed(doc, draft, attribution_time):
        return
    if own is None and draft.sentence.role is SegmentRole.HEADLINE:
        own, where = lede_date(doc, attribution_time), "in the lede"
    after = comes_after(doc, draft, own, drafts or []) if own is not None and where != "in the lede" else None
    if own is not None and own.window is not None and own.window.earliest is not None and after:
        if doc.published is None or own.window.earliest > doc.published:
            return
        draft.date = relative_window(own.window.earliest, doc.published)
        draft.reasons.append(f"date: from “{own.text}” up to publication ({after})")
        draft.ongoing = True
        return
    if (
        own is not None
        and where == "in the sentence"
        and week_after_story(doc, draft, drafts or [], attribution_time, own)
    ):
        return
    if own is not None and where == "in the sentence" and told_next(doc, own, attribution_time) is not None:
        return  # counted from the story's time, once every act before it is dated (:func:`_next_day`)
    if own is not None and own.window is not None:
        draft.date, draft.date_value = range_window(doc, own) or own.window, own.value
        draft.reasons.append(f"date: “{own.text}” {where}")
        from_the_telling(doc, draft, own, attribution_time)
        if since_before(doc, draft.sentence.start, own, draft.match):
            going_on_since(doc, draft, own, drafts or [])
        elif where == "in the sentence":
            refine_by_next(doc, draft, drafts or [], lambda s: dates_in(doc, s, attribution_time))
        draft.confidence += 0.15
        draft.backstory = is_backstory(doc, draft, own.window)


def _after_the_act_it_followed(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> bool:
    """ "has been handed a term after his arrest in late summer": from the date of the act it followed
    up to publication; whether it dated the act."""
    followed = [
        t
        for t in dates_in(doc, draft.sentence, attribution_time)
        if after_other_act(doc, draft.sentence.start, t, draft.type, draft.match)
    ]
    earliest = followed[0].window.earliest if followed and followed[0].window else None
    if earliest is None or doc.published is None or earliest > doc.published:
        return False
    draft.date = relative_window(earliest, doc.published)
    draft.reasons.append(f"date: after the act it followed, “{followed[0].text}”, up to publication")
    return True


def _next_day(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str]
) -> bool:
    """ "the next day", "the following Monday" in the act's sentence: the day after the story's time
    (:func:`~kirok.pipeline.event_date_story_time.day_after_story`), else the date as the tagger read
    it; whether the sentence tells one."""
    own = own_date(doc, draft, attribution_time)
    uncounted = uncounted_next_day(doc, draft) if own is None else None
    if uncounted is not None:
        # the tagger could not count from "early November", nor from "earlier this month" told after "on
        # Saturday": the day after the act just before, else after the story's time
        # the day of the act just before for "that day" ("The inspection came in March ... taken away
        # that day"), when the sentence names no other date and points to no other act ("Two days later
        # the guards on duty that night", "at the same trial ... that afternoon")
        said = told_as_next(doc, uncounted)
        same = said is not None and said.group("same") is not None
        if same and (
            any(
                t is not uncounted and draft.sentence.start <= t.start < draft.sentence.end
                for t in doc.timexes
            )
            or find_reference(doc, draft) is not None
        ):
            return False
        return day_after_act(doc, draft, drafts, same) or day_after_story(
            doc, draft, drafts, attribution_time, uncounted, same=same
        )
    told = told_next(doc, own, attribution_time) if own is not None else None
    if own is None or told is None or own.window is None:
        return False
    if day_after_story(
        doc,
        draft,
        drafts,
        attribution_time,
        own,
        told.group("weekday"),
        told.group("same") is not None,
        told.group("previous") is not None,
    ):
        return True
    draft.date, draft.date_value = own.window, own.value
    draft.reasons.append(f"date: “{own.text}” in the sentence")
    draft.confidence += 0.15
    draft.backstory = is_backstory(doc, draft, own.window)
    return True


#: the words that open a sentence naming again the act told by a noun in the sentence before
_NAMED_AGAIN = r"(?:The|That|This)\s+(?:[\w-]+\s+)?{noun}s?\b"


def _dated_by_the_next(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> bool:
    """ "The work follows an order from the provincial party committee. The order, dated July 9, said
    ...": an act named by a noun and dated by the next sentence, which opens by naming it again; whether
    it dated the act."""
    if not draft.trigger.noun or doc.published is None:
        return False
    nxt = next((s for s in doc.sentences if s.start >= draft.sentence.end), None)
    noun = doc.text[draft.match[0] : draft.match[1]].split()[0].lower()
    if nxt is None or nxt.role is not SegmentRole.BODY or not noun.isalpha():
        return False
    if not re.compile(_NAMED_AGAIN.format(noun=re.escape(noun)), re.IGNORECASE).match(doc.text, nxt.start):
        return False
    dated = [t for t in dates_in(doc, nxt, attribution_time) if t.window is not None]
    window = dated[0].window if dated else None
    if window is None or window.earliest is None or window.earliest > doc.published:
        return False
    draft.date, draft.date_value = window, dated[0].value
    draft.reasons.append(f"date: “{dated[0].text}” in the next sentence, which names the {noun} again")
    return True


def attach_narrative_date(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str] | None = None
) -> None:
    """A window for an act whose sentence gives no date, from the narrative around it.

    An act told by reference to another ("the same week he was taken away", "since the rally") has
    that act's date (:mod:`event_date_refs`). Otherwise the window starts at the story's time before it
    (:func:`_story_time_before`) and ends at publication; an arrest, detention or ill-treatment also ends
    by the punishment that followed it, when the report dates one; a punishment told next to a dated
    trial or execution was handed down there. An act told before any date takes it from the story that
    follows (:func:`~kirok.pipeline.event_date_story_time.date_from_what_follows`).
    """
    if doc.published is None:
        return
    published = doc.published
    pattern = attribution_time or load_event_rules().attribution_time
    if _next_day(doc, draft, drafts, pattern):
        return
    counted = offset_window(doc, draft, drafts)
    if counted is not None and counted.earliest is not None and counted.latest is not None:
        # the sentence dates the act, counting from another: the story's time moves on to it
        draft.date, draft.date_value = counted, _window_value(counted.earliest, counted.latest)
        draft.backstory = is_backstory(doc, draft, counted)
        return
    if _dated_by_the_next(doc, draft, pattern):
        return
    referenced = referenced_window(doc, draft, drafts)
    if referenced is not None:
        draft.date, pointed_to = referenced
        # "given ten-year terms at the same trial. Relatives were moved the day after": the story goes
        # back to that day, unless it has moved on past it
        draft.referred = not draft.ongoing
        _held_until_death(doc, draft, drafts)
        # "Since the handover they have been held": dated by another kind of act, not a restatement
        # ("At the trial the judge handed down the term": a punishment dated by its trial may restate one)
        draft.back_reference = draft.back_reference and (
            pointed_to is draft.type
            or (draft.type in _PUNISHMENT and pointed_to in (EventType.MEETING, EventType.EXECUTION))
        )
        return
    retold = retold_act(doc, draft, drafts)
    if retold is not None:
        draft.date, draft.date_value = retold.date, retold.date_value
        draft.reasons.append("date: that of the act its definite name refers back to")
        return
    story = story_time_before(doc, published, draft, drafts, pattern)
    if story is None:
        date_from_what_follows(doc, published, draft, pattern)
        counted_on_from(doc, draft)
        return
    start, until, source = story
    if (
        (draft.type in _PUNISHMENT or _TRIAL_SCENE.search(doc.text, draft.sentence.start, draft.sentence.end))
        and draft.type in (*_PUNISHMENT, EventType.MEETING)
        and until == start
        and _TRIAL_SCENE.search(doc.text, source.start, max(source.end, draft.sentence.start))
    ):
        draft.date = relative_window(start, start)
        draft.date_value = start.isoformat()  # a day, which a lede's "late last month" may sum up
        draft.scene_dated = True
        draft.reasons.append("date: handed down or held at the trial or execution of the day told before it")
        return
    if (
        until is not None
        and until != start
        and draft.type in (*_PUNISHMENT, EventType.MEETING)
        and _TRIAL_SCENE.search(doc.text, draft.sentence.start, draft.sentence.end)
        and _TRIAL_SCENE.search(doc.text, source.start, source.end)
    ):  # "executed just before the anniversary" ... "at the same trial": that execution's days
        draft.date = relative_window(start, until)
        draft.reasons.append("date: at the trial or execution told before it, in its days")
        return
    if until == start and _AT_ONCE.search(doc.text, draft.sentence.start, draft.sentence.end):
        draft.date = relative_window(start, start)
        draft.date_value = start.isoformat()
        draft.reasons.append("date: at once, on the day the story told before it")
        return
    if (
        until is not None
        and 0 < (until - start).days <= _SCENE_DAYS
        and draft.type in (EventType.ARREST, EventType.CRACKDOWN)
        and (
            _ALSO.search(doc.text, draft.sentence.start, draft.sentence.end)
            or (draft.back_reference and _THE_ACT.match(doc.text, draft.sentence.start, draft.match[1]))
        )
    ):  # "went from house to house over the weekend ... The raids ...; two men were detained as well"
        draft.date = relative_window(start, until)
        draft.reasons.append("date: along with the act told before it, in its days")
        return
    if until == start and in_raid_scene(doc, draft, drafts, source):
        draft.date = relative_window(start, start)
        draft.reasons.append("date: in the scene of the raid told just before it, on its day")
        return
    if until is not None and 0 <= (until - start).days <= 1 and same_scene(doc, draft, drafts, source):
        draft.date = relative_window(start, until)  # "on the night of the 3rd to the 4th": those days
        draft.reasons.append("date: in the scene of the act told just before it, on its day")
        return
    if until == start and there_at_the_scene(doc, draft, source):
        draft.date = relative_window(start, start)
        draft.reasons.append("date: there, at the scene told before it, on its day")
        return
    if until == start and at_capture_scene(doc, draft, drafts, source, start):
        draft.date = relative_window(start, start)
        draft.reasons.append("date: at the capture told just before it, on its day")
        return
    earliest, latest = start, published
    bound = ""
    if draft.type in (*_CUSTODY, EventType.FORCED_LABOR):
        end = _custody_end(doc, draft, drafts, earliest, latest)
        if end is not None:
            latest, bound = end, ", and by the punishment or death that followed"
        chain = next_custody_step(draft, drafts, earliest, latest) or custody_before_punishment(
            doc, draft, drafts, earliest
        )
        if chain is not None:
            (earliest, latest), bound = chain
    begun, ended = held_until(doc, draft)
    if ended is not None and earliest <= ended < latest:
        latest, bound = ended, f"{bound}, and by the day it lasted until"
    if begun is not None and earliest < begun <= latest:
        earliest, bound = begun, f"{bound}, and after the day the act before it lasted until"
    released = release_bound(doc, draft, earliest, latest)
    if released is not None:
        latest, bound = released, f"{bound}, and by the release the report dates"
    handover = handover_before(draft, drafts, published)
    if handover is not None and earliest < handover <= latest:
        earliest, bound = handover, f"{bound}, and not before the handover"
    arrested = arrest_before(draft, drafts, latest)
    if arrested is not None and earliest < arrested:
        earliest, bound = arrested, f"{bound}, and not before the arrest"
    bounded = reference_bounds(doc, draft, drafts, earliest, latest)
    if bounded is not None:
        (earliest, latest), words = bounded
        bound = f"{bound}, and {words}"
    span = lasted_span(doc, draft) if start == earliest else None
    # "held for 40 days" after an arrest "in April": by 40 days after the last day of April
    if span is not None and (until or start) + timedelta(days=span[1]) < latest:
        least, days = span
        latest, bound = (until or start) + timedelta(days=days), f"{bound}, and by how long it lasted"
        draft.held_to = latest if draft.type is EventType.DETENTION else None
        if draft.held_to is not None:  # the first and last days it may have ended on
            draft.held_ended = relative_window(min(start + timedelta(days=least), latest), latest)
    held = _held_before(draft, drafts)
    if (
        draft.type in (*_PUNISHMENT, EventType.FORCED_LABOR)
        and held is not None
        and earliest < held <= latest
    ):
        earliest, bound = held, f"{bound}, and after the holding of the length told before it"
    if draft.type is EventType.ILL_TREATMENT and held is not None and earliest <= held < latest:
        latest, bound = held, f"{bound}, and within the holding of the length told before it"
    first = _FIRST_SPAN.search(doc.text, draft.sentence.start, draft.sentence.end)
    if first is not None and draft.type in _CUSTODY:  # "had two ribs broken during his first week"
        end = earliest + timedelta(days=_FIRST_DAYS[first.group("unit").lower()])
        if end < latest:
            latest, bound = end, f"{bound}, and within the first {first.group('unit').lower()} of it"
    draft.date = relative_window(earliest, latest)
    draft.reasons.append(f"date: after the last date the story told before it{bound or ', by publication'}")


def _custody_end(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], earliest: date, latest: date
) -> date | None:
    """The last day of the first punishment or death the report dates between ``earliest`` and
    ``latest`` that ends the holding or labour (:func:`_ended_by`); ``None`` when it dates none."""
    ends = [
        d.date.latest
        for d in drafts
        if _ended_by(doc, draft, d)
        and not _told_again_below(d, drafts)
        and d.date is not None
        and d.date.earliest is not None
        and d.date.latest is not None
        and earliest <= d.date.earliest
        and d.date.latest < latest
    ]
    return min(ends) if ends else None


def _told_again_below(headline: EventDraft, drafts: list[EventDraft]) -> bool:
    """A headline's act the body tells with a date of its own, another than the headline took from the
    lede's first date, which may be another act's ("A woman handed back by China in October was
    sentenced ... late last month")."""
    return headline.sentence.role is SegmentRole.HEADLINE and any(
        d.type is headline.type
        and d.sentence.role is not SegmentRole.HEADLINE
        and d.date_value is not None
        and d.date != headline.date
        for d in drafts
    )


def _held_until_death(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> None:
    """A holding going on since an act ends with the punishment or death in custody the report dates
    after its start ("had been held since then" ... "died in the holding cells late last month")."""
    window = draft.date
    if draft.type is not EventType.DETENTION or window is None:
        return
    if window.earliest is None or window.latest is None:
        return
    end = _custody_end(doc, draft, drafts, window.earliest, window.latest)
    if end is not None:
        draft.date = relative_window(window.earliest, end)
        draft.reasons.append("date: and by the punishment or death that followed")


def _held_before(draft: EventDraft, drafts: list[EventDraft]) -> date | None:
    """The day the last holding told before the act ended, when its sentence said how long it lasted ("Yun
    was held for ten days ... She was then handed six months"): a punishment or labour told after it
    comes after that."""
    held = [d for d in drafts if d.held_to is not None and d.sentence.start < draft.sentence.start]
    return max(held, key=lambda d: d.sentence.start).held_to if held else None


#: "during his first week", "in the first month": custody's first days, counted from its start
_FIRST_SPAN = re.compile(
    r"\b(?:during|in|within|over|for|on)\s+(?:his|her|their|the)\s+first\s+(?:few\s+)?"
    r"(?P<unit>days|day|nights?|week|fortnight|month)\b",
    re.IGNORECASE,
)
#: its days after the first ("on the first night": that day and the morning after)
_FIRST_DAYS = {"day": 0, "night": 1, "nights": 13, "days": 13, "week": 6, "fortnight": 13, "month": 30}


def _window_value(earliest: date, latest: date) -> str:
    """The TIMEX3-like value of a counted window: its day, else its first and last days."""
    return earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}/{latest.isoformat()}"


def _ended_by(doc: Doc, draft: EventDraft, d: EventDraft) -> bool:
    """A punishment or a death in custody ends a holding; only a death ends forced labour ("made to
    carry stones ... He collapsed on the sea wall on March 19 and died")."""
    if draft.type is EventType.FORCED_LABOR:
        return d.type is EventType.ILL_TREATMENT and ends_custody(doc, d)
    return ends_custody(doc, d)


def is_backstory(doc: Doc, draft: EventDraft, window: TimeWindow) -> bool:
    """Told in the past perfect, named as an earlier act ("after an earlier boat defection"), or more
    than a year before publication: background, not the story."""
    if past_perfect(doc.text, draft.sentence.start, draft.match[1], trigger=draft.match[0]):
        return True
    if _EARLIER.search(doc.text, max(draft.sentence.start, draft.match[0] - 30), draft.match[0]):
        return True
    return bool(doc.published and window.latest and (doc.published - window.latest).days > BACKSTORY_DAYS)
