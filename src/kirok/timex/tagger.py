"""Find temporal expressions in a text and normalise them: :func:`tag`.

Every rule of the lexicon proposes matches; guards turn away false hits; of overlapping matches the
longest wins (then the earlier rule). The survivors are read in text order, so that "the next day"
follows the last date named before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from kirok.model import DateResolution, Span, TimeWindow
from kirok.pipeline.doc import Timex
from kirok.timex.absolute import read_date
from kirok.timex.context import Reference, clause_around, clause_tense, is_narrative, told_aside
from kirok.timex.durations import read_bc, read_clock, read_duration, read_set
from kirok.timex.guards import accepts
from kirok.timex.holidays import around_holiday
from kirok.timex.indefinite import weekday_of_week, weekdays_next_to, weekdays_within
from kirok.timex.lexicon import Lexicon, Rule, load_lexicon, normal_key
from kirok.timex.readings import Reading
from kirok.timex.relative import read_deictic, read_offset, read_reference, read_relative

__all__ = ["find", "tag"]

_Candidate = tuple[int, int, int, Rule, re.Match[str]]
_LEAD = re.compile(r"(\w+)\W*$")
#: What may stand between a clock time and the date it is on: "(0735 GMT)", "local time on", ", on".
_CLOCK_GAP = re.compile(r"\s*(?:\([^()]{0,24}\)\s*|(?:[A-Za-z]+\s+)?time\s+)?,?\s*(?:on\s+)?")


def tag(text: str, anchor: date | None) -> list[Timex]:
    """The temporal expressions of ``text``, sorted by start, read against the publication date ``anchor``.

    Without an anchor, absolute dates keep their values and relative ones get ``XXXX`` values, no window
    and a warning.
    """
    lexicon = load_lexicon()
    ref = Reference(
        anchor,
        narrative=is_narrative(text, anchor, lexicon),
        bounds=lexicon.guards["year_bound_before"],
        digression=int(lexicon.narrative["digression_years"]),
    )
    timexes: list[Timex] = []
    found = find(text, lexicon)
    early: dict[int, Reading | None] = {}  # dates read ahead of the clock time before them
    frames: set[int] = set()  # weeks read ahead as the frame of the weekdays before them
    spans = [(c[0], c[1]) for c in found]

    def read_ahead(later: int) -> Reading | None:
        """The reading of a later expression, read now and kept in ``early``."""
        if later not in early:
            at = ref.at
            _locate(ref, text, found[later][0])
            early[later] = _read(found[later][3], found[later][4], text, ref, lexicon)
            _locate(ref, text, at)
        return early[later]

    for index, (start, end, _, rule, match) in enumerate(found):
        if index in early:
            reading = early.pop(index)
        else:
            dated = _day_after_clock(text, found, index, ref, lexicon, early)
            _locate(ref, text, start)
            reading = _read(rule, match, text, ref, lexicon, dated)
            reading = _range_end(reading, rule, match, text, timexes, ref, lexicon)
            framed = weekday_of_week(text, spans, index, lexicon, read_ahead)
            if framed is not None:  # "Monday of last week": the week read ahead frames the weekday
                reading = framed[0]
                frames.add(framed[1])
        if reading is not None:
            if (
                reading.granule is not None
                and _names_a_date(rule, match, ref, reading)
                and not _gloss(text, timexes, start)
                and index not in frames  # "that morning" after "Monday of last week" is Monday's
            ):
                ref.noted(reading.granule, aside=told_aside(text, start))
                _report_period(ref, rule, match, reading)
            if rule.name == "holiday":  # widened after it is noted: "the next day" counts from the day
                reading = around_holiday(reading, text, start)
            timexes.append(_timex(text, start, end, reading))
    return weekdays_next_to(text, weekdays_within(text, timexes, lexicon), lexicon)


#: What joins the two ends of a range: "from June 1 to November 30", "March-November".
_RANGE_GAP = re.compile(r"\s*(?:-|–|to|through|until|till)\s*")
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _range_end(
    reading: Reading | None,
    rule: Rule,
    match: re.Match[str],
    text: str,
    timexes: list[Timex],
    ref: Reference,
    lexicon: Lexicon,
) -> Reading | None:
    """The end of a range never lies before its start: in "runs from June 1 to November 30" said in
    August, November 30 is in June's year, not the year before."""
    if reading is None or reading.granule is None or rule.kind != "date" or not timexes or ref.narrative:
        return reading  # a history's "from October to March" may start in the year before the one it is in
    groups = match.groupdict()
    first = timexes[-1].window
    if groups.get("year") or not (groups.get("month") or groups.get("monthnum")) or first is None:
        return reading
    if first.earliest is None or reading.granule.earliest >= first.earliest:
        return reading
    gap = _RANGE_GAP.fullmatch(text, timexes[-1].end, match.start())
    first_at = timexes[-1].start
    joined = gap is not None and (
        gap.group().strip() in "-–" or _RANGE_FROM.search(text, max(0, first_at - 12), first_at) is not None
    )
    if not joined:
        return reading  # "a revision Friday to December's figures" is no range
    for year in (first.earliest.year, first.earliest.year + 1):
        again = read_date({**groups, "year": str(year)}, ref, "", lexicon)
        if again is not None and again.granule is not None and again.granule.earliest >= first.earliest:
            return replace(again, resolution=reading.resolution)
    return reading


#: a paragraph that opens by going on from the one before it
_GOES_ON = re.compile(r"(?:Then|Later|After that|Afterwards|The next|The following)\b")


def _locate(ref: Reference, text: str, start: int) -> None:
    """Point the reference time at the expression starting at ``start`` and the word before it."""
    ref.at = start
    paragraph = text.rfind("\n\n", 0, start)
    # "Then on the 14th, ...": a paragraph that goes on from the one before is read with it
    ref.paragraph_at = -1 if paragraph < 0 or _GOES_ON.match(text, paragraph + 2) else paragraph
    lead = _LEAD.search(text, max(0, start - 16), start)
    ref.lead = lead.group(1).lower() if lead else ""


def _day_after_clock(
    text: str,
    found: list[_Candidate],
    index: int,
    ref: Reference,
    lexicon: Lexicon,
    early: dict[int, Reading | None],
) -> date | None:
    """The day a clock time is on when a date follows it: "10:35 a.m. (0735 GMT) Friday", "at 5 a.m.
    local time on March 20". That date is read now, kept in ``early`` and not read again."""
    rule, match = found[index][3], found[index][4]
    if rule.kind != "clock" or any(match.groupdict().get(k) for k in ("weekday", "month", "deictic")):
        return None
    if index + 1 == len(found):
        return None
    after = found[index][1]
    start, _, _, next_rule, next_match = found[index + 1]
    if next_rule.kind != "date" or not _CLOCK_GAP.fullmatch(text, after, start):
        return None
    _locate(ref, text, start)
    reading = _read(next_rule, next_match, text, ref, lexicon)
    early[index + 1] = reading
    return reading.day if reading is not None else None


def find(text: str, lexicon: Lexicon) -> list[_Candidate]:
    """Non-overlapping matches that pass their guards, in text order."""
    candidates: list[_Candidate] = []
    for order, (rule, windows) in enumerate(zip(lexicon.rules, _windows(text, lexicon), strict=True)):
        for lo, hi in windows:
            for match in rule.regex.finditer(text, lo, hi):
                if not accepts(rule, match, text, lexicon):
                    continue
                start, end = _span(rule, match, lexicon)
                if end > start:
                    candidates.append((start, end, order, rule, match))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[_Candidate] = []
    used = bytearray(len(text) + 1)
    for cand in candidates:
        start, end = cand[0], cand[1]
        if any(used[start:end]):
            continue
        used[start:end] = b"\x01" * (end - start)
        taken.append(cand)
    taken.sort(key=lambda c: c[0])
    return taken


def _windows(text: str, lexicon: Lexicon) -> list[list[tuple[int, int]]]:
    """For each rule, the stretches of text around its trigger words: the only places it can match.

    Trying every rule at every position of a long text is what makes regex taggers slow; a match
    always holds one of its rule's triggers, and starts or ends within the rule's ``reach`` of it.
    """
    windows: list[list[tuple[int, int]]] = [[] for _ in lexicon.rules]
    size = len(text)
    for token in lexicon.trigger_regex.finditer(text):
        word = token.group().lower()
        key = "DIGIT" if word[0].isdigit() else word
        for index in lexicon.triggered_by.get(key, ()):
            back, ahead = lexicon.rules[index].reach
            lo, hi = max(0, token.start() - back), min(size, token.end() + ahead)
            spans = windows[index]
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    for spans in windows:
        for i, (lo, hi) in enumerate(spans):
            while hi < size and (text[hi].isalnum() or text[hi] in ".:'"):
                hi += 1
            spans[i] = (lo, hi)
    return windows


def _span(rule: Rule, match: re.Match[str], lexicon: Lexicon) -> tuple[int, int]:
    if "t" in rule.regex.groupindex and match.group("t") is not None:  # "April 6-7": only the "7"
        return match.span("t")
    if rule.kind == "reference":
        inner = lexicon.reference_spans.get(normal_key(match.group(0)))
        if inner is not None:
            offset = match.group(0).lower().rfind(inner.split()[0])
            return match.start() + offset, match.end()
    return match.start(), match.end()


def _read(
    rule: Rule, match: re.Match[str], text: str, ref: Reference, lexicon: Lexicon, dated: date | None = None
) -> Reading | None:
    groups = match.groupdict()
    kind = rule.kind
    if kind == "date":
        calendar = bool(
            groups.get("month")
            or groups.get("monthnum")
            or groups.get("holiday")
            or groups.get("year")
            or groups.get("season")
        )
        tense = clause_tense(text, match.start(), match.end(), lexicon, calendar)
        if calendar and _DEADLINE_AFTER.match(text, match.end()):
            tense = "limit"  # "gave no reason for the Jan. 14 deadline": the one nearest, either side
        named_day = groups.get("day") if calendar else groups.get("weekday")
        now_frame = False
        if named_day and _scheduled(text, match.start(), lexicon, third_person=calendar):
            tense, now_frame = "future", True  # "talks resume Monday", "his term ends on October 31"
        elif not calendar and groups.get("weekday"):
            tense = _weekday_limit(text, match.start(), tense)
            if not tense and _present_schedule(text, match.start(), match.end(), lexicon):
                tense = "future"
            if _later_today(text, match.start(), groups.get("weekday") or "", ref, lexicon):
                tense = ""  # "expected to strengthen later on Monday", said on a Monday: today
        if tense == "future" and _WILL.search(text, max(0, match.start() - 60), match.start()):
            now_frame = True
        if now_frame and ref.narrative:  # an obituary's "a memorial will be held on May 5": from today
            with ref.told_from_now():
                return read_date(groups, ref, tense, lexicon)
        return read_date(groups, ref, tense, lexicon)
    if kind == "deictic":
        return read_deictic(groups, ref, lexicon)
    if kind == "reference":
        return read_reference(groups, ref, lexicon)
    if kind == "relative":
        tense = clause_tense(text, match.start(), match.end(), lexicon) if rule.name == "the_unit" else "past"
        return read_relative(groups, ref, tense, lexicon)
    if kind == "offset":
        return read_offset(groups, ref, clause_tense(text, match.start(), match.end(), lexicon), lexicon)
    if kind == "duration":
        return read_duration(groups, ref, lexicon)
    if kind == "set":
        return read_set(groups, lexicon)
    if kind == "clock":
        if groups.get("weekday") or groups.get("month"):  # "5 p.m. Friday", "noon, Nov. 9"
            tense = clause_tense(text, match.start(), match.end(), lexicon, True)
            if groups.get("weekday") and _scheduled(text, match.start(), lexicon):
                tense = "future"  # "tickets go on sale at 10 a.m. Tuesday"
            day_reading = read_date(groups, ref, tense, lexicon)
            dated = day_reading.day if day_reading is not None else None
        return read_clock(groups, ref, lexicon, dated)
    if kind == "bc":
        return read_bc(groups)
    return None


_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+)?(?:on\s+)?$", re.IGNORECASE)
_BY_WITH_MODAL = re.compile(
    r"\b(?:would|could|might|may|should)\b[^.;]{0,60}\b(?:by|from)\s+$", re.IGNORECASE
)


_FOR = re.compile(r"\bfor\s+$", re.IGNORECASE)
_POSSESSIVE_DAY = re.compile(r"\w+day(?:'s|\u2019s)", re.IGNORECASE)
#: a future told from the present: what a history or an obituary says is still to come ("will be held",
#: "a state hearing is scheduled for July 22")
_WILL = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|due|set|slated|expected|to))\b(?:(?![.;:!?]\s).)*$",
    re.IGNORECASE,
)
#: "said he would travel to Brussels on Friday": an act the clause puts ahead of its telling
_WOULD_ON = re.compile(r"\bwould\s+(?!have\b|be\s+\w+ed\b)\w+\b[^.;,]{0,50}\bon\s+$", re.IGNORECASE)


def _weekday_limit(text: str, start: int, tense: str) -> str:
    """The tense of a weekday a limit names: "closed schools until Thursday" is the Thursday nearest
    publication, on either side (``"limit"``); "could reach the coast by Wednesday" is ahead."""
    before = text[max(0, start - 80) : start]
    if _UNTIL.search(before):
        return "limit"
    if _BY_WITH_MODAL.search(before) or _WOULD_ON.search(before):
        return "future"
    if tense != "past" and _FOR.search(before) and not _POSSESSIVE_DAY.match(text, start):
        return "future"  # "has called a general strike for Friday"; not "jailed for Friday's attack"
    return tense


_PHRASES = ("go to the polls", "take place", "take effect", "go on trial", "kick off", "go on sale")


def _scheduled(text: str, start: int, lexicon: Lexicon, third_person: bool = False) -> bool:
    """Whether a present-tense verb of a scheduled event stands right before ``start``: "Talks resume
    Monday", "the court convenes on Friday". With ``third_person``, only a verb in "-s" counts ("his term
    ends on October 31"), not a word that may be a noun ("his visit on Sept. 29")."""
    m = lexicon.scheduled_present.search(text, max(0, start - 48), start)
    if m is None:
        return False
    words = m.group().split()
    clause, _ = clause_around(text, m.start(), m.start(), lexicon)
    if not words[0].lower().endswith("s") and lexicon.past_markers.search(clause):
        return False  # "the two leaders met in their first televised debate Tuesday night": a noun
    # a phrase ("go to the polls", "take place") is a verb; a lone word may be a noun ("his visit on")
    return not third_person or words[0].lower().endswith("s") or m.group().lower().startswith(_PHRASES)


_DEADLINE_AFTER = re.compile(r"\s+deadline\b", re.IGNORECASE)
_LATER_ON = re.compile(r"\blater\s+(?:on\s+)?$", re.IGNORECASE)


def _later_today(text: str, start: int, weekday: str, ref: Reference, lexicon: Lexicon) -> bool:
    """Whether "later (on) Monday" names the day of publication itself."""
    if ref.anchor is None or not _LATER_ON.search(text, max(0, start - 12), start):
        return False
    return lexicon.weekdays.get(normal_key(weekday)) == ref.anchor.isoweekday()


#: a determiner just before a word: "the heads of" is a noun, not the verb of an itinerary
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your|my)\s+$", re.IGNORECASE)


def _present_schedule(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the clause around a weekday tells an itinerary in the present ("Ilvar holds talks at the
    palace on Tuesday", "On Wednesday he flies to Sao Paulo"), with no past or reporting verb in it."""
    if _POSSESSIVE_DAY.match(text, start):
        return False  # "the move follows Tuesday's declaration": a thing done, not a plan
    clause = " ".join(clause_around(text, start, end, lexicon))
    if lexicon.past_markers.search(clause) or lexicon.reporting_markers.search(clause):
        return False
    # "held a lecture for the heads of neighbourhood offices": after a determiner the word is a noun
    return any(
        not _DETERMINER_BEFORE.search(clause, 0, m.start()) for m in lexicon.scheduled_verbs.finditer(clause)
    )


#: "began on Oct. 3, two days after the Chuseok holiday": what lies between a day and a date that glosses it
_GLOSS = re.compile(
    r",\s*(?:just|only|some|about|exactly)?\s*[\w-]+\s+(?:days?|weeks?)\s+(?:after|before)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _gloss(text: str, timexes: list[Timex], start: int) -> bool:
    """Whether the date at ``start`` only glosses the day named just before it ("on Oct. 3, two days after
    the Chuseok holiday"): "that afternoon" told next is still of Oct. 3."""
    day = next((t for t in reversed(timexes) if t.type == "DATE"), None)
    return day is not None and _GLOSS.fullmatch(text, day.end, start) is not None


def _names_a_date(rule: Rule, match: re.Match[str], ref: Reference, reading: Reading) -> bool:
    """Whether later anaphors count from this reading: "lost it two years later, and won it back the
    following spring". Not "a year earlier": in "up from $5 a year ago
    ... compared with $4 a year earlier" both count from the publication date. Not a part of the day
    already named ("in the afternoon", "through the night"). Not a start far back ("a family that has
    run the shop since 1952"), which is no time the story is at."""
    g = reading.granule
    if g is None or reading.type not in ("DATE", "TIME") or not reading.value[:1].isdigit():
        return False
    if rule.name == "part_of_day" and normal_key(match.group("partrel") or "") == "the":
        return False
    if ref.lead == "since" and g.unit in ("Y", "DE", "CE"):
        return False
    if rule.kind == "offset" and g.unit != "D":  # "two years later" moves the story on; "a year ago" does not
        return normal_key(match.groupdict().get("dir") or "") in ("later", "after")
    return True


#: how long after its end a quarter can still be the one a report is about, in days
_REPORT_PERIOD_REACH = 400


def _report_period(ref: Reference, rule: Rule, match: re.Match[str], reading: Reading) -> None:
    """Keep the quarter a report is about: the latest one it names ("the fiscal first quarter ... for the
    quarter ended Sept. 30"), not the year-earlier quarter it is compared with, a quarter of its history
    ("stopped paying a dividend in the third quarter of 1984") or one to come."""
    g = reading.granule
    if g is None or g.unit != "Q":
        return
    if rule.name == "latest_quarter" and (match.group("latest") or "").lower().startswith("year"):
        return
    if ref.anchor is None:
        if ref.quarter is None:
            ref.quarter = g
        return
    since_end = (ref.anchor - g.latest).days
    if g.earliest > ref.anchor or since_end > _REPORT_PERIOD_REACH:
        return  # a quarter to come, or one of the company's history
    if ref.quarter is None:
        ref.quarter = g
    elif since_end > 0 and (g.earliest > ref.quarter.earliest or ref.quarter.latest >= ref.anchor):
        ref.quarter = g  # a quarter over is the one reported ("for the quarter ended Sept. 30")


def _timex(text: str, start: int, end: int, reading: Reading) -> Timex:
    span = Span(start=start, end=end, text=text[start:end])
    window: TimeWindow | None = None
    g = reading.granule
    if g is not None:
        window = TimeWindow(
            earliest=None if reading.open_start else g.earliest,
            latest=g.latest,
            precision=g.precision,
            resolution=reading.resolution,
            timex=reading.value,
            span=span,
        )
    elif reading.within is not None:  # "the same day" after "last week": some day of that week
        w = reading.within
        window = TimeWindow(
            earliest=w.earliest,
            latest=w.latest,
            precision=w.precision,
            resolution=DateResolution.RELATIVE,
            timex=reading.value,
            span=span,
        )
    elif reading.resolution is DateResolution.UNRESOLVED and reading.type in ("DATE", "TIME"):
        window = TimeWindow(resolution=DateResolution.UNRESOLVED, timex=reading.value, span=span)
    return Timex(start, end, span.text, reading.type, reading.value, window, reading.warnings)
