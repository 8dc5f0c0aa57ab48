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
#: "a team sent down from the Ministry of State Security in Pyongyang": where the team came from, past a
#: longer name than :data:`_FROM_BEFORE` reaches
_SENT_FROM_BEFORE = re.compile(
    r"\b(?:sent|dispatched|came|arrived)\s+(?:down\s+|out\s+)?from\s+[^,.;]{0,60}?\s+(?:in|of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "an order that the provincial state security bureau in Chongjin passed down": where the order came from,
#: the scene of the order alone; the story stays where it was
_ORDER_FROM_BEFORE = re.compile(
    r"\b(?:orders?|instructions?|directives?|decrees?)\s+(?:that|which|from|issued by|sent by)\s+"
    r"[^,.;]{0,70}?\s+(?:in|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "as far as Wonsan", "tried to slip out to sell goods in Kimchaek": an aim, not a scene.
_AIM_BEFORE = re.compile(
    r"\b(?:as far as|(?:tried|trying|attempted|attempting|planned|planning|wanted|hoping|hoped|intended)"
    r"\s+to\b[^,.;]{0,60}|on (?:his|her|their) way to|heading (?:for|to)|bound for)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:in|to|at|into)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
#: "a trader who moved scrap metal by truck to Sinuiju": where goods went, in a clause about someone else
_GOODS_WENT_BEFORE = re.compile(
    r"\b(?:who|which|that)\s+(?:[\w'’-]+\s+){0,2}?(?:moved|carried|sold|resold|shipped|smuggled|trucked|"
    r"delivered|traded|ferried|took)\s+(?!him\b|her\b|them\b|me\b|us\b)[^,.;]{0,50}?\s+(?:to|in|into)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: "trains between Hamhung and Chongjin", "the checkpoint on the road to Manpo": a route, not a scene.
_ROUTE_BEFORE = re.compile(
    r"\b(?:trains?|buses|traffic|roads?|railway|line|tracks?|trucks?|services?|flights?)\s+"
    r"(?:[\w'’-]+\s+){0,2}?between\s+(?:[\w'’-]+\s+){0,3}?(?:and\s+)?$|"
    r"\b(?:road|roads|highway|railway|line|route|way|train|trains|bus|buses)\s+(?:to|from|into|towards?)\s+$",
    re.IGNORECASE,
)
#: "as she tried to cross the Tumen in Musan": where a crossing was tried is the scene of the attempt and
#: of the capture (:data:`_AT_THE_CROSSING`), not an aim
_CROSSING_IN_BEFORE = re.compile(
    r"\b(?:cross|swim|wade)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:in|near)\s+(?:the\s+)?$", re.IGNORECASE
)
_AT_THE_CROSSING = (EventType.ESCAPE, EventType.ARREST)
#: "tried to cross the river at Hoeryong": where the attempt was made is a scene, whatever was aimed at.
_AT_BEFORE = re.compile(r"\b(?:at|near|outside|around|on the outskirts of)\s+(?:the\s+)?$", re.IGNORECASE)
#: "sent to a mining village in Koksan County", "driven to the camp at Yodok": where someone was moved.
#: The act may take it as its place; the story stays where it was.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:sent|taken|moved|driven|banished|transferred|relocated|deported|exiled|trucked|flown)\s+"
    r"(?:back\s+|away\s+|off\s+)?(?:to|into)\s+(?:(?:a|an|the|his|her|their)\s+[^,.;]{0,50}?\s+"
    r"(?:in|at|of|near)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
#: a trigger that names an act only as what another came after: "after a meeting of ..."
_AFTER_ACT = re.compile(r"after\s", re.IGNORECASE)
#: A mention that is itself a reference back: "the city's", "the provincial".
_ANAPHORIC = re.compile(r"(?:the|this|that)\s+(?:province|provincial|county|city|town)\b", re.IGNORECASE)
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
    before = _before(doc, mention)
    tail = before[-60:]
    # "sent back from Russia held in Rason": the "from" governs the place named between.
    provenance = type_ is not EventType.ESCAPE and _from_here(doc, mention, _FROM_BEFORE.search(tail), tail)
    sent = _from_here(doc, mention, _SENT_FROM_BEFORE.search(before[-100:]), before[-100:])
    aim = (
        not _AT_BEFORE.search(before[-30:])
        and not (type_ in _AT_THE_CROSSING and _CROSSING_IN_BEFORE.search(before[-80:]))
        and _AIM_BEFORE.search(before[-120:])
    )
    issuer = type_ is not EventType.DIRECTIVE and _ORDER_FROM_BEFORE.search(before[-110:])
    goods = _GOODS_WENT_BEFORE.search(before[-110:])
    return not (provenance or sent or aim or issuer or goods or _ROUTE_BEFORE.search(before[-60:]))


def _from_here(doc: Doc, mention: PlaceMention, origin: re.Match[str] | None, tail: str) -> bool:
    """Whether the "from" found in ``tail`` (the words just before the mention) governs the mention: no
    other place is named between them."""
    if origin is None:
        return False
    start = mention.start - len(tail) + origin.start()
    return not any(start < p.start < mention.start for p in doc.places)


def _before(doc: Doc, mention: PlaceMention) -> str:
    """The words of the mention's sentence before it."""
    sentence = doc.sentence_at(mention.start)
    return doc.text[sentence.start if sentence else 0 : mention.start]


def _anaphoric(mention: PlaceMention) -> bool:
    return bool(_ANAPHORIC.match(mention.text))


def _named(doc: Doc, mention: PlaceMention) -> PlaceMention:
    """For "the city's" resolved to a place named before, that earlier naming ("Sinuiju")."""
    if not _anaphoric(mention) or mention.place is None:
        return mention
    gid, precision = mention.place.gazetteer_id, mention.place.precision
    return next(
        (
            p
            for p in doc.places
            if p.start < mention.start
            and p.place is not None
            and p.place.gazetteer_id == gid
            and p.place.precision is precision
            and not _anaphoric(p)
        ),
        mention,
    )


def _within(inner: Place | None, outer: Place | None) -> bool:
    """``inner`` is a more exact place inside the province ``outer``."""
    if inner is None or outer is None or outer.precision is not PlacePrecision.PROVINCE or rank(inner) != 0:
        return False
    return bool(inner.admin_path and outer.admin_path and inner.admin_path[0] == outer.admin_path[0])


def _holds(county: PlaceMention, mention: PlaceMention) -> bool:
    """``mention`` names ``county`` or a place inside it."""
    outer = county.place.admin_path if county.place else ()
    inner = mention.place.admin_path if mention.place else ()
    return bool(outer) and inner[: len(outer)] == outer


def _antecedent(doc: Doc, words: re.Match[str], level: str, sent_end: int) -> PlaceMention | None:
    """The mention "the province" or "the city" at ``words`` refers to: the place of that level named
    last, as a scene (not where a team came from nor a road's end); the place stage's own resolution
    when it names such a scene or a place inside it."""
    earlier = [
        p
        for p in doc.places
        if p.start < sent_end
        and not p.start <= words.start() < p.end
        and p.place is not None
        and p.role not in _NOT_ANTECEDENTS
        and (p.role is not PlaceRole.SOURCE or level == "province")
        and p.place.precision.value == level
        and (p.role is not PlaceRole.EVENT or _scene(doc, p) or level == "province")
    ]
    named = [p for p in earlier if not _anaphoric(p)] or earlier
    resolved = next((p for p in doc.places if p.start == words.start() and p.place is not None), None)
    if level == "county" and resolved is not None and any(_holds(resolved, p) for p in earlier):
        return resolved
    return named[-1] if named else None


def _province_named(doc: Doc, story_place: Place, end: int) -> bool:
    """The report has named the province of the story's place before ``end`` ("a court in Ryanggang
    Province"): "the provincial bureau" is that province's, whatever other province was named since (a
    home town "in North Hamgyong Province")."""
    return any(
        p.start < end and p.role is not PlaceRole.FOREIGN and _within(story_place, p.place)
        for p in doc.places
    )


def _referred(doc: Doc, draft: EventDraft, story_place: Place | None) -> tuple[str, Place] | None:
    """The place that "the province", "the provincial", "the city" or "the county" refers to, with the
    reason. A province that holds the story's place, or any province once the story's own was named,
    keeps the story's place: "the provincial security bureau" of a story set in Chongjin sits in
    Chongjin, the provincial capital."""
    sent = draft.sentence
    for m in _ANAPHORA.finditer(doc.text, sent.start, sent.end):
        if _SOURCE_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
            continue
        if any(p.role is not PlaceRole.EVENT and p.start <= m.start() < p.end for p in doc.places):
            continue
        level = _LEVEL_OF[(m.group(1) or m.group(2)).lower()]
        antecedent = _antecedent(doc, m, level, sent.end)
        outer = antecedent.place if antecedent is not None else None
        if level == "province" and story_place is not None and rank(story_place) == 0:
            if outer is None or _within(story_place, outer) or _province_named(doc, story_place, sent.end):
                why = f"“{m.group(0)}” refers to the province of the story's place, {story_place.name}"
                return why, story_place
        if antecedent is not None and outer is not None:
            named = _named(doc, antecedent)
            return f"“{m.group(0)}” refers to {named.text}", named.place or outer
        return None
    return None


def attach_place(doc: Doc, draft: EventDraft, story_place: Place | None) -> None:
    sent = draft.sentence
    own = [
        p
        for p in doc.places
        if sent.start <= p.start < sent.end and _scene(doc, p, draft.type) and not _anaphoric(p)
    ]
    if own:
        best = min(own, key=lambda p: (rank(p.place), abs(p.start - draft.match[0])))
        if _within(story_place, best.place):
            draft.place = story_place
            draft.reasons.append(f"place: “{best.text}” in the sentence, narrowed to the story's place")
            draft.confidence += 0.1
            return
        home = _home_by_the_river(doc, draft, best) if story_place is None else None
        if home is not None:
            draft.place, draft.place_named = home.place, True
            draft.reasons.append(f"place: “{home.text}”, the home by “{best.text}” the sentence names")
            draft.confidence += 0.05
            return
        if rank(best.place) <= 1 or story_place is None:
            draft.place, draft.place_named = best.place, True
            draft.reasons.append(f"place: “{best.text}” in the sentence")
            draft.confidence += 0.1
            return
    referred = _referred(doc, draft, story_place)
    if referred is not None:
        why, place = referred
        draft.place = place
        draft.reasons.append(f"place: {why}")
        return
    if story_place is not None:
        draft.place = story_place
        draft.reasons.append("place: carried from the place of the narrative")


def _home_by_the_river(doc: Doc, draft: EventDraft, best: PlaceMention) -> PlaceMention | None:
    """The town the sentence names as home of the people it tells of, when the only scene it names is a
    river or another long feature ("A woman from Hyesan crossed the Yalu River"): the act's place is
    where they set out, not a line on the map."""
    if rank(best.place) < _PLACE_RANK[PlacePrecision.UNKNOWN]:
        return None
    sent = draft.sentence
    homes = [
        p
        for p in doc.places
        if sent.start <= p.start < sent.end
        and p.role is PlaceRole.ORIGIN
        and p.place is not None
        and rank(p.place) == 0
    ]
    return homes[0] if homes else None


def story_place_after(doc: Doc, draft: EventDraft, story_place: Place | None) -> Place | None:
    """The place the story is set in after this act's sentence: its most exact scene, if any; a province
    only when the story had no place yet. Backstory ("had paid guards in Musan County in 2019") and the
    place someone was moved to ("sent to a mining village in Koksan County") leave a story where it is,
    and so does "the city", which only refers back to a place the story has named; nor does an act named
    only as what another came after ("handed out after a meeting of the provincial department in
    Chongjin")."""
    if story_place is not None and (draft.backstory or _AFTER_ACT.match(doc.text, draft.match[0])):
        return story_place
    sent = draft.sentence
    scenes = [
        _named(doc, p).place
        for p in doc.places
        if sent.start <= p.start < sent.end
        and _scene(doc, p, draft.type)
        and not _anaphoric(p)
        and p.place is not None
        and rank(p.place) <= 1
        and not (story_place is not None and _DESTINATION_BEFORE.search(_before(doc, p)[-90:]))
        and not (story_place is not None and _ORDER_FROM_BEFORE.search(_before(doc, p)[-110:]))
    ]
    exact = [p for p in scenes if rank(p) == 0]
    if exact:
        return exact[-1]
    if scenes and story_place is None:
        return scenes[-1]
    if story_place is None and draft.place_named and rank(draft.place) == 0:
        return draft.place  # the town people set out from across a river (:func:`_home_by_the_river`)
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
    chosen = (plain or named)[:1] or _lede_scenes(doc)[:1] or _lede_homes(doc)[:1]
    return chosen[0].place if chosen else None


def _lede_homes(doc: Doc) -> list[PlaceMention]:
    """The towns the headline and lede name only as where people or acts came from, for a story that
    names no scene ("Nine fishermen from Hwadae County took their squid boat south"): where it is set.
    A home the place stage tells apart as a person's ("a woman from Musan") is not."""
    lede = next((s for s in doc.sentences if s.role is SegmentRole.BODY), None)
    end = lede.end if lede is not None else 0
    return [
        p
        for p in doc.places
        if p.start < end and p.role is PlaceRole.EVENT and rank(p.place) == 0 and not _scene(doc, p)
    ]


def _lede_scenes(doc: Doc) -> list[PlaceMention]:
    """The exact scenes of the lede, for a headline that names none ("Sixty sent back over Yalu bridge")."""
    lede = next((s for s in doc.sentences if s.role is SegmentRole.BODY), None)
    if lede is None:
        return []
    return [
        p for p in doc.places if lede.start <= p.start < lede.end and _scene(doc, p) and rank(p.place) == 0
    ]
