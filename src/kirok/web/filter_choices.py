"""Choices for the filter forms that come from data: the provinces of the gazetteer.

The province filter matches the first entry of an event's admin path, which is a province's gazetteer
name; the drop-down offers exactly those names, North Korea's first.
"""

from __future__ import annotations

from kirok.gazetteer import Gazetteer

__all__ = ["HOME_COUNTRY", "ProvinceGroup", "province_groups"]

HOME_COUNTRY = "KP"

#: ``(label, province names)`` for one ``<optgroup>``.
ProvinceGroup = tuple[str, tuple[str, ...]]


def province_groups(gazetteer: Gazetteer) -> tuple[ProvinceGroup, ...]:
    """North Korea's provinces, then those of other countries, each group sorted by name."""
    home = sorted(e.name for e in gazetteer if e.level == "province" and e.country == HOME_COUNTRY)
    abroad = sorted(e.name for e in gazetteer if e.level == "province" and e.country != HOME_COUNTRY)
    groups = [("North Korea", tuple(home))]
    if abroad:
        groups.append(("Other countries", tuple(abroad)))
    return tuple(groups)
