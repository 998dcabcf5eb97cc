"""The dateline opening a bulletin's first paragraph (`Damascus, SANA –`); the lead's weekday."""

from __future__ import annotations

import re

# "Damascus, SANA –", "Occupied Jerusalem, SANA-", "Geneva , SANA—": a place of one to five
# capitalised words, a comma, the agency and any kind of dash, with or without spacing. Also
# the forms seen in the wild (../shared/SITES.md): two places (`Damascus/Hasaka, SANA –`),
# a full stop for the comma (`Damascus. SANA-`), the agency in brackets (`Damascus, (SANA)`),
# an underscore or a comma before the dash (`Damascus, SANA_`, `Tehran, SANA, –`), and no
# dash at all before a capital (`Homs, SANA  The`). Real leads also put a dash or a slash
# between the place and the agency (`Damascus-SANA-`, `Damascus / SANA-`).
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][\w'’.]*(?:(?:[\s-]+|\s*/\s*)[A-Za-z][\w'’.]*){0,4}?)
    \s*[,./\-–—]\s*(?:SANA|\(SANA\))
    (?:\s*,?\s*[-–—‒―_]+|\s*[,:]|\s+(?=[A-Z“"]))\s*""",
    re.VERBOSE,
)

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY = re.compile(rf"\b(?:on|last|this)\s+({_WEEKDAYS})\b")


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Return the dateline's place and the paragraph without it (place None when absent)."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None, paragraph
    place = " ".join(match.group("place").split())
    return place, paragraph[match.end() :]


def lead_weekday(lead: str) -> str | None:
    """The weekday that the lead names (`on Tuesday` -> `Tuesday`); None for "today" or none."""
    match = _WEEKDAY.search(lead)
    return match.group(1) if match else None
