"""Reading the SVG drawings (map, timeline) in tests: parse, numeric attributes, titles."""

from __future__ import annotations

from lxml import etree

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def number(element: etree._Element, name: str) -> float:
    value = element.get(name)
    assert value is not None, name
    return float(value)


def title(element: etree._Element) -> str:
    found = element.find(f"{SVG}title")
    assert found is not None and found.text is not None
    return found.text
