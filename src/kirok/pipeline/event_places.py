"""Where an act happened: an event place of its sentence, a place the sentence refers to ("the
province"), or the place the story is set in. Sources' locations, home towns, captions and tag lines
never become an event's place, nor do places that only say where people or goods came from or were
headed ("agents sent from Pyongyang", "traders who tried to sell goods in Kimchaek")."""

from __future__ import annotations

import re

from kirok.model import EventType, Place, PlacePrecision, SegmentRole
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole
from kirok.pipeline.event_draft import EventDraft

__all__ = ["attach_place", "headline_place", "rank", "story_place_after"]

_ANAPHORA = re.compile(r"\b(?:the|this|that) (province|county|city|town)\b|\b(provincial)\b", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(
    r"\b(?:sources?|residents?|informants?|contacts?)\s+(?:in|from|based in|living in)\s+$", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|people|students?|traders?|workers?|residents?|famil(?:y|ies)|soldiers?|"
    r"teenagers?|smugglers?|defectors?|officials?|farmers?|couple|youths?)\b",
    re.IGNORECASE,
)
#: "sent from Pyongyang", "students from universities in Hamheung": where people came from.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w'’-]+\s+){0,3}?(?:(?:in|of|at)\s+)?(?:the\s+)?$", re.IGNORECASE)
#: "as far as Wonsan", "tried to slip out to sell goods in Kimchaek": an aim, not a scene.
_AIM_BEFORE = re.compile(
    r"\b(?:as far as|(?:tried|trying|attempted|attempting|planned|planning|wanted|hoping|hoped|intended)"
    r"\s+to\b[^,.;]{0,60}|on (?:his|her|their) way to|heading (?:for|to)|bound for)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:in|to|at|into)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_LEVEL_OF = {
    "province": "province",
    "provincial": "province",
    "county": "county",
    "city": "county",
    "town": "county",
}
#: How exact a place is; in a sentence the most exact wins, and only 0-1 carry over to later sentences.
_PLACE_RANK = {
    PlacePrecision.EXACT: 0,
    PlacePrecision.SUB_UNIT: 0,
    PlacePrecision.COUNTY: 0,
    PlacePrecision.PROVINCE: 1,
    PlacePrecision.UNKNOWN: 2,  # rivers and other long features
    PlacePrecision.COUNTRY: 3,
}
_NOT_ANTECEDENTS = (PlaceRole.FOREIGN, PlaceRole.CAPTION, PlaceRole.TAGLINE, PlaceRole.ORIGIN)


def rank(place: Place | None) -> int:
    return _PLACE_RANK[place.precision] if place is not None else 9


def _scene(doc: Doc, mention: PlaceMention, type_: EventType | None = None) -> bool:
    """An event place that is the scene of what the sentence tells, not a provenance or an aim.

    For an escape, where people left from is the scene: "a family from Hyesan crossed the Yalu".
    """
    if mention.role is not PlaceRole.EVENT or mention.place is None:
        return False
    sentence = doc.sentence_at(mention.start)
    before = doc.text[sentence.start if sentence else 0 : mention.start]
    provenance = type_ is not EventType.ESCAPE and _FROM_BEFORE.search(before[-60:])
    return not (provenance or _AIM_BEFORE.search(before[-120:]))


def _within(inner: Place | None, outer: Place | None) -> bool:
    """``inner`` is a more exact place inside the province ``outer``."""
    if inner is None or outer is None or outer.precision is not PlacePrecision.PROVINCE or rank(inner) != 0:
        return False
    return bool(inner.admin_path and outer.admin_path and inner.admin_path[0] == outer.admin_path[0])


def _referred(doc: Doc, draft: EventDraft) -> tuple[str, PlaceMention] | None:
    """The place that "the province", "the provincial", "the city" or "the county" refers to."""
    sent = draft.sentence
    for m in _ANAPHORA.finditer(doc.text, sent.start, sent.end):
        if _SOURCE_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
            continue
        if any(p.role is not PlaceRole.EVENT and p.start <= m.start() < p.end for p in doc.places):
            continue
        level = _LEVEL_OF[(m.group(1) or m.group(2)).lower()]
        earlier = [
            p
            for p in doc.places
            if p.start < sent.end
            and p.place is not None
            and p.role not in _NOT_ANTECEDENTS
            and (p.role is not PlaceRole.SOURCE or level == "province")
            and p.place.precision.value == level
        ]
        return (m.group(0), earlier[-1]) if earlier else None
    return None


def attach_place(doc: Doc, draft: EventDraft, story_place: Place | None) -> None:
    sent = draft.sentence
    own = [p for p in doc.places if sent.start <= p.start < sent.end and _scene(doc, p, draft.type)]
    if own:
        best = min(own, key=lambda p: (rank(p.place), abs(p.start - draft.match[0])))
        if _within(story_place, best.place):
            draft.place = story_place
            draft.reasons.append(f"place: “{best.text}” in the sentence, narrowed to the story's place")
            draft.confidence += 0.1
            return
        if rank(best.place) <= 1 or story_place is None:
            draft.place = best.place
            draft.reasons.append(f"place: “{best.text}” in the sentence")
            draft.confidence += 0.1
            return
    referred = _referred(doc, draft)
    if referred is not None:
        words, mention = referred
        draft.place = mention.place
        draft.reasons.append(f"place: “{words}” refers to {mention.text}")
        return
    if story_place is not None:
        draft.place = story_place
        draft.reasons.append("place: carried from the place of the narrative")


def story_place_after(doc: Doc, draft: EventDraft, story_place: Place | None) -> Place | None:
    """The place the story is set in after this act's sentence: its most exact scene, if any; a province
    only when the story had no place yet."""
    sent = draft.sentence
    scenes = [
        p.place
        for p in doc.places
        if sent.start <= p.start < sent.end
        and _scene(doc, p, draft.type)
        and p.place is not None
        and rank(p.place) <= 1
    ]
    exact = [p for p in scenes if rank(p) == 0]
    if exact:
        return exact[-1]
    if scenes and story_place is None:
        return scenes[-1]
    return story_place


def headline_place(doc: Doc) -> Place | None:
    """The most exact place the headline names as a place of events: where the story is set.

    A place that only qualifies people ("Hamhung students sent to Samjiyon") yields to one that does
    not; it is used only when the headline names no other.
    """
    heads = [seg for seg in doc.segments if seg.role is SegmentRole.HEADLINE]
    named = [
        p
        for p in doc.places
        if _scene(doc, p) and rank(p.place) == 0 and any(seg.start <= p.start < seg.end for seg in heads)
    ]
    plain = [p for p in named if not _PEOPLE_AFTER.match(doc.text, p.end)]
    chosen = (plain or named)[:1]
    return chosen[0].place if chosen else None
