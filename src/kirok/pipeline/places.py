"""The place stage: find place names in a report, resolve them against the gazetteer, and say why each
is named (where it happened, where the source lives, a person's home town, a caption...).

Only ``EVENT`` places may become an event's place (see :class:`~kirok.pipeline.doc.PlaceRole`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

from kirok.gazetteer import Gazetteer, GazetteerEntry
from kirok.model import Place, PlacePrecision, SegmentRole, Span
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings

__all__ = ["GazetteerPlaceStage", "find_places"]

#: Words between a place and the place that qualifies it: "Musan County, North Hamgyong Province",
#: "Jangphung County of North Hwanghae Province", "Nammun-dong in Hoeryong".
_QUALIFIER_GAP = re.compile(r"\s*(?:,|\bof\b|\bin\b)\s*")
_SOURCE_BEFORE = re.compile(
    r"\b(?:sources?|informants?|correspondents?|contacts?|insiders?)\s*,?\s+"
    r"(?:(?:living|based|located|residing|who\s+(?:lives|lived|is\s+based|stays))\s+)?"
    r"(?:in|from|of|inside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "said the source, a former official who served in Musan until last year and has since retired to
#: Ch'ongjin": where the source lives now, told in a clause about the source
_SOURCE_HOME_BEFORE = re.compile(
    r"\bsources?\b,?[^.;]{0,120}?\b(?:retired|moved|lives|resides|settled|relocated)\s+(?:\w+\s+){0,2}?"
    r"(?:in|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RESIDENT_BEFORE = re.compile(r"\bresidents?\s+(?:of|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"\b(?:told|tells|said|says|reported|explained|added|noted|according)\b")
#: "..., a relative living in Hamhung told ...", "..., a driver in Haeju said": a person the report quotes,
#: named after a speech verb, or after a comma when the speech verb follows in the same clause
_TELLER_BEFORE = re.compile(
    r"(,|\b(?:told|said|says|according\s+to))\s+(?:an?|one|the|two|several)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:relatives?|reporters?|traders?|merchants?|drivers?|journalists?|acquaintances?|friends?|cadres?|"
    r"officials?|workers?|smugglers?|defectors?|teachers?|farmers?|brokers?|members?|officers?|residents?|"
    r"people|persons?|villagers?|vendors?|miners?|fishermen|fisherman|students?|doctors?|employees?|"
    r"clerks?|labou?rers?|housewi(?:fe|ves)|women|men|woman|man)"
    r"(?:\s*,?\s+(?:living|based|located|residing|who\s+lives))?\s+(?:in|from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TELLS_AFTER = re.compile(r"^[^.;!?\n]{0,80}?\b(?:told|tells|said|says|reported|explained)\b")
_SOURCE_AFTER = re.compile(r"^(?:-based|\s+based)?\s+(?:sources?|informants?)\b", re.IGNORECASE)
_PERSON = (
    r"(?:man|woman|men|women|person|people|residents?|famil(?:y|ies)|defectors?|students?|workers?|girls?|"
    r"boys?|mother|father|son|daughter|wife|husband|couple|smugglers?|teenagers?|farmers?|soldiers?|"
    r"officials?|youths?|traders?|merchants?|refugees?|citizens?|individuals?|escapees?|brokers?)"
)
_ORIGIN_BEFORE = re.compile(
    rf"(?:\b{_PERSON}(?:\s+in\s+(?:his|her|their)\s+\w+)?,?\s+(?:(?:who\s+(?:is|was|were|are|came|comes)\s+)?"
    r"(?:originally\s+)?from)|\bnatives?\s+of|\b(?:hails?|hailing|originally)\s+from"
    r"|\b(?:was|were|been)\s+(?:born|raised|brought\s+up)\s+in|\bgrew\s+up\s+in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")
_CAPTION_LINE = re.compile(r"/\s*Image\s*:|\bPhoto\s*:|^\s*Image\s*:", re.IGNORECASE)
_ANAPHORA = re.compile(r"\b[Tt]he\s+(province|provincial|city|county)(?:['’]s)?\b(?!\s+of\b)")
#: A holding or detention facility named after its place: "the Onsong County MSS detention centre",
#: "the county detention center", "Chongjin jipkyulso". The mention is located at the place it names.
_FACILITY_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:MSS|MPS|MSPS|SSD|BSS|[Pp]olice|[Ss]tate\s+[Ss]ecurity|[Ss]ecurity|[Ss]afety|[Pp]eople['’]s\s+"
    r"[Ss]afety|[Pp]rovincial|[Cc]ounty|[Cc]ity|[Dd]epartment|[Dd]istrict)){0,3}\s+"
    r"(?:detention\s+(?:centre|center|facility|house)|holding\s+(?:centre|center|facility|cells?)|"
    r"(?:pre-?trial\s+)?detention\s+cells?|interrogation\s+(?:centre|center|facility)|jipkyulso|jipgyulso|"
    r"kuryujang|guryujang|labou?r\s+training\s+(?:camp|unit|centre|center)|rodong\s*danryondae|"
    r"kyohwaso|re-?education\s+camp|prison|jail)\b"
)
_UNKNOWN_UNIT = re.compile(
    r"\b([A-Z][a-z'’\u00c0-\u024f]+(?:[- ][A-Z][a-z'’\u00c0-\u024f]+)?)"
    r"(?:-(dong|ri|ni|li|gu|guyok|gun|si|up|eup)| (County|City|District))\b"
)
#: A place name that is part of an outlet's name: "Yalu Dispatch", "Pyongyang Times".
_OUTLET_AFTER = re.compile(
    r"\s+(?:Dispatch|Times|News|Journal|Post|Herald|Radio|Agency|Broadcasting|Network|Review|Monitor|"
    r"Wire|Ledger|Daily|Tribune|Gazette|Observer|Correspondent|Report|Today|Weekly|Focus|Watch)\b"
)
#: a place opening the title of a law: "the Pyongyang Cultural Language Protection Act"
_LAW_TITLE_AFTER = re.compile(r"(?:\s+[A-Z][\w'-]*){0,5}\s+(?:Act|Law)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: "the bank of the Songchon River": a river the gazetteer lacks, not the county that shares its name.
_RIVER_AFTER = re.compile(r"\s+(?:River|Stream|Creek)\b")
_NOT_A_NAME = frozenset({"The", "This", "That", "A", "Each", "Every", "Our", "Their", "His", "Her", "Which"})
_SUB_UNIT_SUFFIXES = frozenset({"dong", "ri", "ni", "li", "gu", "guyok", "District"})
_CONTEXT_WINDOW = 80


@dataclass
class _Draft:
    start: int
    end: int
    candidates: tuple[GazetteerEntry, ...]
    sub_unit: str | None = None  # an unknown dong/ri named with this place: "Nammun-dong, Hoeryong"
    unknown: str | None = None  # an unknown unit: "Songdo County"
    anaphora: str | None = None  # "province", "city" or "county"
    facility: str | None = None  # a facility named after this place: "Onsong County MSS detention centre"
    qualifier_of: _Draft | None = None
    qualified_by: list[_Draft] = field(default_factory=list)


class GazetteerPlaceStage(StageBase):
    """Fills ``doc.places`` from the gazetteer; works with or without ``doc.entities``."""

    name: ClassVar[str] = "places.gazetteer.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.places",)

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()

    def __call__(self, doc: Doc) -> Doc:
        doc.places = find_places(doc, self.gazetteer)
        return doc


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions of ``doc``, in text order, resolved and each with its role."""
    text = doc.text
    drafts = [_Draft(m.start, m.end, m.candidates) for m in gazetteer.scan(text)]
    drafts = [d for d in drafts if _capitalised(text, d) or doc.role_at(d.start) is SegmentRole.TAGLINE]
    drafts = [
        d for d in drafts if not _OUTLET_AFTER.match(text, d.end) and not _LAW_TITLE_AFTER.match(text, d.end)
    ]
    drafts = [d for d in drafts if not _unknown_river(text, d)]
    drafts = _add_units(text, drafts)
    drafts = _add_anaphora(text, drafts)
    _add_facilities(text, drafts)
    _prefer_rivers(text, drafts, gazetteer)
    _link_qualifiers(text, drafts, gazetteer)
    mentions: list[PlaceMention] = []
    seen: set[str] = set()  # entries resolved so far, with their parents
    last: GazetteerEntry | None = None  # the place named last, whatever its role
    last_scene: GazetteerEntry | None = None  # ... among places where things happen (not sources, home towns)
    captions = [(m.start(), m.end()) for m in _LINE.finditer(text) if _CAPTION_LINE.search(m.group())]
    for draft in drafts:
        role_in_doc = _segment_role(doc, draft.start, captions)
        if role_in_doc is SegmentRole.BOILERPLATE:
            continue
        antecedent = last if draft.anaphora in ("province", "provincial") else last_scene
        entry = _resolve(doc, draft, drafts, gazetteer, seen, antecedent)
        if draft.anaphora and entry is None:
            continue
        role = _role(doc, draft, entry, role_in_doc)
        if entry is not None:
            if draft.qualifier_of is None:
                last = entry
                if role in (PlaceRole.EVENT, PlaceRole.CONTEXT):
                    last_scene = entry
            seen.update(_self_and_ancestors(entry.id, gazetteer))
        mentions.append(_mention(text, draft, entry, role, gazetteer))
    return mentions


def _capitalised(text: str, draft: _Draft) -> bool:
    first = text[draft.start]
    return first.isupper() or not first.isascii() and not first.islower()


def _unknown_river(text: str, draft: _Draft) -> bool:
    """A name followed by "River" that the gazetteer knows only as something else."""
    return bool(_RIVER_AFTER.match(text, draft.end)) and all(c.level != "river" for c in draft.candidates)


def _add_units(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Units the gazetteer lacks: "X-dong, Y" folds into Y; "X County" stays unresolved."""
    by_start = {d.start: d for d in drafts}
    out = list(drafts)
    for m in _UNKNOWN_UNIT.finditer(text):
        if m.group(1) in _NOT_A_NAME or any(d.start < m.end() and m.start() < d.end for d in drafts):
            continue
        suffix = m.group(2) or m.group(3)
        gap = _QUALIFIER_GAP.match(text, m.end())
        host = by_start.get(gap.end()) if gap else None
        if suffix in _SUB_UNIT_SUFFIXES and host is not None and host.candidates:
            out.remove(host)
            out.append(replace(host, start=m.start(), sub_unit=m.group()))
        else:
            out.append(_Draft(m.start(), m.end(), (), unknown=m.group()))
    return sorted(out, key=lambda d: d.start)


def _add_anaphora(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """ "in the province", "the city's market": the place named last, when one was."""
    out = list(drafts)
    for m in _ANAPHORA.finditer(text):
        if not any(d.start < m.end() and m.start() < d.end for d in drafts):
            out.append(_Draft(m.start(), m.end(), (), anaphora=m.group(1)))
    return sorted(out, key=lambda d: d.start)


def _add_facilities(text: str, drafts: list[_Draft]) -> None:
    """ "the Onsong County MSS detention centre": the mention grows to the facility, located at its place."""
    for i, draft in enumerate(drafts):
        if not (draft.candidates or draft.anaphora) or draft.sub_unit or draft.unknown:
            continue
        if any(c.level in ("facility", "crossing", "river") for c in draft.candidates[:1]):
            continue
        m = _FACILITY_AFTER.match(text, draft.end)
        if m is None or (i + 1 < len(drafts) and drafts[i + 1].start < m.end()):
            continue
        draft.end, draft.facility = m.end(), text[draft.start : m.end()]


def _prefer_rivers(text: str, drafts: list[_Draft], gazetteer: Gazetteer) -> None:
    """ "crossed the Tumen": a bare name after "the" that a river bears is the river, not Tumen City."""
    for draft in drafts:
        if not draft.candidates or draft.candidates[0].level == "river" or draft.facility:
            continue
        if not _THE_BEFORE.search(text, max(0, draft.start - 5), draft.start):
            continue
        rivers = [e for e in gazetteer.lookup(text[draft.start : draft.end] + " River") if e.level == "river"]
        if rivers:
            draft.candidates = (rivers[0],)


def _link_qualifiers(text: str, drafts: list[_Draft], gazetteer: Gazetteer) -> None:
    """ "Musan County, North Hamgyong Province": the province qualifies the county and narrows homonyms."""
    for a, b in zip(drafts, drafts[1:], strict=False):
        if a.anaphora or b.anaphora or not b.candidates:
            continue
        if not _QUALIFIER_GAP.fullmatch(text, a.end, b.start):
            continue
        if not a.candidates:
            uppers = tuple(c for c in b.candidates if c.level == "province" and c.country == "KP")
            if a.unknown and uppers:
                b.candidates, b.qualifier_of = uppers, a
                a.qualified_by.append(b)
            continue
        pairs = [
            (ca, cb)
            for ca in a.candidates
            for cb in b.candidates
            if cb.id in {x.id for x in gazetteer.ancestors(ca.id)}
        ]
        if pairs:
            a.candidates = tuple(dict.fromkeys(ca for ca, _ in pairs))
            b.candidates = tuple(dict.fromkeys(cb for _, cb in pairs))
            b.qualifier_of = a
            a.qualified_by.append(b)


def _resolve(
    doc: Doc,
    draft: _Draft,
    drafts: list[_Draft],
    gazetteer: Gazetteer,
    seen: set[str],
    last: GazetteerEntry | None,
) -> GazetteerEntry | None:
    if draft.anaphora:
        return _antecedent(draft.anaphora, last, gazetteer)
    if not draft.candidates:
        return None
    if len(draft.candidates) == 1:
        return draft.candidates[0]
    sentence = doc.sentence_at(draft.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
    in_sentence = {
        a
        for d in drafts
        if d is not draft and lo <= d.start < hi and len(d.candidates) == 1
        for a in _self_and_ancestors(d.candidates[0].id, gazetteer)
    }

    def score(item: tuple[int, GazetteerEntry]) -> tuple[int, int]:
        rank, entry = item
        around = set(_self_and_ancestors(entry.id, gazetteer)[1:])
        here = -2 if around & in_sentence else -1 if around & seen else 0
        return (here, rank)

    return min(enumerate(draft.candidates), key=score)[1]


def _self_and_ancestors(entry_id: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The entry's id, then its parents' up to the province (no country): a homonym's context."""
    return (entry_id, *(a.id for a in reversed(gazetteer.ancestors(entry_id))))


def _antecedent(kind: str, last: GazetteerEntry | None, gazetteer: Gazetteer) -> GazetteerEntry | None:
    if last is None:
        return None
    if kind in ("province", "provincial"):
        province = gazetteer.province_of(last.id)
        return gazetteer.get(province) if province else None
    chain = (*gazetteer.ancestors(last.id), last)
    counties = [e for e in chain if e.level == "county"]
    return counties[-1] if counties else None


def _segment_role(doc: Doc, start: int, captions: list[tuple[int, int]]) -> SegmentRole:
    """The segment's role, else the sentence's; a body line with "/ Image:" or "Photo:" is a caption."""
    role = doc.role_at(start)
    if role is SegmentRole.BODY:
        sentence = doc.sentence_at(start)
        if sentence is not None:
            role = sentence.role
    if role is SegmentRole.BODY and any(lo <= start < hi for lo, hi in captions):
        role = SegmentRole.CAPTION
    return role


def _role(doc: Doc, draft: _Draft, entry: GazetteerEntry | None, role_in_doc: SegmentRole) -> PlaceRole:
    if role_in_doc is SegmentRole.CAPTION:
        return PlaceRole.CAPTION
    if role_in_doc is SegmentRole.TAGLINE:
        return PlaceRole.TAGLINE
    if draft.qualifier_of is not None:
        return PlaceRole.CONTEXT
    if entry is not None and entry.country != "KP":
        return PlaceRole.FOREIGN
    sentence = doc.sentence_at(draft.start)
    lo = max(sentence.start if sentence else 0, draft.start - _CONTEXT_WINDOW)
    hi = sentence.end if sentence else len(doc.text)
    before, after = doc.text[lo : draft.start], doc.text[draft.end : hi]
    if (
        _SOURCE_BEFORE.search(before)
        or _SOURCE_AFTER.match(after)
        or _SOURCE_HOME_BEFORE.search(doc.text, sentence.start if sentence else 0, draft.start)
    ):
        return PlaceRole.SOURCE
    if _RESIDENT_BEFORE.search(before) and _SPEECH_AFTER.search(after):
        return PlaceRole.SOURCE
    teller = _TELLER_BEFORE.search(before)
    if teller is not None and (teller.group(1) != "," or _TELLS_AFTER.match(after)):
        return PlaceRole.SOURCE
    if _ORIGIN_BEFORE.search(before):
        return PlaceRole.ORIGIN
    return PlaceRole.EVENT


def _mention(
    text: str, draft: _Draft, entry: GazetteerEntry | None, role: PlaceRole, gazetteer: Gazetteer
) -> PlaceMention:
    written = text[draft.start : draft.end]
    span = Span(start=draft.start, end=draft.end, text=written)
    if entry is None:
        place = _unknown_place(written, span, draft, gazetteer)
        return PlaceMention(draft.start, draft.end, written, role, place)
    path = gazetteer.admin_path(entry.id) if entry.level != "country" else ()
    precision = entry.precision
    if draft.sub_unit is not None:
        path, precision = (*path, draft.sub_unit), PlacePrecision.SUB_UNIT
    elif draft.facility is not None:
        path, precision = (*path, draft.facility), PlacePrecision.SUB_UNIT
    place = Place(
        name=written,
        gazetteer_id=entry.id,
        admin_path=path,
        latitude=entry.lat,
        longitude=entry.lon,
        country=entry.country,
        precision=precision,
        span=span,
    )
    return PlaceMention(draft.start, draft.end, written, role, place)


def _unknown_place(written: str, span: Span, draft: _Draft, gazetteer: Gazetteer) -> Place | None:
    """An unknown unit qualified by a province is located at the province; otherwise nothing is known."""
    if not draft.qualified_by or not draft.qualified_by[0].candidates:
        return None
    province = draft.qualified_by[0].candidates[0]
    return Place(
        name=written,
        admin_path=(*gazetteer.admin_path(province.id), written),
        latitude=province.lat,
        longitude=province.lon,
        country=province.country,
        precision=PlacePrecision.PROVINCE,
        span=span,
    )
