"""Which date of a sentence belongs to which act: a date in another clause ("..., and that two men were
shot"), in a relative clause told before the act ("women who were sent back at the end of March have
been sentenced"), the start of a range ("through July and August") or of a state going on "since".
"""

from __future__ import annotations

import re

from kirok.model import EventType, TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_refs import types_named
from kirok.pipeline.event_draft import precision_of

__all__ = [
    "a_limit",
    "after_other_act",
    "in_after_clause",
    "in_later_after_clause",
    "in_other_clause",
    "in_relative_clause",
    "range_window",
    "since_before",
    "told_that",
]

#: a break between two clauses that tell different acts
_CLAUSE_BREAK = re.compile(
    r";|\b(?:and|but) that\b|\bsaid,\s+and\b|,\s+(?:but|while|whereas)\b"
    r"|\band\s+(?:have|has)\s+(?:since\s+|now\s+)?been\b",  # "caught on Jan. 8 and have been sent"
    re.IGNORECASE,
)
#: a clause after the act's own that a date told after the act belongs to: another subject's ("..., and
#: the leader of his ring was executed on Monday"), the main verb after a relative clause ("a ban, which
#: was imposed after a family fled, was lifted on Aug. 15"), what the act led to ("beaten until he
#: confessed to having taken thirty people across since 2015")
_LATER_CLAUSE = re.compile(
    r",\s+and\s+(?:the|a|an|his|her|their|its|two|three|four|five|several|many)\b[^,;]*?"
    r"\b(?:was|were|is|are|has|have|had)\b|"
    r"\buntil\s+(?:he|she|they|it|we)\b|\bhaving\s+\w+|"
    r",\s+(?:which|who)\s+(?:had|has|have)\b|"  # "by the court, which had sat the previous afternoon"
    # "given by officials, who read out a new instruction dated Nov. 3": what they passed on has that date
    r",\s+who\s+(?:read|handed|passed|sent|relayed)\b|"
    # "sentenced five women who were sent back from China over the summer": the return's date
    r"\bwho\s+(?:were|was)\s+(?:sent|handed|forcibly|repatriated|returned|deported|arrested|caught|detained)\b|"
    # "held at the facility, where he was questioned about sacks sold since 2019"; "enforce a ban that has
    # kept boats in port since early May", "a crackdown that a Group 109 unit has been carrying out since"
    r",\s+where\b|\b(?:that|which)\s+(?:(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,4}?)?"
    r"(?:had|has|have)\b",
    re.IGNORECASE,
)
#: the main verb after the relative clause the act is told in closed: "..., was lifted on Aug. 15"
#: a telling whose content the act is: "lectures at which workers are told that a man was executed"
_TOLD_THAT = re.compile(
    r"\b(?:told|informed|learned|learnt|heard|warned|reminded|announced|explained)\b[^.;]{0,40}?\bthat\b",
    re.IGNORECASE,
)
_MAIN_AFTER = re.compile(r",\s+(?:was|were|is|are|has|have|had)\s+\w+", re.IGNORECASE)
#: the relative clause the act is told in: "a ban, which was imposed after", "a woman whose arrest"
_IN_RELATIVE = re.compile(r"\b(?:which|who|whose)\b[^,;.]*$", re.IGNORECASE)
#: a relative clause still open at the date: "who were sent back ... at the end of March"
_RELATIVE_OPEN = re.compile(r"\b(?:who|whose|which)\b[^,;()]*$", re.IGNORECASE)
#: the relative pronoun and its own auxiliary ("who were sent back", "who had been")
_RELATIVE_VERB = re.compile(
    r"\w+\s+(?:(?:was|were|is|are|has|have|had|had been|have been)\s+)?", re.IGNORECASE
)
#: a relative clause in the past perfect tells of a time before the main verb's: "a man who had been
#: sent back four years ago was arrested"
_HAD_BEFORE = re.compile(r"(?:who|which)\s+had\b", re.IGNORECASE)
#: a verb after the relative clause's own: the main clause has begun ("who walked off ... were flown")
_MAIN_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|got|gets)\b", re.IGNORECASE)
#: the main clause tells a later state: "who were sent back in March have been handed prison terms"
_PERFECT = re.compile(r"\b(?:have|has)\b", re.IGNORECASE)
#: what joins two dates into one span: "July and August", "May to July", "2019-2021"
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*", re.IGNORECASE)
#: "since Oct. 5", "since the party congress in January last year", "since the start of the year"
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w'’-]+\s+){0,4}(?:in|on|of|at)\s+)?$",
    re.IGNORECASE,
)
_SINCE_REACH = 60
#: the clause that tells what happened at the date a state goes on since
_WHEN = re.compile(r",\s+when\b", re.IGNORECASE)
#: "until the autumn", "by October", "before the summer": a limit set on the act, not its date.
_LIMIT_BEFORE = re.compile(
    r"\b(?:until|till|by|before|ahead of|no later than|through|deadline (?:of|set for|for))\s+(?:the\s+)?$",
    re.IGNORECASE,
)

#: "after his arrest in late summer", "followed an order from the party committee on Sept. 3": the date
#: of another act, which this one follows
_AFTER_ACT = re.compile(
    r"\b(?:after|following|followed|came after)\s+(?:the|his|her|their|its|an?)\s+"
    r"(?P<ref>[\w-]+(?:\s+[\w-]+)?)[^,;.()]{0,60}$",
    re.IGNORECASE,
)


def after_other_act(doc: Doc, sent_start: int, timex: Timex, act: EventType, match: tuple[int, int]) -> bool:
    """Whether the date belongs to another act that this one followed ("has been handed a term after
    his arrest in late summer"): it lies in words after "after" that name an act of another kind, and
    the act's trigger is not among them."""
    m = _AFTER_ACT.search(doc.text, sent_start, timex.start)
    if m is None or m.start() <= match[0] < timex.end:
        return False
    # "after his arrest in late summer"; "after a family of five slipped away in mid-May": the clause's verb
    types = types_named(m.group("ref")) or types_named(m.group(0))
    return bool(types) and act not in types


def in_other_clause(doc: Doc, timex: Timex, match: tuple[int, int]) -> bool:
    """Whether a clause break ("; ", "and that", "the source said, and") lies between the date and the
    act's trigger, or a later clause begins between the act and a date told after it
    (:data:`_LATER_CLAUSE`): the date belongs to another act."""
    lo, hi = (timex.end, match[0]) if timex.end <= match[0] else (match[1], timex.start)
    if lo < hi and hi == timex.start and _LATER_CLAUSE.search(doc.text, lo, hi) is not None:
        return True
    if (
        lo < hi
        and hi == timex.start
        and _MAIN_AFTER.search(doc.text, lo, hi) is not None
        and _IN_RELATIVE.search(doc.text, max(0, match[0] - 120), match[0]) is not None
    ):
        return True
    if lo < hi and hi == timex.start and _reduced_relative(doc, match, hi):
        return True
    if lo < hi and hi == match[0] and _of_the_subject(doc, timex, match):
        return True
    if lo < hi and hi == match[0] and _for_reason(doc.text, lo, hi):
        return True  # "sentenced last week for helping a family cross the river": the crossing came before
    if lo < hi and hi == match[0] and _NEW_SUBJECT.search(doc.text, lo, hi) is not None:
        return True  # "executed last week ..., and his deputy died in custody after repeated beatings"
    return lo < hi and _CLAUSE_BREAK.search(doc.text, lo, hi) is not None


#: the subject's own participle phrase, up to its date: "Several women among the hundreds forcibly returned
#: from China in October"
_SUBJECT_PARTICIPLE = re.compile(
    r"(?:A|An|The|Two|Three|Four|Five|Several|Some|Dozens|Hundreds)\b[^,.;:]{0,60}?\b\w+(?:ed|en)\s+"
    r"(?:from|in|to|at|across|over|by|into)\b[^,.;:]{0,60}$"
)
#: the main verb that follows that phrase: "have been sentenced"
_MAIN_AUX = re.compile(r"\s*(?:have|has|had|were|was)\s+(?:been\s+)?$", re.IGNORECASE)


def _of_the_subject(doc: Doc, timex: Timex, match: tuple[int, int]) -> bool:
    """ "Several women among the hundreds forcibly returned from China in October have been sentenced":
    the date is the participle's, told in the subject before the main verb, not the sentence's act's."""
    start = next((s.start for s in doc.sentences if s.start <= match[0] < s.end), None)
    return (
        start is not None
        and _SUBJECT_PARTICIPLE.match(doc.text, start, timex.start) is not None
        and _MAIN_AUX.fullmatch(doc.text, timex.end, match[0]) is not None
    )


#: the reason a punishment was given, told after its date: "sentenced last week for helping a family cross"
#: (not "taken in for questioning")
_FOR_REASON = re.compile(
    r"\bfor\s+(?:having\s+)?(?!questioning|interrogation|screening|processing|training|nothing|something|"
    r"anything|everything|morning|evening|hearing|sentencing|housing|spring)\w+ing\b",
    re.IGNORECASE,
)
#: a clause of its own after the reason: "arrested in 2014 for selling medicines and was sentenced"
_REASON_ENDS = re.compile(
    r"\b(?:and|but)\s+(?:was|were|had|has|have|is|are)\b|[,;]\s+(?:and|but)\b", re.IGNORECASE
)


def _for_reason(text: str, lo: int, hi: int) -> bool:
    """Whether the act's words stand in the reason clause ("for helping a family cross") that follows
    the date of the act it explains, and no clause of its own begins between."""
    found = list(_FOR_REASON.finditer(text, lo, hi))
    return bool(found) and _REASON_ENDS.search(text, found[-1].end(), hi) is None


#: a sentence that opens with a noun phrase whose participle tells the act: "A man detained on suspicion
#: of stealing diesel died in the cells on Sunday"
_OPENS_WITH_NOUN = re.compile(
    r"(?:A|An|The|Two|Three|Four|Five|Several)\s+"
    r"(?:(?!(?:a|an|the|was|were|is|are|has|have|had|been)\s)(?![\w-]*ed\s)[\w-]+\s+){0,3}"
)
#: the main clause's verb after that participle
_VERB_AFTER_PARTICIPLE = re.compile(r"(?<!\bto )\b(?:died|was|were|has|have|had|is|are)\b")


def _reduced_relative(doc: Doc, match: tuple[int, int], date_start: int) -> bool:
    """ "A man detained on suspicion of stealing diesel died ... on Sunday": the act told by a participle
    after the sentence's first noun phrase, and the date after the main verb, which is that verb's."""
    start = next((s.start for s in doc.sentences if s.start <= match[0] < s.end), None)
    word = doc.text[match[0] : match[1]].split()[0].lower() if match[1] > match[0] else ""
    return (
        start is not None
        and word.endswith(("ed", "en", "ght"))
        and _OPENS_WITH_NOUN.fullmatch(doc.text, start, match[0]) is not None
        and _VERB_AFTER_PARTICIPLE.search(doc.text, match[1], date_start) is not None
    )


#: a clause with a subject of its own between a date and the act told after it
_NEW_SUBJECT = re.compile(
    r",\s+and\s+(?:his|her|their|its|one|another|(?-i:[A-Z][a-z]+))\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:was|were|had|has|have|died|\w+ed)\b",
    re.IGNORECASE,
)


#: "after" opening a clause of its own: "since early this month, after the Central Committee ordered"
_AFTER_CLAUSE = re.compile(r"\bafter\s+(?:the\s+|a\s+)?[\w' -]+?\s+\w+ed$", re.IGNORECASE)


def in_after_clause(doc: Doc, timex: Timex, match: tuple[int, int]) -> bool:
    """Whether the act is the verb of an "after" clause told after the date, which belongs to the main
    clause: "Teams have combed the markets since early this month, after the Central Committee ordered a
    push" (the order came before). Not an "after" phrase set off by commas ("On May 3, after a tip-off,
    police arrested him") nor a noun ("shot on June 2 after a public trial")."""
    if timex.end > match[0]:
        return False
    # its words run to the trigger with no comma: "after a tip-off, police arrested" is no such clause
    return _AFTER_CLAUSE.search(doc.text, timex.end, match[1]) is not None


#: "The lockdown comes weeks after police handed five women over on Oct. 30": the act placed after another,
#: whose date follows
_PLACED_AFTER = re.compile(
    r"\s+(?:comes|came|follows|followed)\s+(?:[\w-]+\s+){0,3}?(?:after|following)\b"
    r"|\s+(?:follows|followed)\s+(?:an?|the)\s",  # "The mobilisation follows an order, handed down on June 8"
    re.IGNORECASE,
)


#: "placed under a curfew after leaflets turned up near the station on Feb. 7": a date told after the act,
#: in an "after" clause with a subject and a verb of its own, is that clause's (not "after a tip-off")
_AFTER_FINITE = re.compile(
    r"\bafter\s+(?!(?:the|a|an|his|her|their|its)\b)(?:[\w'-]+\s+){1,6}?"
    r"(?:\w+ed|found|caught|took|ran|fled|came|went|made|gave|sent|held|told|began|broke|stole|hid|left|fell"
    r"|turned up)\b[^,;]*$",
    re.IGNORECASE,
)


def in_later_after_clause(doc: Doc, timex: Timex, match: tuple[int, int]) -> bool:
    """Whether a date told after the act lies in an "after" clause that places the act after another:
    "The lockdown comes weeks after police handed five women over on Oct. 30", "placed under a curfew
    after leaflets turned up near the station on Feb. 7" (the other act's date), not "arrested after a
    tip-off on May 7"."""
    if timex.start < match[1]:
        return False
    return bool(
        _PLACED_AFTER.match(doc.text, match[1], timex.start)
        or _AFTER_FINITE.search(doc.text, match[1], timex.start)
    )


def in_relative_clause(doc: Doc, sent_start: int, timex: Timex, match: tuple[int, int] | None) -> bool:
    """Whether the date lies in a relative clause told before the act, whose own verb it dates: before
    an act told in the present perfect ("women who were sent back at the end of March have been
    handed prison terms") or after a relative clause in the past perfect ("a man who had been sent back
    four years ago was arrested"), or, with ``match`` None, before the main verb ("workers who walked off ...
    last winter were flown back ... last week")."""
    m = _RELATIVE_OPEN.search(doc.text, sent_start, timex.start)
    if m is None:
        return False
    if (
        match is not None
        and timex.end <= match[0]
        and doc.text[max(sent_start, m.start() - 2) : m.start()] == ", "
        and "," in doc.text[timex.end : match[0]]
    ):
        return True  # "Hwang, who moved to Kanggye three decades ago, is still being held": of the person
    if match is not None and (
        match[0] < timex.end
        or not (_PERFECT.search(doc.text, timex.end, match[1]) or _HAD_BEFORE.match(m.group()))
    ):
        return False  # "who tried to slip out on the night of Jan. 28 were intercepted": the same time
    own_verb = _RELATIVE_VERB.match(m.group())
    return not _MAIN_VERB.search(m.group(), own_verb.end() if own_verb else 0)


def range_window(doc: Doc, timex: Timex) -> TimeWindow | None:
    """The span of a date that opens a range with the next one ("through July and August"), if it
    does."""
    nxt = next((t for t in doc.timexes if t.start >= timex.end and t.type == "DATE"), None)
    if nxt is None or timex.window is None or nxt.window is None:
        return None
    earliest, latest = timex.window.earliest, nxt.window.latest
    if not _RANGE_JOIN.fullmatch(doc.text, timex.end, nxt.start) or earliest is None or latest is None:
        return None
    if latest <= earliest:
        return None
    return TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=precision_of(earliest, latest),
        resolution=timex.window.resolution,
    )


def since_before(doc: Doc, sent_start: int, timex: Timex, match: tuple[int, int]) -> bool:
    """Whether the date tells since when a state goes on ("since Oct. 5", "Since the party congress in
    January last year"): an act whose trigger lies between "since" and the date is not that state."""
    start = max(sent_start, timex.start - _SINCE_REACH)
    m = _SINCE.search(doc.text, start, timex.start)
    if m is None or (m.start() <= match[0] < timex.start):
        return False
    if match[0] >= timex.end and _WHEN.match(doc.text, timex.end):
        return False  # "under watch since late March, when the MSS was instructed to": then, not since
    return not re.search(r"[,;]", doc.text[m.start() : timex.start])


def a_limit(doc: Doc, sent_start: int, t: Timex) -> bool:
    """ "until the autumn", "ahead of the Day of the Sun (April 15)": a limit set on the act, not its
    date; "through July and August" is a span."""
    start = t.start
    glossed = next((g for g in doc.timexes if g.end < t.start and doc.text[g.end : t.start] == " ("), None)
    if glossed is not None:  # the date that glosses a holiday shares its role
        start = glossed.start
    return (
        bool(_LIMIT_BEFORE.search(doc.text[max(sent_start, start - 20) : start]))
        and range_window(doc, t) is None
    )


def told_that(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` tells of a telling whose content follows ("workers are told that")."""
    return _TOLD_THAT.search(text, start, end) is not None
