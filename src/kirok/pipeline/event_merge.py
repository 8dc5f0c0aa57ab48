"""One act told several times (headline, lede, body, a later reference) becomes one event with several
evidence spans."""

from __future__ import annotations

from kirok.model import SegmentRole
from kirok.pipeline.event_draft import EventDraft

__all__ = ["merge_drafts"]


def merge_drafts(drafts: list[EventDraft]) -> list[EventDraft]:
    """Join restatements: the same type with the same date, a clause that refers back to an act told
    before, the lede's summary of an act the body dates, and the headline (not into backstory: "Women
    handed back by China" is not the "had already been repatriated once, in 2018" of the body)."""
    kept: list[EventDraft] = []
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
        body = next((k for k in kept if k.type is h.type and not k.backstory), None)
        if body is not None:
            body.evidence.insert(0, h.evidence[0])
            body.reasons.append("merged: also stated in the headline")
            body.confidence += 0.05
        else:
            kept.insert(0, h)
    return kept


def _take_narrower_date(kept: EventDraft, later: EventDraft) -> None:
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


def _merge_lede(kept: list[EventDraft]) -> list[EventDraft]:
    """The lede sums up what the body then tells with its date: an act in the lede joins the first act
    of the same type after it that the body dates, when the lede gives no date or a wider one around
    the body's ("earlier this month" ... "on the 4th")."""
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
                    and m.date_value is not None
                    and (k.date_value is None or _narrower(m, k))
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


def _narrower(inner: EventDraft, outer: EventDraft) -> bool:
    """``inner``'s date lies inside ``outer``'s and is shorter."""
    a, b = inner.date, outer.date
    if a is None or b is None or None in (a.earliest, a.latest, b.earliest, b.latest):
        return False
    assert a.earliest and a.latest and b.earliest and b.latest
    return (
        b.earliest <= a.earliest and a.latest <= b.latest and (a.earliest, a.latest) != (b.earliest, b.latest)
    )
