"""The query parameters of the JSON API, as OpenAPI describes them.

The views read and check the values themselves (:func:`kirok.web.views.event_filter`), with the same
messages for the HTML pages and the JSON; these descriptions give each value its type, so a client (and
the schemathesis test) knows what to send.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import TypeAdapter

from kirok.model import EventType, ReviewStatus

__all__ = ["FILTER_PARAMETERS", "PAGE_PARAMETER", "REPORT_WORDS_PARAMETER", "parameters", "query_parameter"]

Parameter = dict[str, Any]


def query_parameter(name: str, kind: Any, description: str, **schema: Any) -> Parameter:
    """A query parameter whose schema is pydantic's JSON schema of ``kind``, with ``schema`` added;
    a list is sent as the parameter repeated (``type=arrest&type=detention``)."""
    found = TypeAdapter(kind).json_schema()
    found.pop("title", None)
    found.update(schema)
    parameter: Parameter = {"name": name, "in": "query", "required": False, "schema": found}
    parameter["description"] = description
    if found.get("type") == "array":
        parameter.update(style="form", explode=True)
    return parameter


def parameters(*described: Parameter) -> dict[str, Any]:
    """``openapi_extra`` for a path operation with these query parameters (copies, not shared)."""
    return {"parameters": copy.deepcopy(list(described))}


#: ``page``: pages of 25, from 1.
PAGE_PARAMETER = query_parameter(
    "page", int, "The page, from 1 (25 to a page).", minimum=1, maximum=999_999_999
)
#: ``q`` of ``/reports``.
REPORT_WORDS_PARAMETER = query_parameter("q", str, "Words, all of which are in the report's title or text.")

#: The filter values of the events, map, timeline and export pages (see ``views.event_filter``).
FILTER_PARAMETERS: tuple[Parameter, ...] = (
    query_parameter("type", list[EventType], "Event types; repeat for several (any of them)."),
    query_parameter("status", list[ReviewStatus], "Review statuses; repeat for several (any of them)."),
    query_parameter(
        "place", str, "Part of a place name as written, a gazetteer id, or a province or county name."
    ),
    query_parameter("province", str, "The province of the event's place, by its gazetteer name."),
    query_parameter("perpetrator", str, "Part of a perpetrator's name, e.g. 'State Security'."),
    query_parameter("from", str, "Events whose date window reaches this day or later.", format="date"),
    query_parameter("to", str, "Events whose date window starts on this day or earlier.", format="date"),
    query_parameter("q", str, "Words, all of which are in the evidence or in the report's text."),
)
