"""Render the SANA seed bulletins as realistic pages in the two SANA English site themes.

``samples/catalog.json`` holds hand-written facts about each seed bulletin: its paragraphs in
order, image captions and where they sit, byline, Check Also footer, dates, ids, account,
tags and the related links shown around it.  This script wraps each bulletin in the
boilerplate of the two real WordPress themes so that the extraction code can be tested on
pages that look like the real ones:

* ``render_archive`` - the Sahifa (TieLabs) theme of https://archive.sana.sy/en/ (the site
  before the August 2025 relaunch);
* ``render_current`` - the Foxiz (themeruby) theme of https://sana.sy/en/ (since the relaunch).

Menus, tickers, sidebars, footers, inline CSS/JS and the other headlines are made up, but the
markup follows the real themes.  Output is deterministic: no clock and no randomness.

Run from the repository root::

    python samples/render.py          # writes samples/html/**, samples/text/*.json and
                                      # tests/data/pages/* (404 and listing pages)
    python samples/render.py --check  # also checks that the catalog rebuilds each seed text

A ``bulletin`` dict needs ``headline``, ``paragraphs`` and ``published`` (ISO 8601 with
offset); every other catalog key is optional and gets a neutral default (see ``_complete``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

Bulletin = dict[str, Any]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CATALOG = HERE / "catalog.json"

ARCHIVE = "https://archive.sana.sy/en/"
CURRENT = "https://sana.sy/en/"
ARCHIVE_NAME = "SANA Syrian Arab News Agency"
CURRENT_NAME = "Syrian Arab News Agency"

# ---------------------------------------------------------------------------------------------
# Site-wide boilerplate data (made up, in SANA's style)
# ---------------------------------------------------------------------------------------------

# Archive categories: key -> (label, WordPress category id).
ARCHIVE_CATS: dict[str, tuple[str, int]] = {
    "politics": ("Politics", 2),
    "presidency": ("Presidency", 11),
    "world": ("Syria and the World", 106),
    "local": ("Local", 4),
    "economy": ("Economy", 5),
    "culture": ("Culture", 6),
    "sports": ("Sports", 7),
    "scitech": ("Science &amp; Technology", 8),
    "health": ("Health", 9),
    "reports": ("Reports", 28),
    "interviews": ("Interviews", 29),
    "tourism": ("Tourism", 31),
    "miscellaneous": ("Miscellaneous", 33),
    "photos": ("Photo Gallery", 45),
    "videos": ("Videos", 46),
    "infographics": ("Infographics", 52),
    "opinion": ("Opinion", 57),
    "features": ("Features", 61),
    "occupied-golan": ("Occupied Golan", 73),
    "palestine": ("Palestine", 74),
}

# Current-site categories: key -> (label, term id); the slug is the key.
CURRENT_CATS: dict[str, tuple[str, int]] = {
    "politics": ("Politics", 3),
    "presidency": ("Presidency", 5),
    "world": ("Syria and the World", 7),
    "local": ("Local", 9),
    "economy": ("Economy", 11),
    "culture": ("Culture", 13),
    "sports": ("Sports", 15),
    "health": ("Health", 17),
    "scitech": ("Science and Technology", 19),
    "reports": ("Reports", 21),
    "interviews": ("Interviews", 23),
    "opinion": ("Opinion", 25),
    "infographics": ("Infographics", 27),
    "photos": ("Photos", 29),
    "videos": ("Videos", 31),
}

# (post id, published, category key, title) shown in the archive theme's menus and sidebars.
ARCHIVE_STORIES: list[tuple[int, str, str, str]] = [
    (
        203702,
        "2020-09-28T13:12:40+03:00",
        "politics",
        "Mikdad, Russian Ambassador discuss bilateral cooperation and preparations for upcoming "
        "meetings",
    ),
    (
        203699,
        "2020-09-28T12:40:02+03:00",
        "local",
        "Hama Governorate completes rehabilitation of 12 schools in the countryside",
    ),
    (
        203694,
        "2020-09-28T11:55:19+03:00",
        "economy",
        "Damascus Securities Exchange trading volume exceeds SYP 300 million",
    ),
    (
        203688,
        "2020-09-28T11:21:48+03:00",
        "world",
        "Palestinian factions reject normalization agreements with the Israeli occupation",
    ),
    (
        203686,
        "2020-09-28T10:47:33+03:00",
        "culture",
        "Photography exhibition documents heritage of old Damascus",
    ),
    (
        203679,
        "2020-09-28T10:02:11+03:00",
        "sports",
        "Tishreen beats al-Wahda in Syrian Premier League",
    ),
    (
        203672,
        "2020-09-28T09:30:54+03:00",
        "health",
        "Health Ministry: 43 new coronavirus cases recorded in Syria",
    ),
    (
        203660,
        "2020-09-27T18:14:26+03:00",
        "scitech",
        "Damascus University launches electronic registration platform",
    ),
    (
        203655,
        "2020-09-27T16:41:07+03:00",
        "politics",
        "Syria participates in the virtual meeting of the Non-Aligned Movement",
    ),
    (
        203640,
        "2020-09-27T14:25:39+03:00",
        "local",
        "Damascus Countryside: Water pumping station in Ein al-Fijeh back to service",
    ),
    (
        203631,
        "2020-09-27T12:58:15+03:00",
        "economy",
        "Ministry of Internal Trade sets new purchase price of cotton",
    ),
    (
        203615,
        "2020-09-26T17:33:50+03:00",
        "reports",
        "Restoration works at Palmyra archaeological site resume",
    ),
    (203610, "2020-09-26T15:20:12+03:00", "world", "Russia: US presence in Syria is illegitimate"),
    (
        203604,
        "2020-09-26T13:47:29+03:00",
        "culture",
        "Syrian novel wins award at Arab literary festival",
    ),
    (
        203598,
        "2020-09-26T12:09:03+03:00",
        "sports",
        "Syria’s national weightlifting team prepares for Asian Championship",
    ),
    (
        203590,
        "2020-09-26T11:26:44+03:00",
        "politics",
        "Al-Jaafari: The Syrian state is determined to restore full sovereignty over its territory",
    ),
    (
        203587,
        "2020-09-26T10:18:31+03:00",
        "health",
        "Vaccination campaign against polio starts in Deir Ezzor",
    ),
    (203577, "2020-09-26T09:02:57+03:00", "local", "Latakia farmers begin harvesting olive crop"),
    (
        203560,
        "2020-09-25T16:52:20+03:00",
        "economy",
        "Syrian-Russian Business Council discusses joint investment projects",
    ),
    (
        203552,
        "2020-09-25T14:36:48+03:00",
        "scitech",
        "Syrian students win medals at International Mathematics Olympiad",
    ),
    (
        203541,
        "2020-09-25T12:15:06+03:00",
        "world",
        "China calls for lifting unilateral measures imposed on Syria",
    ),
    (
        203531,
        "2020-09-24T18:40:37+03:00",
        "culture",
        "National Museum in Aleppo reopens halls after restoration",
    ),
    (203525, "2020-09-24T16:03:14+03:00", "sports", "Al-Jaish club wins Syrian Basketball Cup"),
    (
        203520,
        "2020-09-24T14:22:45+03:00",
        "local",
        "Electricity Ministry: New transformer stations put into service in Aleppo",
    ),
    (
        203512,
        "2020-09-24T12:10:09+03:00",
        "politics",
        "Syria, Abkhazia discuss enhancing parliamentary cooperation",
    ),
    (
        203500,
        "2020-09-23T17:58:36+03:00",
        "reports",
        "Aleppo’s industrial city of Sheikh Najjar regains its vitality",
    ),
]

# (post id, published, category key, title) shown in the current theme's menus and sidebars.
CURRENT_STORIES: list[tuple[int, str, str, str]] = [
    (
        2219810,
        "2025-11-20T14:05:12+03:00",
        "politics",
        "Foreign Minister al-Shaibani receives European Union delegation in Damascus",
    ),
    (
        2219795,
        "2025-11-20T13:22:40+03:00",
        "local",
        "Damascus Governorate launches road maintenance campaign in Mazzeh",
    ),
    (
        2219792,
        "2025-11-20T12:48:03+03:00",
        "world",
        "UN agencies discuss support for early recovery projects in Syria",
    ),
    (
        2219788,
        "2025-11-20T12:10:55+03:00",
        "economy",
        "Damascus Securities Exchange resumes trading with new listings",
    ),
    (
        2219781,
        "2025-11-20T11:34:21+03:00",
        "culture",
        "Damascus International Book Fair opens its doors to visitors",
    ),
    (
        2219774,
        "2025-11-19T18:02:47+03:00",
        "politics",
        "Syria participates in Arab League ministerial meeting in Cairo",
    ),
    (
        2219770,
        "2025-11-19T16:45:30+03:00",
        "sports",
        "Syria’s national football team begins training camp ahead of Asian qualifiers",
    ),
    (
        2219765,
        "2025-11-19T15:12:08+03:00",
        "health",
        "Health Ministry launches seasonal influenza vaccination campaign",
    ),
    (
        2219760,
        "2025-11-19T13:57:41+03:00",
        "local",
        "Electricity supply hours increase in Homs countryside",
    ),
    (
        2219754,
        "2025-11-19T12:31:16+03:00",
        "world",
        "Saudi-Syrian business forum discusses investment opportunities",
    ),
    (
        2219750,
        "2025-11-19T11:08:59+03:00",
        "economy",
        "Ministry of Economy discusses facilitating import procedures for industrialists",
    ),
    (
        2219744,
        "2025-11-19T10:15:37+03:00",
        "culture",
        "National Museum of Damascus hosts exhibition on Syrian traditional crafts",
    ),
    (
        2219740,
        "2025-11-18T17:40:22+03:00",
        "scitech",
        "Ministry of Communications expands 4G coverage in southern governorates",
    ),
    (
        2219731,
        "2025-11-18T15:26:04+03:00",
        "politics",
        "Syrian, Jordanian officials discuss border crossings and trade",
    ),
    (
        2219728,
        "2025-11-18T13:50:48+03:00",
        "health",
        "New dialysis center opens at Aleppo University Hospital",
    ),
    (
        2219722,
        "2025-11-18T12:19:33+03:00",
        "local",
        "Water network rehabilitation completed in several Aleppo neighborhoods",
    ),
    (
        2219718,
        "2025-11-17T19:44:10+03:00",
        "sports",
        "Al-Karamah beats Hutteen in Syrian Premier League",
    ),
    (
        2219712,
        "2025-11-17T16:03:27+03:00",
        "economy",
        "Syrian pound exchange rates stable in Central Bank bulletin",
    ),
    (
        2219706,
        "2025-11-17T13:38:51+03:00",
        "world",
        "Turkish delegation visits Damascus to discuss energy cooperation",
    ),
    (
        2219702,
        "2025-11-17T11:09:15+03:00",
        "politics",
        "Foreign Ministry receives copy of credentials of new Ambassador of Brazil",
    ),
    (
        2219698,
        "2025-11-16T17:21:46+03:00",
        "scitech",
        "Syrian Virtual University opens registration for new semester",
    ),
    (
        2219690,
        "2025-11-16T14:55:02+03:00",
        "local",
        "Olive harvest season begins in Idlib and Latakia countryside",
    ),
    (
        2219684,
        "2025-11-16T12:37:29+03:00",
        "reports",
        "Old Aleppo souks regain their customers after restoration",
    ),
    (
        2219679,
        "2025-11-16T10:26:13+03:00",
        "culture",
        "Syrian Symphony Orchestra performs at Damascus Opera House",
    ),
]

# Extra items of the two listing pages (the five samples are added to them).
ARCHIVE_LISTING_EXTRA: list[tuple[int, str, str, str]] = [
    (
        205117,
        "2020-11-03T13:16:52+03:00",
        "politics",
        "Al-Moallem receives copy of credentials of new Ambassador of Belarus",
    ),
    (
        193402,
        "2020-05-26T15:40:18+03:00",
        "politics",
        "Syria calls on UN Security Council to stop the violations of the Turkish occupation",
    ),
    (
        176908,
        "2019-11-11T12:05:33+03:00",
        "politics",
        "Syrian, Russian delegations discuss preparations for the international conference on "
        "return of refugees",
    ),
    (
        168377,
        "2019-08-20T14:48:07+03:00",
        "politics",
        "Mikdad receives Chinese Special Envoy for Syria",
    ),
    (
        106733,
        "2017-06-14T11:27:40+03:00",
        "politics",
        "Syria participates in Conference on Interaction and Confidence Building Measures in Asia",
    ),
]
ARCHIVE_LISTING_LEADS: dict[int, str] = {
    205117: "Damascus, SANA – Deputy Prime Minister, Foreign and Expatriates Minister Walid "
    "al-Moallem received on Tuesday a copy of the credentials of the new Ambassador of the "
    "Republic of Belarus.",
    193402: "Damascus, SANA- Syria sent two identical letters to the UN Secretary-General and "
    "the President of the Security Council on the violations committed in the north.",
    176908: "Damascus, SANA – Syrian and Russian delegations discussed on Monday the preparations "
    "for holding the international conference on the return of refugees.",
    168377: "Damascus, SANA – Deputy Foreign and Expatriates Minister Fayssal Mikdad received on "
    "Tuesday the Chinese Special Envoy for Syria and the accompanying delegation.",
    106733: "Astana, SANA- Syria participated in the meeting of the Conference on Interaction and "
    "Confidence Building Measures in Asia held in the Kazakh capital.",
}
CURRENT_LISTING_EXTRA: list[tuple[int, str, str, str]] = [
    (
        2210504,
        "2020-11-03T13:16:52+03:00",
        "politics",
        "Al-Moallem receives copy of credentials of new Ambassador of Belarus",
    ),
    (
        2210491,
        "2020-05-26T15:40:18+03:00",
        "politics",
        "Syria calls on UN Security Council to stop the violations of the Turkish occupation",
    ),
    (
        2210474,
        "2019-11-11T12:05:33+03:00",
        "politics",
        "Syrian, Russian delegations discuss preparations for the international conference on "
        "return of refugees",
    ),
    (
        2210460,
        "2019-08-20T14:48:07+03:00",
        "politics",
        "Mikdad receives Chinese Special Envoy for Syria",
    ),
    (
        2210425,
        "2017-06-14T11:27:40+03:00",
        "politics",
        "Syria participates in Conference on Interaction and Confidence Building Measures in Asia",
    ),
]
CURRENT_LISTING_LEADS: dict[int, str] = {
    new: ARCHIVE_LISTING_LEADS[old]
    for new, old in zip(
        (2210504, 2210491, 2210474, 2210460, 2210425),
        (205117, 193402, 176908, 168377, 106733),
        strict=True,
    )
}

ACCOUNT_BIO: dict[str, str] = {
    "sana.english": "Editorial account of SANA English desk, Damascus.",
    "m.mohammed": "Editor at SANA English news desk.",
    "Manal": "Editor and translator at SANA English news desk.",
}

TAG_CLOUD: list[tuple[str, int]] = [
    ("President al-Assad", 4512),
    ("Syrian Arab Army", 3987),
    ("Iran", 1720),
    ("Russia", 2644),
    ("Walid al-Moallem", 1310),
    ("Fayssal Mikdad", 988),
    ("Idleb", 1422),
    ("Aleppo", 2391),
    ("Damascus", 3310),
    ("Palestine", 1505),
    ("Israeli occupation", 1680),
    ("Astana", 402),
    ("Geneva", 715),
    ("Coronavirus", 1133),
    ("Turkish occupation", 640),
    ("terrorism", 2870),
    ("China", 610),
    ("United Nations", 934),
    ("Hezbollah", 380),
    ("Lebanon", 822),
    ("Iraq", 901),
    ("Occupied Golan", 455),
    ("economy", 1203),
    ("culture", 1099),
    ("sports", 1310),
    ("Homs", 1011),
    ("Latakia", 862),
    ("Deir Ezzor", 743),
    ("Hama", 790),
    ("Daraa", 688),
]

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

# What WordPress' wptexturize and the editor leave in post HTML for these characters.
_ENTITIES = {
    "\u2018": "&#8216;",
    "\u2019": "&#8217;",
    "\u201c": "&#8220;",
    "\u201d": "&#8221;",
    "\u2013": "&#8211;",
    "\u2014": "&#8212;",
    "\u2026": "&#8230;",
    "\u00a0": "&nbsp;",
}


def _t(text: str) -> str:
    """Escape a text node the way WordPress outputs post text."""
    out = escape(text, quote=False)
    for char, entity in _ENTITIES.items():
        out = out.replace(char, entity)
    return out


def _a(text: str) -> str:
    """Escape an attribute value."""
    out = escape(text, quote=True)
    for char, entity in _ENTITIES.items():
        out = out.replace(char, entity)
    return out


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _long_date(iso: str) -> str:
    d = _dt(iso)
    return f"{d:%B} {d.day}, {d.year}"


def _short_date(iso: str) -> str:
    """Sahifa's card date as SANA's archive showed it: month and day, no year."""
    d = _dt(iso)
    return f"{d:%B} {d.day}"


def _num(key: str, low: int, high: int) -> int:
    """A stable pseudo-random number in [low, high] derived from ``key``."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return low + int(digest[:12], 16) % (high - low + 1)


def _hex(key: str, length: int = 32) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def _slug(text: str, limit: int = 48) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in text.replace("’", ""))
    parts = [p for p in keep.split("-") if p]
    slug = "-".join(parts)[:limit].strip("-")
    return slug or "image"


def _image(host: str, iso: str, title: str, size: str = "") -> str:
    d = _dt(iso)
    suffix = f"-{size}" if size else ""
    return f"{host}wp-content/uploads/{d:%Y/%m}/{_slug(title)}{suffix}.jpg"


def _upload(host: str, path: str, size: str = "") -> str:
    if size:
        stem, dot, ext = path.rpartition(".")
        path = f"{stem}-{size}{dot}{ext}"
    return f"{host}wp-content/uploads/{path}"


def _gravatar(account: str, size: int) -> str:
    digest = hashlib.md5(account.lower().encode("utf-8")).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s={size}&#038;d=mm&#038;r=g"


def _json_script(data: object, *, wp_style: bool) -> str:
    """JSON for an inline <script>: PHP json_encode style (escaped) or wp_json_encode style."""
    if wp_style:
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/")


def _excerpt(text: str, words: int) -> str:
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[:words])


def _author_slug(account: str) -> str:
    return account.lower().replace(".", "-").replace(" ", "-")


def _tag_slug(tag: str) -> str:
    return _slug(tag.lower(), 64)


def _complete(bulletin: Bulletin) -> Bulletin:
    """The bulletin with a neutral default for every optional key."""
    b = dict(bulletin)
    for key in ("headline", "paragraphs", "published"):
        if key not in b:
            raise KeyError(f"bulletin needs {key!r}")
    seed = b["headline"]
    b.setdefault("modified", b["published"])
    b.setdefault("archive_id", _num(seed, 60000, 210000))
    b.setdefault("archive_url", f"{ARCHIVE}?p={b['archive_id']}")
    b.setdefault("current_id", _num(seed, 2200000, 2219000))
    b.setdefault("category", "Politics")
    b.setdefault("categories", [b["category"]])
    cat_key = b["category"].lower().replace(" ", "-")
    b.setdefault("current_url", f"{CURRENT}{cat_key}/{b['current_id']}/")
    b.setdefault("account", "sana.english")
    b.setdefault("tags", [])
    b.setdefault("featured_image", f"{_dt(b['published']):%Y/%m}/{_slug(b['headline'])}.jpg")
    b.setdefault("empty_paragraph_before", [])
    b.setdefault("captions", [])
    b.setdefault("byline", None)
    b.setdefault("check_also", None)
    b.setdefault("related", [])
    b.setdefault("inline_related", [])
    b.setdefault("inline_related_after_paragraph", max(0, len(b["paragraphs"]) // 2 - 1))
    return b


def _cat_key(label: str) -> str:
    for key, (name, _) in CURRENT_CATS.items():
        if name.lower() == label.lower():
            return key
    return label.lower().replace(" ", "-")


# ---------------------------------------------------------------------------------------------
# CSS and JS that both themes carry (WordPress core)
# ---------------------------------------------------------------------------------------------

_WP_COLORS = [
    ("black", "#000000"),
    ("cyan-bluish-gray", "#abb8c3"),
    ("white", "#ffffff"),
    ("pale-pink", "#f78da7"),
    ("vivid-red", "#cf2e2e"),
    ("luminous-vivid-orange", "#ff6900"),
    ("luminous-vivid-amber", "#fcb900"),
    ("light-green-cyan", "#7bdcb5"),
    ("vivid-green-cyan", "#00d084"),
    ("pale-cyan-blue", "#8ed1fc"),
    ("vivid-cyan-blue", "#0693e3"),
    ("vivid-purple", "#9b51e0"),
]
_WP_GRADIENTS = [
    (
        "vivid-cyan-blue-to-vivid-purple",
        "linear-gradient(135deg,rgba(6,147,227,1) 0%,rgb(155,81,224) 100%)",
    ),
    (
        "light-green-cyan-to-vivid-green-cyan",
        "linear-gradient(135deg,rgb(122,220,180) 0%,rgb(0,208,130) 100%)",
    ),
    (
        "luminous-vivid-amber-to-luminous-vivid-orange",
        "linear-gradient(135deg,rgba(252,185,0,1) 0%,rgba(255,105,0,1) 100%)",
    ),
    (
        "luminous-vivid-orange-to-vivid-red",
        "linear-gradient(135deg,rgba(255,105,0,1) 0%,rgb(207,46,46) 100%)",
    ),
    (
        "very-light-gray-to-cyan-bluish-gray",
        "linear-gradient(135deg,rgb(238,238,238) 0%,rgb(169,184,195) 100%)",
    ),
    (
        "cool-to-warm-spectrum",
        "linear-gradient(135deg,rgb(74,234,220) 0%,rgb(151,120,209) 20%,rgb(207,42,186) 40%,"
        "rgb(238,44,130) 60%,rgb(251,105,98) 80%,rgb(254,248,76) 100%)",
    ),
    ("blush-light-purple", "linear-gradient(135deg,rgb(255,206,236) 0%,rgb(152,150,240) 100%)"),
    (
        "blush-bordeaux",
        "linear-gradient(135deg,rgb(254,205,165) 0%,rgb(254,45,45) 50%,rgb(107,0,62) 100%)",
    ),
    (
        "luminous-dusk",
        "linear-gradient(135deg,rgb(255,203,112) 0%,rgb(199,81,192) 50%,rgb(65,88,208) 100%)",
    ),
    (
        "pale-ocean",
        "linear-gradient(135deg,rgb(255,245,203) 0%,rgb(182,227,212) 50%,rgb(51,167,181) 100%)",
    ),
    ("electric-grass", "linear-gradient(135deg,rgb(202,248,128) 0%,rgb(113,206,126) 100%)"),
    ("midnight", "linear-gradient(135deg,rgb(2,3,129) 0%,rgb(40,116,252) 100%)"),
]
_WP_FONT_SIZES = [("small", "13px"), ("medium", "20px"), ("large", "36px"), ("x-large", "42px")]
_WP_SPACING = [
    ("20", "0.44rem"),
    ("30", "0.67rem"),
    ("40", "1rem"),
    ("50", "1.5rem"),
    ("60", "2.25rem"),
    ("70", "3.38rem"),
    ("80", "5.06rem"),
]
_WP_SHADOWS = [
    ("natural", "6px 6px 9px rgba(0, 0, 0, 0.2)"),
    ("deep", "12px 12px 50px rgba(0, 0, 0, 0.4)"),
    ("sharp", "6px 6px 0px rgba(0, 0, 0, 0.2)"),
    ("outlined", "6px 6px 0px -3px rgba(255, 255, 255, 1), 6px 6px rgba(0, 0, 0, 1)"),
    ("crisp", "6px 6px 0px rgba(0, 0, 0, 1)"),
]


def _wp_global_styles() -> str:
    """The ``global-styles-inline-css`` block WordPress prints from theme.json presets."""
    root = [f"--wp--preset--color--{n}: {v};" for n, v in _WP_COLORS]
    root += [f"--wp--preset--gradient--{n}: {v};" for n, v in _WP_GRADIENTS]
    root += [f"--wp--preset--font-size--{n}: {v};" for n, v in _WP_FONT_SIZES]
    root += [f"--wp--preset--spacing--{n}: {v};" for n, v in _WP_SPACING]
    root += [f"--wp--preset--shadow--{n}: {v};" for n, v in _WP_SHADOWS]
    rules = [":root{" + "".join(root) + "}"]
    rules.append(
        ":where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}"
        "body .is-layout-flex{display: flex;}.is-layout-flex{flex-wrap: wrap;"
        "align-items: center;}.is-layout-flex > :is(*, div){margin: 0;}"
        "body .is-layout-grid{display: grid;}.is-layout-grid > :is(*, div){margin: 0;}"
        ":where(.wp-block-columns.is-layout-flex){gap: 2em;}"
        ":where(.wp-block-columns.is-layout-grid){gap: 2em;}"
        ":where(.wp-block-post-template.is-layout-flex){gap: 1.25em;}"
        ":where(.wp-block-post-template.is-layout-grid){gap: 1.25em;}"
    )
    for kind in ("color", "background-color", "border-color"):
        prop = "color" if kind == "color" else kind
        for name, _ in _WP_COLORS:
            rules.append(
                f".has-{name}-{kind}{{{prop}: var(--wp--preset--color--{name}) !important;}}"
            )
    for name, _ in _WP_GRADIENTS:
        rules.append(
            f".has-{name}-gradient-background"
            f"{{background: var(--wp--preset--gradient--{name}) !important;}}"
        )
    for name, _ in _WP_FONT_SIZES:
        rules.append(
            f".has-{name}-font-size{{font-size: var(--wp--preset--font-size--{name}) !important;}}"
        )
    rules.append(
        ":where(.wp-block-post-template.is-layout-flex){gap: 1.25em;}"
        ":where(.wp-block-columns.is-layout-flex){gap: 2em;}"
        ":root :where(.wp-block-pullquote){font-size: 1.5em;line-height: 1.6;}"
    )
    return "\n".join(rules)


_CLASSIC_THEME_CSS = (
    "/*! This file is auto-generated */\n"
    ".wp-block-button__link{color:#fff;background-color:#32373c;border-radius:9999px;"
    "box-shadow:none;text-decoration:none;padding:calc(.667em + 2px) calc(1.333em + 2px);"
    "font-size:1.125em}.wp-block-file__button{background:#32373c;color:#fff;"
    "text-decoration:none}"
)


def _emoji_script(host: str) -> str:
    """WordPress' emoji detection settings and loader (written here, same behaviour)."""
    settings = {
        "baseUrl": "https://s.w.org/images/core/emoji/15.0.3/72x72/",
        "ext": ".png",
        "svgUrl": "https://s.w.org/images/core/emoji/15.0.3/svg/",
        "svgExt": ".svg",
        "source": {"concatemoji": f"{host}wp-includes/js/wp-emoji-release.min.js?ver=6.6.2"},
    }
    loader = (
        "!function(w,d,cfg){var key='wpEmojiSettingsSupports',tests=['flag','emoji'];"
        "cfg.supports={everything:!0,everythingExceptFlag:!0};"
        "function store(v){try{sessionStorage.setItem(key,JSON.stringify({supportTests:v,"
        "timestamp:(new Date).valueOf()}))}catch(e){}}"
        "function cached(){try{var o=JSON.parse(sessionStorage.getItem(key));"
        "if(o&&'number'==typeof o.timestamp&&(new Date).valueOf()<o.timestamp+604800&&"
        "'object'==typeof o.supportTests)return o.supportTests}catch(e){}return null}"
        "function same(ctx,a,b){ctx.clearRect(0,0,ctx.canvas.width,ctx.canvas.height);"
        "ctx.fillText(a,0,0);var x=ctx.canvas.toDataURL();"
        "ctx.clearRect(0,0,ctx.canvas.width,ctx.canvas.height);ctx.fillText(b,0,0);"
        "return x===ctx.canvas.toDataURL()}"
        "function probe(){var c=d.createElement('canvas'),ctx=c.getContext('2d');"
        "ctx.textBaseline='top';ctx.font='600 32px Arial';var r={};"
        "r.flag=!same(ctx,'\\ud83c\\uddfa\\ud83c\\uddf3','\\ud83c\\uddfa\\u200b\\ud83c\\uddf3');"
        "r.emoji=!same(ctx,'\\ud83d\\udc26\\u200d\\ud83d\\udd25','\\ud83d\\udc26\\u200b"
        "\\ud83d\\udd25');return r}"
        "function add(src){var s=d.createElement('script');s.src=src;s.defer=!0;"
        "d.head.appendChild(s)}"
        "var res=cached();if(!res){res=probe();store(res)}"
        "for(var i=0;i<tests.length;i++){var t=tests[i];cfg.supports[t]=res[t];"
        "cfg.supports.everything=cfg.supports.everything&&res[t];"
        "if('flag'!==t)cfg.supports.everythingExceptFlag=cfg.supports.everythingExceptFlag&&"
        "res[t]}cfg.supports.everythingExceptFlag=cfg.supports.everythingExceptFlag&&"
        "!cfg.supports.flag;cfg.DOMReady=!1;cfg.readyCallback=function(){cfg.DOMReady=!0};"
        "if(!cfg.supports.everything){cfg.readyCallback();"
        "var src=cfg.source||{};if(src.concatemoji)add(src.concatemoji)}}"
        "(window,document,window._wpemojiSettings);"
    )
    return (
        '<script type="text/javascript">\n'
        f"window._wpemojiSettings = {_json_script(settings, wp_style=True)};\n"
        f"{loader}\n"
        "</script>\n"
        '<style type="text/css">\n'
        "img.wp-smiley,\nimg.emoji {\n\tdisplay: inline !important;\n\tborder: none !important;\n"
        "\tbox-shadow: none !important;\n\theight: 1em !important;\n\twidth: 1em !important;\n"
        "\tmargin: 0 0.07em !important;\n\tvertical-align: -0.1em !important;\n"
        "\tbackground: none !important;\n\tpadding: 0 !important;\n}\n"
        "</style>\n"
    )


def _comment_form(host: str, post_id: int, permalink: str, *, foxiz: bool) -> str:
    """WordPress core's "Leave a Reply" comment form."""
    submit_class = "submit is-btn" if foxiz else "submit"
    cookies = (
        '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" '
        'name="wp-comment-cookies-consent" type="checkbox" value="yes" /> '
        '<label for="wp-comment-cookies-consent">Save my name, email, and website in this '
        "browser for the next time I comment.</label></p>\n"
    )
    return (
        '<div id="respond" class="comment-respond">\n'
        '\t\t<h3 id="reply-title" class="comment-reply-title">Leave a Reply '
        f'<small><a rel="nofollow" id="cancel-comment-reply-link" href="{permalink}#respond" '
        'style="display:none;">Cancel reply</a></small></h3>'
        f'<form action="{host}wp-comments-post.php" method="post" id="commentform" '
        'class="comment-form" novalidate>'
        '<p class="comment-notes"><span id="email-notes">Your email address will not be '
        'published.</span> <span class="required-field-message">Required fields are marked '
        '<span class="required">*</span></span></p>'
        '<p class="comment-form-comment"><label for="comment">Comment '
        '<span class="required">*</span></label> <textarea id="comment" name="comment" '
        'cols="45" rows="8" maxlength="65525" required="required"></textarea></p>'
        '<p class="comment-form-author"><label for="author">Name <span class="required">*'
        '</span></label> <input id="author" name="author" type="text" value="" size="30" '
        'maxlength="245" autocomplete="name" required=\'required\' /></p>\n'
        '<p class="comment-form-email"><label for="email">Email <span class="required">*'
        '</span></label> <input id="email" name="email" type="email" value="" size="30" '
        'maxlength="100" aria-describedby="email-notes" autocomplete="email" '
        "required='required' /></p>\n"
        '<p class="comment-form-url"><label for="url">Website</label> <input id="url" '
        'name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>\n'
        f"{cookies}"
        f'<p class="form-submit"><input name="submit" type="submit" id="submit" '
        f'class="{submit_class}" value="Post Comment" /> '
        f"<input type='hidden' name='comment_post_ID' value='{post_id}' id='comment_post_ID' />\n"
        "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />\n"
        "</p></form>\t</div><!-- #respond -->\n"
    )


# ---------------------------------------------------------------------------------------------
# Archive theme: Sahifa by TieLabs (archive.sana.sy)
# ---------------------------------------------------------------------------------------------

_A_MENU_MEGA = ["politics", "world", "local", "economy", "culture", "sports"]
_A_MENU_SUB = {
    "features": ["reports", "interviews", "opinion", "tourism", "occupied-golan", "palestine"],
    "photos": ["photos", "videos", "infographics"],
}
_A_COLORS = [
    "#b5161b",
    "#1e73be",
    "#2e7d32",
    "#c77c0e",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#455a64",
    "#8d6e63",
    "#f4511e",
    "#3949ab",
    "#00897b",
    "#7cb342",
    "#5d4037",
    "#546e7a",
    "#d81b60",
    "#039be5",
    "#43a047",
    "#fb8c00",
    "#8e24aa",
]


def _a_cat_url(key: str) -> str:
    return f"{ARCHIVE}?cat={ARCHIVE_CATS[key][1]}"


def _a_post_url(post_id: int) -> str:
    return f"{ARCHIVE}?p={post_id}"


def _a_stories(
    cat: str | None = None, skip: int = 0, count: int = 5
) -> list[tuple[int, str, str, str]]:
    pool = [s for s in ARCHIVE_STORIES if cat is None or s[2] == cat]
    if len(pool) < count:
        pool = pool + [s for s in ARCHIVE_STORIES if s not in pool]
    return pool[skip : skip + count]


def _a_date_span(iso: str) -> str:
    return f'<span class="tie-date"><i class="fa fa-clock-o"></i>{_short_date(iso)}</span>'


_SAHIFA_ACCENT_SELECTORS = [
    ".search-block .search-button",
    "#topcontrol",
    "#main-nav ul li.current-menu-item a",
    "#main-nav ul li.current-menu-item a:hover",
    "#main-nav ul li.current_page_parent a",
    "#main-nav ul li.current_page_parent a:hover",
    "#main-nav ul li.current-menu-parent a",
    "#main-nav ul li.current-menu-parent a:hover",
    "#main-nav ul li.current-page-ancestor a",
    "#main-nav ul li.current-page-ancestor a:hover",
    ".pagination span.current",
    ".share-post span.share-text",
    ".flex-control-paging li a.flex-active",
    ".ei-slider-thumbs li.ei-slider-element",
    ".review-percentage .review-item span span",
    ".review-final-score",
    ".button",
    "a.button",
    "a.more-link",
    '#main-content input[type="submit"]',
    ".form-submit #submit",
    "#login-form .login-button",
    ".widget-feedburner .feedburner-subscribe",
    'input[type="submit"]',
    "#buddypress button",
    "#buddypress a.button",
    "#buddypress input[type=submit]",
    "#buddypress input[type=reset]",
    "#buddypress ul.button-nav li a",
    "#buddypress div.generic-button a",
    "#buddypress .comment-reply-link",
    "#buddypress div.item-list-tabs ul li a span",
    "#buddypress div.item-list-tabs ul li.selected a",
    "#buddypress div.item-list-tabs ul li.current a",
    "#buddypress #members-directory-form div.item-list-tabs ul li.selected span",
    "#members-list-options a.selected",
    "#groups-list-options a.selected",
    "body.dark-skin #buddypress div.item-list-tabs ul li a span",
    "body.dark-skin #buddypress div.item-list-tabs ul li.selected a",
    "body.dark-skin #buddypress div.item-list-tabs ul li.current a",
    "body.dark-skin #members-list-options a.selected",
    "body.dark-skin #groups-list-options a.selected",
    ".search-block-large .search-button",
    "#featured-posts .flex-next:hover",
    "#featured-posts .flex-prev:hover",
    "a.tie-cart span.shooping-count",
    ".woocommerce span.onsale",
    ".woocommerce-page span.onsale ",
    ".woocommerce .widget_price_filter .ui-slider .ui-slider-handle",
    ".woocommerce-page .widget_price_filter .ui-slider .ui-slider-handle",
    "#check-also-close",
    "a.post-slideshow-next",
    "a.post-slideshow-prev",
    ".widget_price_filter .ui-slider .ui-slider-handle",
    ".quantity .minus:hover",
    ".quantity .plus:hover",
    ".mejs-container .mejs-controls .mejs-time-rail .mejs-time-current",
    "#reading-position-indicator ",
]


def _sahifa_custom_css() -> str:
    rules = [
        "body{\n\tfont-family: 'Droid Sans';\n}\n",
        ".logo h1 a, .logo h2 a{\n\tfont-family: 'Droid Sans';\n}\n",
        ".post-title{\n\tfont-family: 'Droid Serif';\n\tfont-size : 26px;\n"
        "\tfont-weight: bold;\n}\n",
        "h2.post-box-title, h2.post-box-title a{\n\tfont-family: 'Droid Serif';\n"
        "\tfont-size : 20px;\n}\n",
        "h3.post-box-title, h3.post-box-title a{\n\tfont-family: 'Droid Sans';\n"
        "\tfont-size : 15px;\n}\n",
        "body.single .entry, body.page .entry{\n\tfont-family: 'Droid Serif';\n"
        "\tfont-size : 16px;\n\tline-height: 1.75;\n}\n",
        "#main-nav, #main-nav ul li a{\n\tfont-family: 'Droid Sans';\n\tfont-size : 14px;\n"
        "\tfont-weight: bold;\n}\n",
        ".breaking-news span.breaking-news-title{\n\tfont-family: 'Droid Sans';\n}\n",
        ".page-title{\n\tfont-family: 'Droid Serif';\n}\n",
        ".widget-top h4, .widget-top h4 a{\n\tfont-family: 'Droid Sans';\n\tfont-size : 16px;\n}\n",
        "#main-nav,\n.cat-box-content,\n#sidebar .widget-container,\n.post-listing,\n"
        "#commentform {\n\tborder-bottom-color: #b5161b;\n}\n",
        ",\n".join(_SAHIFA_ACCENT_SELECTORS) + " {\n\tbackground-color:#b5161b;\n}\n",
        "::-webkit-scrollbar-thumb{\n\tbackground-color:#b5161b !important;\n}\n",
        "#theme-footer,\n#theme-header,\n.top-nav ul li.current-menu-item:before,\n"
        "#main-nav .menu-sub-content ,\n#main-nav ul ul,\n#check-also-box { \n"
        "\tborder-top-color: #b5161b;\n}\n",
        ".search-block:after {\n\tborder-right-color:#b5161b;\n}\n",
        "body.rtl .search-block:after {\n\tborder-left-color:#b5161b;\n}\n",
        "#main-nav ul > li.menu-item-has-children:hover > a:after,\n"
        "#main-nav ul > li.mega-menu:hover > a:after {\n\tborder-color:transparent transparent "
        "#b5161b;\n}\n",
        ".widget.timeline-posts li a:hover,\n.widget.timeline-posts li a:hover span.tie-date {\n"
        "\tcolor: #b5161b;\n}\n",
        ".widget.timeline-posts li a:hover span.tie-date:before {\n\tbackground: #b5161b;\n"
        "\tborder-color: #b5161b;\n}\n",
        "#order_review,\n#order_review_heading {\n\tborder-color: #b5161b;\n}\n",
        ".background-cover{\n\tbackground-color:#f2f2f2 !important;\n"
        "\tbackground-image : url('') !important;\n\tfilter: progid:DXImageTransform.Microsoft."
        "AlphaImageLoader(src='',sizingMethod='scale') !important;\n\t-ms-filter: \"progid:"
        "DXImageTransform.Microsoft.AlphaImageLoader(src='',sizingMethod='scale')\" "
        "!important;\n}\n",
        "a:hover {\n\tcolor: #b5161b;\n}\n",
        "body.single .post .entry a, body.page .post .entry a {\n\tcolor: #1e4c8c;\n}\n",
        "body.single .post .entry a:hover, body.page .post .entry a:hover {\n"
        "\tcolor: #b5161b;\n}\n",
        ".top-nav ul li a:hover, .top-nav ul li:hover > a, .top-nav ul :hover > a , "
        ".top-nav ul li.current-menu-item a {\n\tcolor: #b5161b;\n}\n",
        "#main-nav ul li a:hover, #main-nav ul li:hover > a, #main-nav ul :hover > a , "
        "#main-nav  ul ul li:hover > a, #main-nav  ul ul :hover > a {\n\tcolor: #ffffff;\n}\n",
        "#main-nav ul li a, #main-nav ul ul a, #main-nav ul.sub-menu a, "
        "#main-nav ul li.current_page_parent ul a, #main-nav ul li.current-menu-item ul a, "
        "#main-nav ul li.current-menu-parent ul a, #main-nav ul li.current-page-ancestor ul a "
        "{\n\tcolor: #eeeeee;\n}\n",
        "#main-nav, #main-nav ul ul, #main-nav ul li.mega-menu .mega-menu-block {\n"
        "\tbackground-color:#1b1b1b !important;\n}\n",
        "#theme-footer {\n\tbackground-color:#1b1b1b !important;\n}\n",
        ".footer-bottom {\n\tbackground-color:#111111 !important;\n}\n",
        ".entry p, .entry { direction: ltr; }\n",
        ".gallery-caption, .wp-caption-text { font-size: 13px; color: #666; "
        "text-align: center; }\n",
        "#crumbs span.current { color: #777; }\n",
        ".post-tag a { background: #f2f2f2; }\n",
        ".breaking-news ul a { font-weight: bold; }\n",
        "#tie_lang_switcher a { display: inline-block; margin: 0 4px; }\n",
    ]
    for index, key in enumerate(ARCHIVE_CATS):
        cat_id = ARCHIVE_CATS[key][1]
        color = _A_COLORS[index % len(_A_COLORS)]
        rules.append(
            f".tie-cat-{cat_id} a.more-link, .tie-cat-{cat_id} .cat-box-title, "
            f".tie-cat-{cat_id} .cat-tabs-header li.active, .tie-cat-{cat_id} .pagination "
            f"span.current, .tie-cat-{cat_id} .cat-box-content .first-news "
            "h2.post-box-title a:hover, "
            f".tie-cat-{cat_id} .scroll-nav a {{\n\tbackground-color:{color} !important;\n}}\n"
            f".tie-cat-{cat_id} .cat-box-title h2 a, .tie-cat-{cat_id} .cat-box-title h2, "
            f".tie-cat-{cat_id} .post-box-title a:hover {{\n\tcolor:{color} !important;\n}}\n"
            f".tie-cat-{cat_id} .cat-box-content, .tie-cat-{cat_id} .cat-tabs-header {{\n"
            f"\tborder-bottom-color:{color} !important;\n}}\n"
            f"#main-nav ul li.menu-item-{1000 + cat_id}:hover > a, "
            f"#main-nav ul li.menu-item-{1000 + cat_id}.current-menu-item > a {{\n"
            f"\tbackground-color:{color} !important;\n}}\n"
        )
    return "".join(rules)


def _archive_head(
    title: str, canonical: str | None, meta: str, body_class: str, ld_json: str = ""
) -> str:
    styles = [
        ("wp-block-library-css", "wp-includes/css/dist/block-library/style.min.css?ver=5.2.4"),
        (
            "contact-form-7-css",
            "wp-content/plugins/contact-form-7/includes/css/styles.css?ver=5.1.4",
        ),
        (
            "taqyeem-buttons-style-css",
            "wp-content/plugins/taqyeem-buttons/assets/style.css?ver=5.2.4",
        ),
        ("taqyeem-style-css", "wp-content/plugins/taqyeem/style.css?ver=5.2.4"),
        ("tie-style-css", "wp-content/themes/sahifa/style.css?ver=5.2.4"),
        (
            "tie-ilightbox-skin-css",
            "wp-content/themes/sahifa/css/ilightbox/dark-skin/skin.css?ver=5.2.4",
        ),
        ("wp-pagenavi-css", "wp-content/plugins/wp-pagenavi/pagenavi-css.css?ver=2.70"),
        ("tablepress-default-css", "wp-content/plugins/tablepress/css/default.min.css?ver=1.9.2"),
    ]
    links = "".join(
        f"<link rel='stylesheet' id='{sid}'  href='{ARCHIVE}{path}' type='text/css' "
        "media='all' />\n"
        for sid, path in styles
    )
    fonts = (
        "<link rel='stylesheet' id='Droid+Sans-css'  href='https://fonts.googleapis.com/css?"
        "family=Droid+Sans%3Aregular%2C700' type='text/css' media='all' />\n"
        "<link rel='stylesheet' id='Droid+Serif-css'  href='https://fonts.googleapis.com/css?"
        "family=Droid+Serif%3Aregular%2Citalic%2C700%2C700italic' type='text/css' "
        "media='all' />\n"
    )
    canonical_tag = f'<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-US" prefix="og: http://ogp.me/ns#">\n'
        "<head>\n"
        '<meta charset="UTF-8" />\n'
        '<link rel="profile" href="http://gmpg.org/xfn/11" />\n'
        f'<link rel="pingback" href="{ARCHIVE}xmlrpc.php" />\n'
        f"<title>{_t(title)}</title>\n"
        "\n<!-- This site is optimized with the Yoast SEO plugin v12.1 - "
        "https://yoast.com/wordpress/plugins/seo/ -->\n"
        f"{canonical_tag}"
        f"{meta}"
        "<!-- / Yoast SEO plugin. -->\n\n"
        "<link rel='dns-prefetch' href='//fonts.googleapis.com' />\n"
        "<link rel='dns-prefetch' href='//s.w.org' />\n"
        f'<link rel="alternate" type="application/rss+xml" title="{ARCHIVE_NAME} &raquo; Feed" '
        f'href="{ARCHIVE}?feed=rss2" />\n'
        f'<link rel="alternate" type="application/rss+xml" title="{ARCHIVE_NAME} &raquo; '
        f'Comments Feed" href="{ARCHIVE}?feed=comments-rss2" />\n'
        f"{_emoji_script(ARCHIVE)}"
        f"{links}"
        "<style id='global-styles-inline-css' type='text/css'>\n"
        f"{_wp_global_styles()}\n</style>\n"
        f"<style id='classic-theme-styles-inline-css' type='text/css'>\n"
        f"{_CLASSIC_THEME_CSS}\n</style>\n"
        f"{fonts}"
        f"<script type='text/javascript' src='{ARCHIVE}wp-includes/js/jquery/jquery.js"
        "?ver=1.12.4-wp'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-includes/js/jquery/"
        "jquery-migrate.min.js?ver=1.4.1'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-content/plugins/taqyeem/js/"
        "tie.js?ver=5.2.4'></script>\n"
        f"<link rel='https://api.w.org/' href='{ARCHIVE}index.php?rest_route=/' />\n"
        f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{ARCHIVE}'
        'xmlrpc.php?rsd" />\n'
        f'<link rel="wlwmanifest" type="application/wlwmanifest+xml" href="{ARCHIVE}'
        'wp-includes/wlwmanifest.xml" /> \n'
        '<meta name="generator" content="WordPress 5.2.4" />\n'
        f"{ld_json}"
        f'<link rel="shortcut icon" href="{ARCHIVE}wp-content/uploads/2014/04/favicon.png" '
        'title="Favicon" />\n'
        "<!--[if IE]>\n"
        '<script type="text/javascript">jQuery(document).ready(function (){ '
        'jQuery(".menu-item").has("ul").children("a").attr("aria-haspopup", "true");});'
        "</script>\n<![endif]-->\n"
        "<!--[if lt IE 9]>\n"
        f'<script src="{ARCHIVE}wp-content/themes/sahifa/js/html5.js"></script>\n'
        f'<script src="{ARCHIVE}wp-content/themes/sahifa/js/selectivizr-min.js"></script>\n'
        "<![endif]-->\n"
        "<!--[if IE 9]>\n"
        f'<link rel="stylesheet" type="text/css" media="all" href="{ARCHIVE}wp-content/themes/'
        'sahifa/css/ie9.css" />\n<![endif]-->\n'
        "<!--[if IE 8]>\n"
        f'<link rel="stylesheet" type="text/css" media="all" href="{ARCHIVE}wp-content/themes/'
        'sahifa/css/ie8.css" />\n<![endif]-->\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        f'<link rel="apple-touch-icon-precomposed" sizes="144x144" href="{ARCHIVE}wp-content/'
        'uploads/2014/04/sana-144.png" />\n'
        f'<link rel="apple-touch-icon-precomposed" sizes="72x72" href="{ARCHIVE}wp-content/'
        'uploads/2014/04/sana-72.png" />\n'
        '<style type="text/css" media="screen">\n\n'
        f"{_sahifa_custom_css()}\n"
        "</style>\n\n"
        '<script type="text/javascript">\n'
        "\tvar _gaq = _gaq || [];\n\t_gaq.push(['_setAccount', 'UA-50157313-1']);\n"
        "\t_gaq.push(['_setDomainName', 'sana.sy']);\n\t_gaq.push(['_trackPageview']);\n"
        "\t(function() {\n\t\tvar ga = document.createElement('script'); "
        "ga.type = 'text/javascript'; ga.async = true;\n"
        "\t\tga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') + "
        "'.google-analytics.com/ga.js';\n\t\tvar s = document.getElementsByTagName('script')[0];"
        " s.parentNode.insertBefore(ga, s);\n\t})();\n</script>\n"
        "</head>\n"
        f'<body id="top" class="{body_class}">\n\n'
    )


def _a_mega_menu(key: str) -> str:
    label, cat_id = ARCHIVE_CATS[key]
    stories = _a_stories(key, 0, 5)
    first, rest = stories[0], stories[1:]
    fid, fdate, _, ftitle = first
    furl = _a_post_url(fid)
    out = [
        f'<li id="menu-item-{1000 + cat_id}" class="menu-item menu-item-type-taxonomy '
        f"menu-item-object-category menu-item-{1000 + cat_id} mega-menu mega-recent-featured "
        f'"><a href="{_a_cat_url(key)}">{label}</a>\n'
        '<div class="mega-menu-block menu-sub-content">\n\n'
        '<div class="mega-menu-content">\n'
        '<div class="mega-recent-post"><div class="post-thumbnail"><a class="mega-menu-link" '
        f'href="{furl}" title="{_a(ftitle)}"><img src="{_image(ARCHIVE, fdate, ftitle, "660x330")}'
        f'" width="660" height="330" alt="{_a(ftitle)}" /><span class="fa overlay-icon"></span>'
        "</a></div>\n"
        f'<h3 class="post-box-title"><a class="mega-menu-link" href="{furl}" '
        f'title="{_a(ftitle)}">{_t(ftitle)}</a></h3>\n'
        f"\t\t\t\t\t\t{_a_date_span(fdate)}\n"
        '\t\t\t\t\t\t</div> <!-- mega-recent-post --><div class="mega-check-also"><ul>',
    ]
    for sid, sdate, _, stitle in rest:
        surl = _a_post_url(sid)
        out.append(
            '<li><div class="post-thumbnail"><a class="mega-menu-link" '
            f'href="{surl}" title="{_a(stitle)}"><img src="'
            f'{_image(ARCHIVE, sdate, stitle, "110x75")}" width="110" height="75" '
            f'alt="{_a(stitle)}" /><span class="fa overlay-icon"></span></a></div>'
            f'<h3 class="post-box-title"><a class="mega-menu-link" href="{surl}" '
            f'title="{_a(stitle)}">{_t(stitle)}</a></h3>{_a_date_span(sdate)}</li>'
        )
    out.append(
        "</ul></div> <!-- mega-check-also -->\n"
        "</div><!-- .mega-menu-content --> \n"
        "</div><!-- .mega-menu-block --> \n</li>\n"
    )
    return "".join(out)


def _a_sub_menu(parent_id: int, label: str, keys: Sequence[str]) -> str:
    items = "".join(
        f'\t<li id="menu-item-{1000 + ARCHIVE_CATS[k][1]}" class="menu-item '
        "menu-item-type-taxonomy menu-item-object-category "
        f'menu-item-{1000 + ARCHIVE_CATS[k][1]}"><a href="{_a_cat_url(k)}">'
        f"{ARCHIVE_CATS[k][0]}</a></li>\n"
        for k in keys
    )
    return (
        f'<li id="menu-item-{parent_id}" class="menu-item menu-item-type-custom '
        f'menu-item-object-custom menu-item-has-children menu-item-{parent_id}">'
        f'<a href="#">{label}</a>\n<ul class="sub-menu menu-sub-content">\n{items}</ul>\n</li>\n'
    )


def _archive_header(today_iso: str, current_cats: Iterable[str] = ()) -> str:
    today = _dt(today_iso)
    langs = [
        ("العربية", "https://sana.sy/"),
        ("Français", "https://sana.sy/fr/"),
        ("Español", "https://sana.sy/es/"),
        ("Deutsch", "https://sana.sy/de/"),
        ("Русский", "https://sana.sy/ru/"),
        ("Türkçe", "https://sana.sy/tr/"),
        ("中文", "https://sana.sy/ch/"),
        ("فارسی", "https://sana.sy/fa/"),
        ("עברית", "https://sana.sy/he/"),
    ]
    top = "".join(
        f'<li id="menu-item-{520 + i}" class="menu-item menu-item-type-custom '
        f'menu-item-object-custom menu-item-{520 + i}"><a href="{url}">{name}</a></li>\n'
        for i, (name, url) in enumerate(langs)
    )
    socials = (
        '<a class="ttip-none" title="Rss" href="' + ARCHIVE + '?feed=rss2" target="_blank">'
        '<i class="fa fa-rss"></i></a><a class="ttip-none" title="Facebook" '
        'href="https://www.facebook.com/SyrianArabNewsAgency" target="_blank">'
        '<i class="fa fa-facebook"></i></a><a class="ttip-none" title="Twitter" '
        'href="https://twitter.com/SANA_English" target="_blank"><i class="fa fa-twitter"></i>'
        '</a><a class="ttip-none" title="Youtube" href="https://www.youtube.com/user/'
        'SyrianArabNewsAgency" target="_blank"><i class="fa fa-youtube"></i></a>'
        '<a class="ttip-none" title="Telegram" href="https://t.me/SANAEnglish" '
        'target="_blank"><i class="fa fa-telegram"></i></a>'
    )
    current = set(current_cats)
    menu = [
        f'<li id="menu-item-1001" class="menu-item menu-item-type-custom '
        f'menu-item-object-custom menu-item-home menu-item-1001"><a href="{ARCHIVE}">Home</a>'
        "</li>\n"
    ]
    for key in _A_MENU_MEGA:
        item = _a_mega_menu(key)
        if key in current:
            item = item.replace(
                " mega-menu mega-recent-featured",
                " current-post-ancestor current-menu-parent mega-menu mega-recent-featured",
                1,
            )
        menu.append(item)
    cat_id = ARCHIVE_CATS["presidency"][1]
    menu.append(
        f'<li id="menu-item-{1000 + cat_id}" class="menu-item menu-item-type-taxonomy '
        f"menu-item-object-category menu-item-{1000 + cat_id}"
        + (" current-post-ancestor current-menu-parent" if "presidency" in current else "")
        + f'"><a href="{_a_cat_url("presidency")}">Presidency</a></li>\n'
    )
    menu.append(_a_sub_menu(1201, "Features", _A_MENU_SUB["features"]))
    menu.append(_a_sub_menu(1202, "Multimedia", _A_MENU_SUB["photos"]))
    menu.append(
        f'<li id="menu-item-1203" class="menu-item menu-item-type-taxonomy '
        f'menu-item-object-category menu-item-1203"><a href="{_a_cat_url("health")}">Health</a>'
        "</li>\n"
    )
    return (
        '<div class="wrapper-outer">\n\n\t<div class="background-cover"></div>\n\n'
        '\t<aside id="slide-out">\n\n\t\t\t<div class="search-mobile">\n'
        f'\t\t\t<form method="get" id="searchform-mobile" action="{ARCHIVE}">\n'
        '\t\t\t\t<button class="search-button" type="submit" value="Search">'
        '<i class="fa fa-search"></i></button>\n'
        '\t\t\t\t<input type="text" id="s-mobile" name="s" title="Search" value="Search" '
        "onfocus=\"if (this.value == 'Search') {this.value = '';}\" "
        "onblur=\"if (this.value == '') {this.value = 'Search';}\"  />\n"
        "\t\t\t</form>\n\t\t</div><!-- .search-mobile /-->\n\n"
        f'\t\t\t<div class="social-icons">\n\t\t{socials}\n\t\t\t</div>\n\n'
        '\t\t<div id="mobile-menu" ></div>\n\t</aside><!-- #slide-out /-->\n\n'
        '\t\t<div id="wrapper" class="wide-layout">\n\t\t<div class="inner-wrapper">\n\n'
        '\t\t<header id="theme-header" class="theme-header">\n'
        '\t\t\t<div id="top-nav" class="top-nav">\n\t\t\t\t<div class="container">\n\n'
        f'\t\t\t\t\t\t\t<span class="today-date">{today:%A} , {today.day} {today:%B} '
        f"{today.year}</span>\n"
        f'\t\t\t\t<div class="top-menu"><ul id="menu-languages" class="menu">{top}</ul></div>\n'
        '\t\t\t\t\t\t<div class="search-block">\n'
        f'\t\t\t\t\t\t<form method="get" id="searchform-header" action="{ARCHIVE}">\n'
        '\t\t\t\t\t\t\t<button class="search-button" type="submit" value="Search">'
        '<i class="fa fa-search"></i></button>\n'
        '\t\t\t\t\t\t\t<input class="search-live" type="text" id="s-header" name="s" '
        'title="Search" value="Search" '
        "onfocus=\"if (this.value == 'Search') {this.value = '';}\" "
        "onblur=\"if (this.value == '') {this.value = 'Search';}\"  />\n"
        "\t\t\t\t\t\t</form>\n\t\t\t\t\t</div><!-- .search-block /-->\n"
        f'\t\t\t<div class="social-icons">\n\t\t{socials}\n\t</div>\n\n'
        "\t\t\t\t</div><!-- .container /-->\n\t\t\t</div><!-- .top-menu /-->\n\n"
        '\t\t<div class="header-content">\n\n'
        '\t\t\t\t\t<a id="slide-out-open" class="slide-out-open" href="#"><span></span></a>\n\n'
        '\t\t\t<div class="logo" style=" margin-top:15px; margin-bottom:15px;">\n'
        f'\t\t\t<h2>\t\t\t\t\t\t\t\t<a title="{ARCHIVE_NAME}" href="{ARCHIVE}">\n'
        f'\t\t\t\t\t<img src="{ARCHIVE}wp-content/uploads/2014/04/sana-logo-en.png" '
        f'alt="{ARCHIVE_NAME}" width="380" height="90" /><strong>{ARCHIVE_NAME} '
        "</strong>\n\t\t\t\t</a>\n\t\t\t</h2>\t\t\t</div><!-- .logo /-->\n"
        '\t\t\t<div class="e3lan e3lan-top">\t\t\t<a href="' + ARCHIVE + '?page_id=28190" '
        'title="" target="_blank">\n\t\t\t\t<img src="'
        + ARCHIVE
        + 'wp-content/uploads/2019/03/banner-728x90-en.jpg" alt="" />\n\t\t\t</a>\n'
        '\t\t\t\t</div>\t\t\t<div class="clear"></div>\n\n\t\t</div>\n'
        '\t\t\t\t\t\t\t\t\t\t\t<nav id="main-nav" class="fixed-enabled">\n'
        '\t\t\t\t<div class="container">\n\n\t\t\t\t\n'
        '\t\t\t\t\t<div class="main-menu"><ul id="menu-main-menu" class="menu">'
        + "".join(menu)
        + '</ul></div>\t\t\t\t\t\t\t\t\t\t<a href="'
        + ARCHIVE
        + '?tierand=1" '
        'class="random-article ttip" title="Random Article"><i class="fa fa-random"></i></a>\n'
        "\t\t\t\t\t\n\t\t\t\t\t\n\t\t\t\t</div>\n\t\t\t</nav><!-- .main-nav /-->\n"
        "\t\t\t\t\t</header><!-- #header /-->\n\n"
    )


def _archive_breaking() -> str:
    items = "".join(
        f'\t\t\t\t<li><a href="{_a_post_url(pid)}" title="{_a(title)}">{_t(title)}</a></li>\n'
        for pid, _, _, title in ARCHIVE_STORIES[:10]
    )
    return (
        '\t\n\t<div class="clear"></div>\n'
        '<div id="breaking-news" class="breaking-news">\n'
        '\t<span class="breaking-news-title"><i class="fa fa-bolt"></i> <span>Breaking News'
        "</span></span>\n\t\n\t\t\t<ul>\n"
        f"{items}"
        '\t\t\t</ul>\n\t\t\t\t\t\n\t\t\n\t<script type="text/javascript">\n'
        "\t\t\tjQuery(document).ready(function(){\n"
        "\t\t\t\tjQuery('#breaking-news ul').innerFade({animationType: 'fade', speed: 750 , "
        "timeout: 3500});\n\t\t\t});\n\t\t\t\t\t</script>\n"
        "</div> <!-- .breaking-news -->\n\n"
    )


def _a_crumbs(parts: Sequence[tuple[str, str]], current: str) -> str:
    crumbs = [
        '<span typeof="v:Breadcrumb"><a rel="v:url" property="v:title" class="crumbs-home" '
        f'href="{ARCHIVE.rstrip("/")}">Home</a></span>'
    ]
    crumbs += [
        f'<span typeof="v:Breadcrumb"><a rel="v:url" property="v:title" href="{url}">'
        f"{label}</a></span>"
        for label, url in parts
    ]
    crumbs.append(f'<span class="current">{current}</span>')
    return (
        '\t\t<div xmlns:v="http://rdf.data-vocabulary.org/#"  id="crumbs">'
        + ' <span class="delimiter">&raquo;</span> '.join(crumbs)
        + "</div>\n"
    )


def _a_widget_list_item(pid: int, iso: str, title: str, views: bool) -> str:
    url = _a_post_url(pid)
    count = f"{_num(f'views-{pid}', 180, 9800):,}"
    view_span = (
        f'<span class="post-views-widget"><span class="post-views"><i class="fa fa-eye"></i>'
        f"{count} </span> </span>"
        if views
        else ""
    )
    return (
        '\t\t\t\t\t<li >\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t<div class="post-thumbnail">\n'
        f'\t\t\t\t\t\t\t<a href="{url}" rel="bookmark"><img width="110" height="75" '
        f'src="{_image(ARCHIVE, iso, title, "110x75")}" class="attachment-tie-small '
        'size-tie-small wp-post-image" alt="" /><span class="fa overlay-icon"></span></a>\n'
        "\t\t\t\t\t\t</div><!-- post-thumbnail /-->\n"
        f'\t\t\t\t\t\t<h3><a href="{url}">{_t(title)}</a></h3>\n'
        f"\t\t\t\t\t\t {_a_date_span(iso)}{view_span}\n\t\t\t\t\t</li>\n"
    )


def _a_tag_cloud(widget: bool) -> str:
    low, high = min(n for _, n in TAG_CLOUD), max(n for _, n in TAG_CLOUD)
    links = []
    for pos, (tag, count) in enumerate(TAG_CLOUD, 1):
        size = 8 + round(14 * (count - low) / (high - low), 1) if widget else 8
        links.append(
            f'<a href="{ARCHIVE}?tag={_tag_slug(tag)}" class="tag-cloud-link '
            f'tag-link-{_num(tag, 100, 9000)} tag-link-position-{pos}" style="font-size: '
            f'{size}pt;" aria-label="{_a(tag)} ({count:,} items)">{_t(tag)}</a>'
        )
    return "\n".join(links)


def _archive_sidebar() -> str:
    popular = sorted(ARCHIVE_STORIES, key=lambda s: -_num(f"views-{s[0]}", 180, 9800))[:5]
    recent = ARCHIVE_STORIES[:5]
    commenters = ["Ahmad", "Sam K.", "Lina", "Michael", "Nour"]
    comments = "".join(
        '<li>\n\t\t<div class="post-thumbnail" style="width:55px">\n'
        f"\t\t\t<img alt='' src='{_gravatar(name, 55)}' class='avatar avatar-55 photo' "
        "height='55' width='55' />\t\t</div>\n"
        f'\t\t<a href="{_a_post_url(pid)}#comment-{_num(name + str(pid), 10000, 99999)}">\n'
        f"\t\t{name}: {_t(_excerpt(title, 7))} ... </a>\n\t</li>\n"
        for name, (pid, _, _, title) in zip(commenters, ARCHIVE_STORIES[3:8], strict=True)
    )
    cats = "".join(
        f'\t<li class="cat-item cat-item-{cat_id}"><a href="{ARCHIVE}?cat={cat_id}">{label}</a> '
        f"({_num('cat' + key, 300, 26000):,})\n</li>\n"
        for key, (label, cat_id) in ARCHIVE_CATS.items()
    )
    months = []
    year, month = 2020, 9
    while (year, month) >= (2012, 5):
        stamp = datetime(year, month, 1)
        months.append(
            f"\t<option value='{ARCHIVE}?m={year}{month:02d}'> {stamp:%B} {year} "
            f"&nbsp;({_num(f'm{year}{month}', 900, 2300):,})</option>\n"
        )
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    counters = [
        ("facebook", "https://www.facebook.com/SyrianArabNewsAgency", "1,261,430", "Fans"),
        ("twitter", "https://twitter.com/SANA_English", "38,270", "Followers"),
        ("youtube", "https://www.youtube.com/user/SyrianArabNewsAgency", "104,512", "Subscribers"),
        ("telegram", "https://t.me/SANAEnglish", "12,408", "Members"),
    ]
    counter_items = "".join(
        f'\t\t\t<li class="{name}-cunter"><a class="{name}-icon" href="{url}" '
        f'target="_blank" ><i class="counter-icon fa fa-{name}"></i><span>{number}</span>'
        f"<small>{label}</small></a></li>\n"
        for name, url, number, label in counters
    )
    return (
        '<aside id="sidebar">\n\t<div class="theiaStickySidebar">\n'
        '<div id="search-2" class="widget widget_search"><div class="widget-top"><h4> </h4>'
        '<div class="stripe-line"></div></div>\n\t\t\t\t\t\t<div class="widget-container">'
        '<div class="search-widget">\n'
        f'\t<form method="get" id="searchform" action="{ARCHIVE}">\n'
        '\t\t<input type="text" id="s" name="s" value="Search" '
        "onfocus=\"if (this.value == 'Search') {this.value = '';}\" "
        "onblur=\"if (this.value == '') {this.value = 'Search';}\"  />\n"
        "\t</form>\n</div><!-- .search-widget /-->\n</div></div><!-- .widget /-->"
        '<div id="social-counter-2" class="widget arqam-widget-counter"><div class="widget-top">'
        '<h4>Stay Connected</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container">\n\t\t<div class="arqam-widget-counter '
        'arq-outer-frame arq-border">\n\t\t\t<ul>\n'
        f"{counter_items}"
        "\t\t\t</ul>\n\t\t</div>\n\t\t</div></div><!-- .widget /-->"
        '\t<div class="widget" id="tabbed-widget">\n\t\t<div class="widget-container">\n'
        '\t\t\t<div class="widget-top">\n\t\t\t\t<ul class="tabs posts-taps">\n'
        '\t\t\t\t<li class="tabs"><a href="#tab1">Most Read</a></li>'
        '<li class="tabs"><a href="#tab2">Recent</a></li>'
        '<li class="tabs"><a href="#tab3">Comments</a></li>'
        '<li class="tabs"><a href="#tab4">Tags</a></li>\t\t\t\t</ul>\n\t\t\t</div>\n\n'
        '\t\t\t\t\t\t<div id="tab1" class="tabs-wrap">\n\t\t\t\t<ul>\n'
        + "".join(_a_widget_list_item(p, d, t, True) for p, d, _, t in popular)
        + "\t\t\t\t</ul>\n\t\t\t</div>\n"
        '\t\t\t\t\t\t<div id="tab2" class="tabs-wrap">\n\t\t\t\t<ul>\n'
        + "".join(_a_widget_list_item(p, d, t, False) for p, d, _, t in recent)
        + "\t\t\t\t</ul>\n\t\t\t</div>\n"
        '\t\t\t\t\t\t<div id="tab3" class="tabs-wrap">\n\t\t\t\t<ul>\n'
        f"{comments}"
        "\t\t\t\t</ul>\n\t\t\t</div>\n"
        '\t\t\t\t\t\t<div id="tab4" class="tabs-wrap tagcloud">\n'
        f"{_a_tag_cloud(False)}\n"
        "\t\t\t</div>\n\t\t\t\t\t</div>\n\t</div><!-- .widget /-->\n"
        '<div id="facebook-widget-2" class="widget facebook-widget"><div class="widget-top">'
        '<h4>Find us on Facebook</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container">\t\t\t<div class="facebook-box">\n'
        '\t\t\t\t<iframe src="https://www.facebook.com/plugins/likebox.php?href='
        "https://www.facebook.com/SyrianArabNewsAgency&amp;width=300&amp;height=250&amp;"
        'show_faces=true&amp;header=false&amp;stream=false&amp;show_border=false" '
        'scrolling="no" frameborder="0" style="border:none; overflow:hidden; width:300px; '
        'height:250px;" allowTransparency="true"></iframe>\n'
        "\t\t\t</div>\n\t\t</div></div><!-- .widget /-->"
        '<div id="posts-list-widget-2" class="widget posts-list"><div class="widget-top">'
        '<h4>Latest News</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container">\t\t\t\t<ul>\n'
        + "".join(_a_widget_list_item(p, d, t, False) for p, d, _, t in ARCHIVE_STORIES[5:10])
        + '\t\t\t\t</ul>\n\t\t<div class="clear"></div>\n\t</div></div><!-- .widget /-->'
        '<div id="categories-2" class="widget widget_categories"><div class="widget-top">'
        '<h4>Categories</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container">\t\t<ul>\n'
        f"{cats}"
        "\t\t</ul>\n\t\t\t</div></div><!-- .widget /-->"
        '<div id="archives-2" class="widget widget_archive"><div class="widget-top">'
        '<h4>Archives</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container">\t\t<label class="screen-reader-text" '
        'for="archives-dropdown-2">Archives</label>\n'
        '\t\t<select id="archives-dropdown-2" name="archive-dropdown" '
        "onchange='document.location.href=this.options[this.selectedIndex].value;'>\n"
        '\t\t\t\n\t\t\t<option value="">Select Month</option>\n'
        + "".join(months)
        + "\n\t\t</select>\n\t\t</div></div><!-- .widget /-->"
        '<div id="tag_cloud-2" class="widget widget_tag_cloud"><div class="widget-top">'
        '<h4>Tags</h4><div class="stripe-line"></div></div>\n'
        '\t\t\t\t\t\t<div class="widget-container"><div class="tagcloud">'
        f"{_a_tag_cloud(True)}</div>\n</div></div><!-- .widget /-->"
        "\t</div><!-- .theiaStickySidebar /-->\n</aside><!-- #sidebar /-->"
        '\t<div class="clear"></div>\n</div><!-- .container /-->\n'
    )


def _archive_footer(year: int) -> str:
    recent = "".join(
        f'\t\t\t\t\t<li>\n\t\t\t\t<a href="{_a_post_url(pid)}">{_t(title)}</a>\n'
        f'\t\t\t\t\t\t\t<span class="post-date">{_long_date(iso)}</span>\n\t\t\t\t\t\t</li>\n'
        for pid, iso, _, title in ARCHIVE_STORIES[10:16]
    )
    sections = "".join(
        f'<li id="menu-item-{2000 + cat_id}" class="menu-item menu-item-type-taxonomy '
        f'menu-item-object-category menu-item-{2000 + cat_id}"><a href="{ARCHIVE}?cat={cat_id}">'
        f"{label}</a></li>\n"
        for label, cat_id in list(ARCHIVE_CATS.values())[:12]
    )
    footer_posts = "".join(
        _a_widget_list_item(p, d, t, False) for p, d, _, t in ARCHIVE_STORIES[16:21]
    )
    return (
        '<footer id="theme-footer">\n\t<div id="footer-widget-area" class="footer-4c">\n\n'
        '\t\t\t<div id="footer-first" class="footer-widgets-box">\n'
        '\t\t\t<div id="text-3" class="footer-widget widget_text"><div class="footer-widget-top">'
        '<h4>About SANA</h4></div>\n\t\t\t\t\t\t<div class="footer-widget-container">'
        '\t\t\t<div class="textwidget"><p>Syrian Arab News Agency (SANA) is the official news '
        "agency of the Syrian Arab Republic, founded in 1965. SANA English publishes news "
        "bulletins, reports and photos from Damascus and the governorates.</p>\n"
        f'<p><a href="{ARCHIVE}?page_id=2">About us</a> | <a href="{ARCHIVE}?page_id=14">'
        "Contact us</a></p>\n</div>\n\t\t</div></div><!-- .widget /-->\t\t</div>\n\n"
        '\t\t\t<div id="footer-second" class="footer-widgets-box">\n'
        '\t\t<div id="recent-posts-3" class="footer-widget widget_recent_entries">'
        '<div class="footer-widget-top"><h4>Recent Posts</h4></div>\n'
        '\t\t\t\t\t\t<div class="footer-widget-container">\t\t<ul>\n'
        f"{recent}"
        "\t\t\t\t\t</ul>\n\t\t</div></div><!-- .widget /-->\t\t</div><!-- #second .widget-area -->"
        '\n\n\t\t\t<div id="footer-third" class="footer-widgets-box">\n'
        '\t\t\t<div id="nav_menu-2" class="footer-widget widget_nav_menu">'
        '<div class="footer-widget-top"><h4>Sections</h4></div>\n'
        '\t\t\t\t\t\t<div class="footer-widget-container"><div class="menu-footer-container">'
        f'<ul id="menu-footer" class="menu">{sections}</ul></div></div></div><!-- .widget /-->'
        "\t\t</div><!-- #third .widget-area -->\n\n"
        '\t\t\t<div id="footer-fourth" class="footer-widgets-box">\n'
        '\t\t\t<div id="posts-list-widget-3" class="footer-widget posts-list">'
        '<div class="footer-widget-top"><h4>Photos</h4></div>\n'
        '\t\t\t\t\t\t<div class="footer-widget-container">\t\t\t\t<ul>\n'
        f"{footer_posts}"
        '\t\t\t\t</ul>\n\t\t<div class="clear"></div>\n\t</div></div><!-- .widget /-->'
        "\t\t</div><!-- #fourth .widget-area -->\n\n\t</div><!-- #footer-widget-area -->\n"
        '\t<div class="clear"></div>\n</footer><!-- .Footer /-->\n\n'
        '<div class="clear"></div>\n<div class="footer-bottom">\n\t<div class="container">\n'
        '\t\t<div class="alignright">\n\t\t\tPowered by <a href="' + ARCHIVE + '">SANA</a>'
        "\t\t</div>\n"
        '\t\t\t\t<div class="social-icons">\n\t\t<a class="ttip-none" title="Facebook" '
        'href="https://www.facebook.com/SyrianArabNewsAgency" target="_blank">'
        '<i class="fa fa-facebook"></i></a><a class="ttip-none" title="Twitter" '
        'href="https://twitter.com/SANA_English" target="_blank"><i class="fa fa-twitter"></i>'
        "</a>\t</div>\n\n\t\t\n"
        f'\t\t<div class="alignleft">\n\t\t\t&copy; Copyright {year}, All Rights Reserved '
        'SANA\t\t</div>\n\t\t<div class="clear"></div>\n\t</div><!-- .Container -->\n'
        "</div><!-- .Footer bottom -->\n\n"
        "</div><!-- .inner-Wrapper -->\n</div><!-- #Wrapper -->\n</div><!-- .Wrapper-outer -->\n"
        '\t<div id="topcontrol" class="fa fa-angle-up" title="Scroll To Top"></div>\n'
        '<div id="fb-root"></div>\n'
    )


def _archive_scripts(singular: bool) -> str:
    tie = {
        "mobile_menu_active": "true",
        "mobile_menu_top": "",
        "lightbox_all": "true",
        "lightbox_gallery": "true",
        "woocommerce_lightbox": "",
        "lightbox_skin": "dark",
        "lightbox_thumb": "vertical",
        "lightbox_arrows": "",
        "sticky_sidebar": "1",
        "is_singular": "1" if singular else "",
        "SmothScroll": "true",
        "reading_indicator": "",
        "lang_no_results": "No Results",
        "lang_results_found": "Results Found",
    }
    cf7 = {
        "apiSettings": {
            "root": f"{ARCHIVE}index.php?rest_route=/contact-form-7/v1",
            "namespace": "contact-form-7/v1",
        },
        "cached": "0",
    }
    return (
        "<script type='text/javascript'>\n/* <![CDATA[ */\n"
        f"var wpcf7 = {_json_script(cf7, wp_style=True)};\n/* ]]> */\n</script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-content/plugins/contact-form-7/"
        "includes/js/scripts.js?ver=5.1.4'></script>\n"
        "<script type='text/javascript'>\n/* <![CDATA[ */\n"
        f"var tie = {_json_script(tie, wp_style=True)};\n/* ]]> */\n</script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-content/themes/sahifa/js/"
        "tie-scripts.js?ver=5.2.4'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-content/themes/sahifa/js/"
        "ilightbox.packed.js?ver=5.2.4'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-includes/js/comment-reply.min.js"
        "?ver=5.2.4'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-content/themes/sahifa/js/search.js"
        "?ver=5.2.4'></script>\n"
        f"<script type='text/javascript' src='{ARCHIVE}wp-includes/js/wp-embed.min.js"
        "?ver=5.2.4'></script>\n"
    )


def _a_share(permalink: str, headline: str, image: str) -> str:
    loader = (
        "\twindow.___gcfg = {lang: 'en-US'};\n"
        "\t(function(w, d, s) {\n\t  function go(){\n"
        "\t\tvar first = d.getElementsByTagName(s)[0];\n"
        "\t\tfunction add(url, id) {\n\t\t  if (d.getElementById(id)) {return;}\n"
        "\t\t  var js = d.createElement(s); js.src = url; js.id = id;\n"
        "\t\t  first.parentNode.insertBefore(js, first);\n\t\t}\n"
        "\t\tadd('//connect.facebook.net/en/all.js#xfbml=1', 'fbjssdk');\n"
        "\t\tadd('//platform.twitter.com/widgets.js', 'tweetjs');\n\t  }\n"
        '\t  if (w.addEventListener) { w.addEventListener("load", go, false); }\n'
        '\t  else if (w.attachEvent) { w.attachEvent("onload", go); }\n'
        "\t}(window, document, 'script'));\n"
    )
    return (
        '<div class="share-post">\n\t<span class="share-text">Share</span>\n\t\n'
        f"\t\t<script>\n{loader}\t</script>\n"
        '\t<ul class="normal-social">\t\n\t\t\t<li>\n'
        f'\t\t\t<div class="fb-like" data-href="{permalink}" data-send="false" '
        'data-layout="button_count" data-width="90" data-show-faces="false"></div>\n'
        '\t\t</li>\n\t\t\t\t<li><a href="https://twitter.com/share" '
        f'class="twitter-share-button" data-url="{permalink}" data-text="{_a(headline)}" '
        'data-via="SANA_English" data-lang="en">Tweet</a></li>\n'
        '\t\t\t\t\t\t\t\t<li><script src="https://platform.linkedin.com/in.js" '
        'type="text/javascript"></script><script type="IN/Share" '
        f'data-url="{permalink}" data-counter="right"></script></li>\n'
        '\t\t\t\t<li style="width:80px;"><script type="text/javascript" '
        'src="https://assets.pinterest.com/js/pinit.js"></script>'
        f'<a href="http://pinterest.com/pin/create/button/?url={permalink}&amp;media={image}" '
        'class="pin-it-button" count-layout="horizontal"><img border="0" '
        'src="https://assets.pinterest.com/images/PinExt.png" title="Pin It" /></a></li>\n'
        '\t\t</ul>\n\t\t<div class="clear"></div>\n</div> <!-- .share-post -->\n'
    )


def _a_gallery(index: int, post_id: int, caption: dict[str, Any]) -> str:
    attachment = caption.get("attachment_id", post_id + index)
    path = caption.get("image") or f"gallery/{post_id}-{index}.jpg"
    full = _upload(ARCHIVE, path)
    medium = _upload(ARCHIVE, path, "300x200")
    large = _upload(ARCHIVE, path, "768x512")
    gid = f"gallery-{index}"
    return (
        "\n\t\t<style type='text/css'>\n"
        f"\t\t\t#{gid} {{\n\t\t\t\tmargin: auto;\n\t\t\t}}\n"
        f"\t\t\t#{gid} .gallery-item {{\n\t\t\t\tfloat: left;\n\t\t\t\tmargin-top: 10px;\n"
        "\t\t\t\ttext-align: center;\n\t\t\t\twidth: 100%;\n\t\t\t}\n"
        f"\t\t\t#{gid} img {{\n\t\t\t\tborder: 2px solid #cfcfcf;\n\t\t\t}}\n"
        f"\t\t\t#{gid} .gallery-caption {{\n\t\t\t\tmargin-left: 0;\n\t\t\t}}\n"
        "\t\t\t/* see gallery_shortcode() in wp-includes/media.php */\n\t\t</style>\n"
        f"\t\t<div id='{gid}' class='gallery galleryid-{post_id} gallery-columns-1 "
        "gallery-size-full'><figure class='gallery-item'>\n"
        "\t\t\t<div class='gallery-icon landscape'>\n"
        f'\t\t\t\t<a href=\'{full}\'><img width="1000" height="667" src="{full}" '
        f'class="attachment-full size-full" alt="" aria-describedby="{gid}-{attachment}" '
        f'srcset="{full} 1000w, {medium} 300w, {large} 768w" '
        'sizes="(max-width: 1000px) 100vw, 1000px" /></a>\n'
        "\t\t\t</div>\n\t\t\t\t<figcaption class='wp-caption-text gallery-caption' "
        f"id='{gid}-{attachment}'>\n\t\t\t\t{_t(caption['text'])}\n\t\t\t\t</figcaption>"
        "</figure>\n\t\t</div>\n\n"
    )


def _a_entry(b: Bulletin) -> str:
    captions = {c["before_paragraph"]: c for c in b["captions"]}
    empty = set(b["empty_paragraph_before"])
    out = []
    gallery = 0
    for index, paragraph in enumerate(b["paragraphs"]):
        if index in captions:
            gallery += 1
            out.append(_a_gallery(gallery, b["archive_id"], captions[index]))
        if index in empty:
            out.append("<p>&nbsp;</p>\n")
        out.append(f"<p>{_t(paragraph)}</p>\n")
    if b["byline"]:
        out.append(f"<p>{_t(b['byline'])}</p>\n")
    return "".join(out)


def _a_article_schema(b: Bulletin, cats: Sequence[str]) -> str:
    body_parts = list(b["paragraphs"])
    if b["byline"]:
        body_parts.append(b["byline"])
    data = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "dateCreated": b["published"],
        "datePublished": b["published"],
        "dateModified": b["modified"],
        "headline": b["headline"],
        "name": b["headline"],
        "keywords": ",".join(b["tags"]),
        "url": b["archive_url"],
        "description": _excerpt(b["paragraphs"][0], 28),
        "copyrightYear": str(_dt(b["published"]).year),
        "publisher": {
            "@id": "#Publisher",
            "@type": "Organization",
            "name": ARCHIVE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": f"{ARCHIVE}wp-content/uploads/2014/04/sana-logo-en.png",
            },
            "sameAs": [
                "https://www.facebook.com/SyrianArabNewsAgency",
                "https://twitter.com/SANA_English",
                "https://www.youtube.com/user/SyrianArabNewsAgency",
            ],
        },
        "sourceOrganization": {"@id": "#Publisher"},
        "copyrightHolder": {"@id": "#Publisher"},
        "mainEntityOfPage": {"@type": "WebPage", "@id": b["archive_url"]},
        "author": {
            "@type": "Person",
            "name": b["account"],
            "url": f"{ARCHIVE}?author={_num(b['account'], 2, 90)}",
        },
        "articleSection": ",".join(cats),
        "articleBody": "\r\n\r\n".join(body_parts),
        "image": {
            "@type": "ImageObject",
            "url": _upload(ARCHIVE, b["featured_image"]),
            "width": 1000,
            "height": 667,
        },
    }
    return (
        f'\t\t\t<script type="application/ld+json">{_json_script(data, wp_style=True)}</script>\n'
    )


def render_archive(bulletin: Bulletin) -> str:
    """The bulletin as an archive.sana.sy article page in the Sahifa (TieLabs) theme."""
    b = _complete(bulletin)
    pid = b["archive_id"]
    url = b["archive_url"]
    headline = b["headline"]
    cats = b["categories"]
    cat_keys = [_cat_key(c) if _cat_key(c) in ARCHIVE_CATS else "politics" for c in cats]
    image = _upload(ARCHIVE, b["featured_image"])
    thumb = _upload(ARCHIVE, b["featured_image"], "660x330")
    title = f"{headline} | {ARCHIVE_NAME}"
    description = _excerpt(b["paragraphs"][0], 28)
    meta = (
        '<meta property="og:locale" content="en_US" />\n'
        '<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{_a(title)}" />\n'
        f'<meta property="og:description" content="{_a(description)}" />\n'
        f'<meta property="og:url" content="{url}" />\n'
        f'<meta property="og:site_name" content="{ARCHIVE_NAME}" />\n'
        '<meta property="article:publisher" content="https://www.facebook.com/'
        'SyrianArabNewsAgency" />\n'
        + "".join(f'<meta property="article:tag" content="{_a(tag)}" />\n' for tag in b["tags"])
        + f'<meta property="article:section" content="{_a(cats[0])}" />\n'
        f'<meta property="article:published_time" content="{b["published"]}" />\n'
        f'<meta property="article:modified_time" content="{b["modified"]}" />\n'
        f'<meta property="og:updated_time" content="{b["modified"]}" />\n'
        f'<meta property="og:image" content="{image}" />\n'
        f'<meta property="og:image:secure_url" content="{image}" />\n'
        '<meta property="og:image:width" content="1000" />\n'
        '<meta property="og:image:height" content="667" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        f'<meta name="twitter:description" content="{_a(description)}" />\n'
        f'<meta name="twitter:title" content="{_a(title)}" />\n'
        '<meta name="twitter:site" content="@SANA_English" />\n'
        f'<meta name="twitter:image" content="{image}" />\n'
        '<meta name="twitter:creator" content="@SANA_English" />\n'
    )
    body_class = (
        f"post-template-default single single-post postid-{pid} single-format-standard lazy-enabled"
    )
    head = _archive_head(title, url, meta, body_class)
    article_classes = (
        f"post-listing post-{pid} post type-post status-publish format-standard "
        "has-post-thumbnail "
        + " ".join(f"category-{k}" for k in cat_keys)
        + " "
        + " ".join(f"tag-{_tag_slug(t)}" for t in b["tags"])
    ).strip()
    cat_links = ", ".join(
        f'<a href="{_a_cat_url(k)}" rel="category">{ARCHIVE_CATS[k][0]}</a>' for k in cat_keys
    )
    tags = " ".join(
        f'<a href="{ARCHIVE}?tag={_tag_slug(tag)}" rel="tag">{_t(tag)}</a>' for tag in b["tags"]
    )
    views = f"{_num(f'views-{pid}', 300, 6400):,}"
    prev_story, next_story = ARCHIVE_STORIES[20], ARCHIVE_STORIES[21]
    article = (
        '\t<div id="main-content" class="container">\n\n'
        '\t<div class="content">\n\n\t\t\n'
        + _a_crumbs([(ARCHIVE_CATS[cat_keys[0]][0], _a_cat_url(cat_keys[0]))], _t(headline))
        + "\t\t\n\t\t\t\t\n\t\t\n\t\t\n"
        f'\t\t<article class="{article_classes}" id="the-post">\n'
        '\t\t\t\n\t\t\t<div class="single-post-thumb">\n'
        f'\t\t\t<img width="660" height="330" src="{thumb}'
        '" class="attachment-slider size-slider wp-post-image" alt="" />\t\t</div>\n'
        '\t\n\t\t\n\n\n\t\t\t<div class="post-inner">\n\n'
        '\t\t\t\t\t\t\t<h1 class="name post-title entry-title"><span itemprop="name">'
        f"{_t(headline)}</span></h1>\n\n\t\t\t\t\t\t\n"
        '<p class="post-meta">\n\t\t\n\t\t\n'
        f'\t<span class="tie-date"><i class="fa fa-clock-o"></i>{_long_date(b["published"])}'
        "</span>\t\n\t\n"
        f'\t<span class="post-cats"><i class="fa fa-folder"></i>{cat_links}</span>\n\t\n'
        f'\t\t\t<span class="post-views"><i class="fa fa-eye"></i>{views} </span> \n'
        '</p>\n<div class="clear"></div>\n\t\t\t\n'
        '\t\t\t\t<div class="entry">\n\t\t\t\t\t\n\t\t\t\t\t\n'
        + _a_entry(b)
        + "\t\t\t\t\t\n\t\t\t\t\t\t\t\t\t"
        + _a_share(url, headline, image)
        + "\t\t\t\t</div><!-- .entry /-->\n"
        f'\t\t\t\t<p class="post-tag">Tags {tags}</p>\n'
        '\t\t\t\t<div class="clear"></div>\n'
        f'\t\t\t\t<span style="display:none" class="updated">{b["published"][:10]}</span>\n'
        '\t\t\t\t\t\t\t\t<div style="display:none" class="vcard author" itemprop="author" '
        'itemscope itemtype="http://schema.org/Person"><strong class="fn" itemprop="name">'
        f'<a href="{ARCHIVE}?author={_num(b["account"], 2, 90)}" title="Posts by '
        f'{_a(b["account"])}" rel="author">{_t(b["account"])}</a></strong></div>\n'
        "\t\t\t</div><!-- .post-inner -->\n\n"
        + _a_article_schema(b, [ARCHIVE_CATS[k][0] for k in cat_keys])
        + "\t\t</article><!-- .post-listing -->\n\t\t\n\n\t\t\n"
        + _a_author_box(b["account"])
        + '\t\t\t\t<div class="post-navigation">\n'
        f'\t\t\t<div class="post-previous"><a href="{_a_post_url(prev_story[0])}" rel="prev">'
        f"<span>Previous</span> {_t(prev_story[3])}</a></div>\n"
        f'\t\t\t<div class="post-next"><a href="{_a_post_url(next_story[0])}" rel="next">'
        f"<span>Next</span> {_t(next_story[3])}</a></div>\n"
        "\t\t</div><!-- .post-navigation -->\n\t\t\n"
        + _a_related(b["related"])
        + _a_check_also(b["check_also"])
        + '\n\t\t\t\t\n<div id="comments">\n\n\n<div class="clear"></div>\n'
        + _comment_form(ARCHIVE, pid, url, foxiz=False)
        + "\n</div><!-- #comments -->\n\n\t</div><!-- .content -->\n"
    )
    return (
        head
        + _archive_header(b["published"], cat_keys)
        + _archive_breaking()
        + article
        + _archive_sidebar()
        + _archive_footer(_dt(b["published"]).year)
        + _archive_scripts(singular=True)
        + "</body>\n</html>\n"
    )


def _a_author_box(account: str) -> str:
    bio = ACCOUNT_BIO.get(account, "")
    return (
        '\t\t<section id="author-box">\n\t\t\t<div class="block-head">\n'
        f'\t\t\t\t<h3>About {_t(account)}</h3><div class="stripe-line"></div>\n'
        '\t\t\t</div>\n\t\t\t<div class="post-listing">\n'
        '\t\t\t\t<div class="author-bio">\n\t<div class="author-avatar">\n'
        f"\t\t<img alt='' src='{_gravatar(account, 90)}' srcset='"
        f"{_gravatar(account, 180)} 2x' class='avatar avatar-90 photo' height='90' "
        "width='90' />\t</div><!-- #author-avatar -->\n"
        f'\t\t\t<div class="author-description">\n\t\t\t\t\t\t{_t(bio)}\t\t\t</div>'
        "<!-- #author-description -->\n"
        '\t\t\t<div class="author-social flat-social">\n'
        f'\t\t\t\t\t\t<a class="social-site" target="_blank" href="{ARCHIVE}">'
        '<i class="fa fa-home"></i></a>\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t</div>\n'
        '\t\t\t<div class="clear"></div>\n\t\t\t\t</div>\n\t\t\t\t\t\t\t</div>\n'
        "\t\t</section><!-- #author-box -->\n\t\t\n\n"
    )


def _a_related(related: Sequence[dict[str, Any]]) -> str:
    if not related:
        return ""
    items = []
    for item in related:
        url, title, iso = item["archive_url"], item["title"], item["published"]
        thumb = _image(ARCHIVE, iso, title, "310x165")
        items.append(
            '\t\t\t\t\t\t<div class="related-item">\n\t\t\t\t\t\t\t\n'
            '\t\t\t\t<div class="post-thumbnail">\n'
            f'\t\t\t\t\t<a href="{url}">\n'
            f'\t\t\t\t\t\t<img width="310" height="165" src="{thumb}'
            '" class="attachment-tie-medium size-tie-medium wp-post-image" alt="" />'
            '\t\t\t\t\t\t<span class="fa overlay-icon"></span>\n\t\t\t\t\t</a>\n'
            "\t\t\t\t</div><!-- post-thumbnail /-->\n\t\t\t\t\t\t\t\n"
            f'\t\t\t\t<h3><a href="{url}" rel="bookmark">{_t(title)}</a></h3>\n'
            f'\t\t\t\t<p class="post-meta">{_a_date_span(iso)}</p>\n\t\t\t</div>\n'
        )
    return (
        '\t\t\t<section id="related_posts">\n\t\t<div class="block-head">\n'
        '\t\t\t<h3>Related Articles</h3><div class="stripe-line"></div>\n\t\t</div>\n'
        '\t\t<div class="post-listing">\n'
        + "".join(items)
        + '\t\t\t\t\t\t<div class="clear"></div>\n\t\t</div>\n\t</section>\n\t\n'
    )


def _a_check_also(check: dict[str, Any] | None) -> str:
    if not check:
        return ""
    url = check["archive_url"]
    thumb = _upload(ARCHIVE, check.get("image") or f"check/{_slug(check['title'])}.jpg", "310x165")
    return (
        '\t\t\t<section id="check-also-box" class="post-listing check-also-right">\n'
        '\t\t<a href="#" id="check-also-close"><i class="fa fa-close"></i></a>\n\n'
        '\t\t<div class="block-head">\n\t\t\t<h3>Check Also</h3>\n\t\t</div>\n\n'
        '\t\t\t\t<div class="check-also-post">\n\t\t\t\t\t\t\n'
        '\t\t\t<div class="post-thumbnail">\n'
        f'\t\t\t\t<a href="{url}">\n'
        f'\t\t\t\t\t<img width="310" height="165" src="{thumb}" class="attachment-tie-medium '
        'size-tie-medium wp-post-image" alt="" />\t\t\t\t\t<span class="fa overlay-icon">'
        "</span>\n\t\t\t\t</a>\n\t\t\t</div><!-- post-thumbnail /-->\n\t\t\t\t\t\t\n"
        f'\t\t\t<h2 class="post-title"><a href="{url}">{_t(check["title"])}</a></h2>\n'
        f"\t\t\t<p>{_t(check['teaser'])}</p>\n"
        "\t\t</div>\n\t\t\t</section>\n\t\t\t\n"
    )


def render_archive_404() -> str:
    """archive.sana.sy's "Not Found" page (Sahifa)."""
    meta = '<meta name="robots" content="noindex,follow"/>\n'
    meta += (
        '<meta property="og:locale" content="en_US" />\n'
        f'<meta property="og:title" content="Page not found | {ARCHIVE_NAME}" />\n'
        f'<meta property="og:site_name" content="{ARCHIVE_NAME}" />\n'
    )
    head = _archive_head(f"Page not found | {ARCHIVE_NAME}", None, meta, "error404 lazy-enabled")
    content = (
        '\t<div id="main-content" class="container">\n\t<div class="content">\n'
        + _a_crumbs([], "Not Found")
        + '\t\t<div id="post-0" class="post not-found post-listing">\n'
        '\t\t\t<h1 class="post-title">Not Found</h1>\n'
        '\t\t\t<div class="entry">\n'
        "\t\t\t\t<p>Apologies, but the page you requested could not be found. Perhaps "
        "searching will help.</p>\n"
        '\t\t\t\t<div class="search-widget">\n'
        f'\t<form method="get" id="searchform-404" action="{ARCHIVE}">\n'
        '\t\t<input type="text" id="s-404" name="s" value="Search" '
        "onfocus=\"if (this.value == 'Search') {this.value = '';}\" "
        "onblur=\"if (this.value == '') {this.value = 'Search';}\"  />\n"
        "\t</form>\n</div><!-- .search-widget /-->\n"
        "\t\t\t</div>\n\t\t</div><!-- .post-listing -->\n"
        "\t</div><!-- .content -->\n"
    )
    return (
        head
        + _archive_header(ARCHIVE_STORIES[0][1])
        + _archive_breaking()
        + content
        + _archive_sidebar()
        + _archive_footer(_dt(ARCHIVE_STORIES[0][1]).year)
        + _archive_scripts(singular=False)
        + "</body>\n</html>\n"
    )


def _archive_listing_items(catalog: dict[str, Bulletin]) -> list[tuple[int, str, str, str]]:
    items: list[tuple[int, str, str, str]] = list(ARCHIVE_LISTING_EXTRA)
    for b in catalog.values():
        items.append((b["archive_id"], b["published"], "politics", b["headline"]))
    return sorted(items, key=lambda item: item[1], reverse=True)


def render_archive_listing(catalog: dict[str, Bulletin]) -> str:
    """https://archive.sana.sy/en/?cat=2&paged=1 - the Politics category, page 1 (Sahifa)."""
    leads = dict(ARCHIVE_LISTING_LEADS)
    for b in catalog.values():
        leads[b["archive_id"]] = b["paragraphs"][0]
    label, cat_id = ARCHIVE_CATS["politics"]
    canonical = f"{ARCHIVE}?cat={cat_id}"
    meta = (
        '<meta property="og:locale" content="en_US" />\n'
        '<meta property="og:type" content="object" />\n'
        f'<meta property="og:title" content="{label} Archives | {ARCHIVE_NAME}" />\n'
        f'<meta property="og:url" content="{canonical}" />\n'
        f'<meta property="og:site_name" content="{ARCHIVE_NAME}" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        f'<meta name="twitter:title" content="{label} Archives | {ARCHIVE_NAME}" />\n'
        '<meta name="twitter:site" content="@SANA_English" />\n'
        f'<link rel="next" href="{ARCHIVE}?cat={cat_id}&#038;paged=2" />\n'
    )
    head = _archive_head(
        f"{label} | {ARCHIVE_NAME}",
        canonical,
        meta,
        f"archive category category-politics category-{cat_id} lazy-enabled",
    )
    articles = []
    for pid, iso, _, title in _archive_listing_items(catalog):
        url = _a_post_url(pid)
        lead = _excerpt(leads.get(pid, title), 26)
        articles.append(
            f'\t<article class="item-list tie-cat-{cat_id}">\n'
            f'\t\t<h2 class="post-box-title"><a href="{url}">{_t(title)}</a></h2>\n'
            '\t\t<p class="post-meta">\n'
            f"\t{_a_date_span(iso)}\n"
            f'\t<span class="post-comments"><i class="fa fa-comments"></i><a href="{url}'
            '#respond">0</a></span>\n'
            "</p>\n\t\t\t\t\t\n\n"
            '\t\t\t\t\t\t<div class="post-thumbnail">\n'
            f'\t\t\t<a href="{url}">\n'
            f'\t\t\t\t<img width="310" height="165" src="{_image(ARCHIVE, iso, title, "310x165")}'
            '" class="attachment-tie-medium size-tie-medium wp-post-image" alt="" />\t\t\t\t'
            '<span class="fa overlay-icon"></span>\n\t\t\t</a>\n'
            "\t\t</div><!-- post-thumbnail /-->\n\t\t\n"
            '\t\t\t\t\t<div class="entry">\n'
            f"\t\t\t<p>{_t(lead)} &hellip;</p>\n"
            f'\t\t\t<a class="more-link" href="{url}">Read More &raquo;</a>\n\t\t</div>\n\n'
            '\t\t\t\t<div class="clear"></div>\n\t</article><!-- .item-list -->\n'
        )
    pages = "".join(
        f'<a href="{ARCHIVE}?cat={cat_id}&#038;paged={n}" class="page" title="{n}">{n}</a>'
        for n in range(2, 6)
    )
    content = (
        '\t<div id="main-content" class="container">\n\t<div class="content">\n'
        + _a_crumbs([], label)
        + '\t\t\t\t<div class="page-head">\n'
        f'\t\t\t<h1 class="page-title">\n\t\t\t\t{label}\t\t\t</h1>\n'
        f'\t\t\t\t\t\t<a class="rss-cat-icon tooltip" title="Feed Subscription" '
        f'href="{ARCHIVE}?feed=rss2&#038;cat={cat_id}"><i class="fa fa-rss"></i></a>\n'
        '\t\t\t\t\t\t<div class="stripe-line"></div>\n\t\t\t\t\t</div>\n\t\t\n'
        '\t\t<div class="post-listing archive-box">\n' + "".join(articles) + "\t</div>\n"
        '\t\t\t<div class="pagination">\n'
        '\t\t<span class="pages">Page 1 of 2,418</span><span class="current">1</span>'
        f"{pages}"
        f'\t\t\t\t\t<span id="tie-next-page">\n\t\t\t\t\t<a href="{ARCHIVE}?cat={cat_id}'
        '&#038;paged=2" >&raquo;</a>\t\t\t\t\t</span>\n'
        '\t\t\t\t\t<span class="extend">...</span>'
        f'<a href="{ARCHIVE}?cat={cat_id}&#038;paged=2418" class="last" title="Last &raquo;">'
        "Last &raquo;</a>\t</div>\n"
        "\t</div> <!-- .content -->\n\n"
    )
    return (
        head
        + _archive_header(ARCHIVE_STORIES[0][1], ["politics"])
        + _archive_breaking()
        + content
        + _archive_sidebar()
        + _archive_footer(_dt(ARCHIVE_STORIES[0][1]).year)
        + _archive_scripts(singular=False)
        + "</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------------
# Current theme: Foxiz by themeruby (sana.sy since August 2025)
# ---------------------------------------------------------------------------------------------

_SVG_PATHS: dict[str, str] = {
    "search": "M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.41 1.41-5.4-5.39A8 8 0 1 1 10 2zm0 2a6 6 0 "
    "1 0 0 12 6 6 0 0 0 0-12z",
    "fire": "M12 2c1 3.5-1.5 5.2-1.5 8a2.5 2.5 0 0 0 5 0c0-.9-.3-1.7-.7-2.4C17.6 9 19 11.6 19 "
    "14.5A7 7 0 0 1 5 14.5C5 9.6 9.4 6.4 12 2z",
    "sun": "M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0-6 1 3h-2l1-3zm0 22-1-3h2l-1 3zM1 12l3-1v2l-3-1"
    "zm22 0-3 1v-2l3 1zM4.2 4.2l2.8 1.4-1.4 1.4-1.4-2.8zm15.6 15.6-2.8-1.4 1.4-1.4 1.4 2.8zM4.2 "
    "19.8l1.4-2.8 1.4 1.4-2.8 1.4zM19.8 4.2l-1.4 2.8-1.4-1.4 2.8-1.4z",
    "moon": "M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z",
    "facebook": "M14 8h3V4h-3c-2.8 0-5 2.2-5 5v2H7v4h2v9h4v-9h3l1-4h-4V9c0-.6.4-1 1-1z",
    "x": "M4 3h4.6l4.2 5.8L17.9 3H20l-6.3 7.3L21 21h-4.6l-4.5-6.2L6.5 21H4.4l6.6-7.6z",
    "telegram": "M21.9 4.3 18.7 19.6c-.2 1-.9 1.3-1.8.8l-4.9-3.6-2.4 2.3c-.3.3-.5.5-1 .5l.4-5 "
    "9.1-8.2c.4-.4-.1-.6-.6-.2L6.3 13.3l-4.8-1.5c-1-.3-1.1-1 .2-1.5l18.8-7.2c.9-.3 1.6.2 1.4 1.2z",
    "youtube": "M23 7.2a3 3 0 0 0-2.1-2.1C19 4.6 12 4.6 12 4.6s-7 0-8.9.5A3 3 0 0 0 1 7.2 31 31 0 "
    "0 0 .5 12a31 31 0 0 0 .5 4.8 3 3 0 0 0 2.1 2.1c1.9.5 8.9.5 8.9.5s7 0 8.9-.5a3 3 0 0 0 2.1-2.1 "
    "31 31 0 0 0 .5-4.8 31 31 0 0 0-.5-4.8zM9.8 15.1V8.9l5.8 3.1z",
    "instagram": "M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5zm0 2a3 3 "
    "0 0 0-3 3v10a3 3 0 0 0 3 3h10a3 3 0 0 0 3-3V7a3 3 0 0 0-3-3H7zm5 3.5a4.5 4.5 0 1 1 0 9 4.5 "
    "4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM17.5 5.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2z",
    "whatsapp": "M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 2a8 8 0 1 1-4.1 14.9"
    "l-.3-.2-3 .8.8-2.9-.2-.3A8 8 0 0 1 12 4zm-3.2 4.2c-.2 0-.5.1-.7.3-.3.3-.9.9-.9 2.1s.9 2.5 1 "
    "2.6c.2.2 1.8 2.8 4.4 3.8 2.1.8 2.6.7 3 .6.5-.1 1.5-.6 1.7-1.2.2-.6.2-1.1.1-1.2l-.5-.3-1.8-.9"
    "c-.3-.1-.5-.1-.6.1l-.8 1c-.2.2-.3.2-.6.1s-1.1-.4-2.1-1.3c-.8-.7-1.3-1.5-1.4-1.8-.2-.3 0-.4.1"
    "-.5l.4-.5.3-.5v-.5l-.8-2c-.2-.5-.4-.4-.6-.4z",
    "user": "M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 12c4.4 0 8 2.2 8 5v3H4v-3c0-2.8 3.6-5 8-5z",
    "share": "M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 "
    "3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z",
}


def _svg(name: str, size: int = 20) -> str:
    return (
        f'<svg class="svg-icon svg-{name}" width="{size}" height="{size}" aria-hidden="true" '
        'role="img" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f'<path fill="currentColor" d="{_SVG_PATHS[name]}"></path></svg>'
    )


_C_COLORS = [
    "#c0392b",
    "#1d5fa8",
    "#0f7b5f",
    "#b9770e",
    "#7d3c98",
    "#117a8b",
    "#a93226",
    "#2e4053",
    "#6e2c00",
    "#d35400",
    "#283593",
    "#00796b",
    "#558b2f",
    "#4e342e",
    "#37474f",
]


def _c_cat_url(key: str) -> str:
    return f"{CURRENT}{key}/"


def _c_post_url(post_id: int, cat: str) -> str:
    return f"{CURRENT}{cat}/{post_id}/"


def _c_stories(
    cat: str | None = None, skip: int = 0, count: int = 5
) -> list[tuple[int, str, str, str]]:
    pool = [s for s in CURRENT_STORIES if cat is None or s[2] == cat]
    if len(pool) < count:
        pool = pool + [s for s in CURRENT_STORIES if s not in pool]
    return pool[skip : skip + count]


def _c_time(iso: str, classes: str = "date published") -> str:
    return f'<time class="{classes}" datetime="{iso}">{_long_date(iso)}</time>'


def _c_card(
    pid: int,
    iso: str,
    cat: str,
    title: str,
    *,
    layout: str,
    title_tag: str = "h5",
    image_size: str = "330x220",
    summary: str = "",
    show_cat: bool = False,
    counter: int | None = None,
) -> str:
    url = _c_post_url(pid, cat)
    width, height = image_size.split("x")
    label, term = CURRENT_CATS.get(cat, (cat.title(), 1))
    cat_html = (
        '<div class="p-categories p-top"><a class="p-category category-id-'
        f'{term}" href="{_c_cat_url(cat)}" rel="category">{label}</a></div>'
        if show_cat
        else ""
    )
    counter_html = (
        f'<span class="counter-el"></span><span class="counter">{counter}</span>'
        if (counter is not None)
        else ""
    )
    summary_html = f'<p class="entry-summary">{_t(summary)}</p>' if summary else ""
    return (
        f'<div class="p-wrap {layout}" data-pid="{pid}">'
        f'<div class="feat-holder">{counter_html}<div class="p-featured ratio-v1">'
        f'<a class="p-flink" href="{url}" title="{_a(title)}"><img loading="lazy" '
        f'width="{width}" height="{height}" src="{_image(CURRENT, iso, title, image_size)}" '
        'class="featured-img wp-post-image" alt="" decoding="async" /></a></div></div>'
        f'<div class="p-content">{cat_html}<{title_tag} class="entry-title">'
        f'<a class="p-url" href="{url}" rel="bookmark">{_t(title)}</a></{title_tag}>'
        f"{summary_html}"
        '<div class="p-meta"><div class="meta-inner is-meta"><span class="meta-el meta-update">'
        f"{_c_time(iso, 'date')}</span></div></div></div></div>\n"
    )


def _foxiz_inline_css() -> str:
    root = [
        "--body-family:'Inter',Arial,Helvetica,sans-serif",
        "--body-fweight:400",
        "--body-fcolor:#1c1c1c",
        "--body-fsize:16px",
        "--h1-family:'Noto Serif',Georgia,serif",
        "--h1-fweight:700",
        "--h1-fsize:36px",
        "--h1-fheight:1.25",
        "--h2-family:'Noto Serif',Georgia,serif",
        "--h2-fweight:700",
        "--h2-fsize:28px",
        "--h3-family:'Noto Serif',Georgia,serif",
        "--h3-fweight:700",
        "--h3-fsize:21px",
        "--h4-family:'Inter',Arial,Helvetica,sans-serif",
        "--h4-fweight:700",
        "--h4-fsize:17px",
        "--h5-family:'Inter',Arial,Helvetica,sans-serif",
        "--h5-fweight:700",
        "--h5-fsize:15px",
        "--h6-family:'Inter',Arial,Helvetica,sans-serif",
        "--h6-fweight:600",
        "--h6-fsize:14px",
        "--cat-family:'Inter',Arial,Helvetica,sans-serif",
        "--cat-fweight:700",
        "--cat-transform:uppercase",
        "--cat-fsize:11px",
        "--meta-family:'Inter',Arial,Helvetica,sans-serif",
        "--meta-fweight:400",
        "--meta-fsize:12px",
        "--meta-b-family:'Inter',Arial,Helvetica,sans-serif",
        "--meta-b-fweight:600",
        "--input-family:'Inter',Arial,Helvetica,sans-serif",
        "--input-fweight:400",
        "--btn-family:'Inter',Arial,Helvetica,sans-serif",
        "--btn-fweight:600",
        "--menu-family:'Inter',Arial,Helvetica,sans-serif",
        "--menu-fweight:700",
        "--menu-fsize:15px",
        "--submenu-family:'Inter',Arial,Helvetica,sans-serif",
        "--submenu-fweight:500",
        "--submenu-fsize:14px",
        "--dwidgets-family:'Inter',Arial,Helvetica,sans-serif",
        "--dwidgets-fweight:600",
        "--headline-family:'Noto Serif',Georgia,serif",
        "--headline-fweight:700",
        "--headline-fsize:38px",
        "--tagline-family:'Inter',Arial,Helvetica,sans-serif",
        "--tagline-fweight:400",
        "--tagline-fsize:18px",
        "--heading-family:'Inter',Arial,Helvetica,sans-serif",
        "--heading-fweight:800",
        "--subheading-family:'Inter',Arial,Helvetica,sans-serif",
        "--subheading-fweight:500",
        "--quote-family:'Noto Serif',Georgia,serif",
        "--quote-fweight:700",
        "--bcrumb-family:'Inter',Arial,Helvetica,sans-serif",
        "--bcrumb-fweight:500",
        "--bcrumb-fsize:12px",
        "--g-color:#b3141a",
        "--g-color-90:#b3141ae6",
        "--dark-accent:#101820",
        "--dark-accent-90:#101820e6",
        "--dark-accent-0:#10182000",
        "--review-color:#b3141a",
        "--hyperlink-color:#1d5fa8",
        "--hyperlink-line-color:#1d5fa855",
        "--indicator-bg-from:#b3141a",
        "--indicator-bg-to:#101820",
        "--indicator-height:3px",
        "--nav-bg:#ffffff",
        "--nav-bg-from:#ffffff",
        "--nav-bg-to:#ffffff",
        "--nav-color:#101820",
        "--nav-color-10:#1018201a",
        "--subnav-bg:#ffffff",
        "--subnav-bg-from:#ffffff",
        "--subnav-bg-to:#ffffff",
        "--subnav-color:#101820",
        "--subnav-color-10:#1018201a",
        "--subnav-color-h:#b3141a",
        "--nav-height:64px",
        "--mbnav-height:52px",
        "--hd-logo-height:46px",
        "--mlogo-height:34px",
        "--round-3:4px",
        "--round-5:6px",
        "--round-7:8px",
        "--hover-ani:cubic-bezier(.4,0,.2,1)",
        "--wrap-width:1240px",
        "--edge-padding:20px",
        "--s-content-width:760px",
        "--max-width-wo-sb:860px",
        "--alert-bg:#b3141a",
        "--alert-color:#ffffff",
        "--excerpt-color:#5c5c5c",
        "--footer-bg-color:#0d1117",
        "--footer-color:#d6d6d6",
        "--copyright-bg-color:#080b0f",
        "--copyright-color:#a9a9a9",
    ]
    dark = [
        "--solid-white:#0d1117",
        "--body-fcolor:#e6e6e6",
        "--excerpt-color:#b4b4b4",
        "--nav-bg:#0d1117",
        "--nav-color:#ffffff",
        "--subnav-bg:#161b22",
        "--subnav-color:#ffffff",
        "--flex-gray-15:#ffffff26",
        "--flex-gray-7:#ffffff12",
        "--dark-accent:#000000",
    ]
    rules = [":root{" + ";".join(root) + ";}", '[data-theme="dark"]{' + ";".join(dark) + ";}"]
    rules += [
        ".p-category{--cat-highlight:var(--g-color);--cat-highlight-90:var(--g-color-90);}",
        ".s-title{font-family:var(--headline-family);font-weight:var(--headline-fweight);"
        "font-size:var(--headline-fsize);}",
        ".entry-content p{margin-bottom:1.4em;}.entry-content > p:last-child{margin-bottom:0;}",
        ".breaking-news-heading{background-color:var(--g-color);color:#fff;}",
        ".header-ticker-wrap{border-bottom:1px solid var(--flex-gray-15);}",
        ".check-also-block{margin-top:30px;padding:20px;border-left:4px solid var(--g-color);"
        "background:var(--flex-gray-7);}",
        ".related-inline{margin:25px 0;padding:15px 20px;border-top:2px solid var(--g-color);}",
        ".related-inline .entry-title{font-size:16px;margin-bottom:8px;}",
        ".efoot-bar a{margin-right:6px;}",
        ".usr-holder .author-description{font-size:14px;}",
        "@media (max-width: 767px){:root{--headline-fsize:26px;--h1-fsize:26px;--h2-fsize:22px;"
        "--h3-fsize:18px;}}",
        "@media (max-width: 1024px){.single-sidebar{margin-top:40px;}}",
        ".footer-wrap a:hover{color:#ffffff;}.copyright-text{font-size:13px;}",
        ".wp-element-caption,.wp-block-image figcaption{font-size:13px;color:var(--excerpt-color);"
        "text-align:center;}",
    ]
    for index, (key, (_, term)) in enumerate(CURRENT_CATS.items()):
        color = _C_COLORS[index % len(_C_COLORS)]
        rules.append(
            f".p-category.category-id-{term},.term-i-{term}{{--cat-highlight:{color};"
            f"--cat-highlight-90:{color}e6;}}"
            f".category-{term} .blog-content{{--heading-sub-color:{color};}}"
            f".is-cbox-{term}{{--cbox-bg:{color}e6;}}"
            f"body.category-{key} .archive-header{{--archive-bg:{color}14;}}"
        )
    return "".join(rules)


def _c_rank_math_graph(graph: list[dict[str, Any]]) -> str:
    data = {"@context": "https://schema.org", "@graph": graph}
    return (
        '<script type="application/ld+json" class="rank-math-schema">'
        f"{_json_script(data, wp_style=False)}</script>\n"
    )


def _c_org_nodes() -> list[dict[str, Any]]:
    return [
        {
            "@type": ["NewsMediaOrganization", "Organization"],
            "@id": f"{CURRENT}#organization",
            "name": "SANA",
            "url": CURRENT.rstrip("/"),
            "sameAs": [
                "https://www.facebook.com/SyrianArabNewsAgency",
                "https://x.com/SANA_English",
                "https://t.me/SANAEnglish",
            ],
            "logo": {
                "@type": "ImageObject",
                "@id": f"{CURRENT}#logo",
                "url": f"{CURRENT}wp-content/uploads/2025/08/sana-logo-512.png",
                "contentUrl": f"{CURRENT}wp-content/uploads/2025/08/sana-logo-512.png",
                "caption": "SANA",
                "inLanguage": "en-US",
                "width": "512",
                "height": "512",
            },
        },
        {
            "@type": "WebSite",
            "@id": f"{CURRENT}#website",
            "url": CURRENT.rstrip("/"),
            "name": "SANA",
            "alternateName": CURRENT_NAME,
            "publisher": {"@id": f"{CURRENT}#organization"},
            "inLanguage": "en-US",
        },
    ]


def _current_head(
    title: str, canonical: str | None, meta: str, ld_json: str, body_class: str
) -> str:
    styles = [
        ("wp-block-library-css", "wp-includes/css/dist/block-library/style.min.css?ver=6.8.2"),
        (
            "foxiz-elements-css",
            "wp-content/plugins/foxiz-core/lib/foxiz-elements/public/style.css?ver=2.0",
        ),
        (
            "contact-form-7-css",
            "wp-content/plugins/contact-form-7/includes/css/styles.css?ver=6.0.6",
        ),
        ("foxiz-main-css", "wp-content/themes/foxiz/assets/css/main.css?ver=2.6.9"),
        ("foxiz-print-css", "wp-content/themes/foxiz/assets/css/print.css?ver=2.6.9"),
        ("foxiz-style-css", "wp-content/themes/foxiz-child/style.css?ver=1.0.2"),
    ]
    links = ""
    for sid, path in styles:
        media = "print" if "print" in sid else "all"
        links += f"<link rel='stylesheet' id='{sid}' href='{CURRENT}{path}' media='{media}' />\n"
        if sid == "wp-block-library-css":
            links += (
                "<style id='classic-theme-styles-inline-css'>\n"
                f"{_CLASSIC_THEME_CSS}\n</style>\n"
                "<style id='global-styles-inline-css'>\n"
                f"{_wp_global_styles()}\n</style>\n"
            )
        if sid == "foxiz-main-css":
            links += f"<style id='foxiz-main-inline-css'>\n{_foxiz_inline_css()}\n</style>\n"
    canonical_tag = f'<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": f"{CURRENT}#website",
        "url": CURRENT,
        "name": "SANA",
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{CURRENT}?s={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    dark_mode = (
        "<script>\n\t(function () {\n"
        "\t\tvar storageKey = 'RubyDarkMode', root = document.documentElement;\n"
        "\t\tvar saved = null;\n\t\ttry { saved = localStorage.getItem(storageKey); } "
        "catch (e) {}\n"
        "\t\tvar prefersDark = window.matchMedia && "
        "window.matchMedia('(prefers-color-scheme: dark)').matches;\n"
        "\t\tvar mode = saved ? saved : (prefersDark ? 'dark' : 'default');\n"
        "\t\troot.setAttribute('data-theme', mode === 'dark' ? 'dark' : 'default');\n"
        "\t\tdocument.addEventListener('DOMContentLoaded', function () {\n"
        "\t\t\tdocument.body.setAttribute('data-theme', root.getAttribute('data-theme'));\n"
        "\t\t});\n\t})();\n</script>\n"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-US">\n'
        "<head>\n"
        '    <meta charset="UTF-8" />\n'
        '    <meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
        '\t<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        '    <link rel="profile" href="https://gmpg.org/xfn/11" />\n'
        f"\t<title>{_t(title)}</title>\n"
        "\n<!-- Search Engine Optimization by Rank Math PRO - https://rankmath.com/ -->\n"
        f"{meta}"
        f"{canonical_tag}"
        f"{ld_json}"
        "<!-- /Rank Math WordPress SEO plugin -->\n\n"
        "<link rel='dns-prefetch' href='//fonts.googleapis.com' />\n"
        f'<link rel="alternate" type="application/rss+xml" title="SANA &raquo; Feed" '
        f'href="{CURRENT}feed/" />\n'
        f'<link rel="alternate" type="application/rss+xml" title="SANA &raquo; Comments Feed" '
        f'href="{CURRENT}comments/feed/" />\n'
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
        '<link rel="preload" as="style" onload="this.onload=null;this.rel=\'stylesheet\'" '
        'id="rb-preload-gfonts" href="https://fonts.googleapis.com/css?family=Inter%3A400%2C'
        '500%2C600%2C700%2C800%7CNoto+Serif%3A400%2C700%2C400italic&amp;display=swap" '
        'crossorigin><noscript><link rel="stylesheet" href="https://fonts.googleapis.com/css?'
        "family=Inter%3A400%2C500%2C600%2C700%2C800%7CNoto+Serif%3A400%2C700%2C400italic&amp;"
        'display=swap"></noscript>'
        f"{_emoji_script(CURRENT)}"
        "<style id='wp-img-auto-sizes-contain-inline-css'>\n"
        'img:is([sizes=auto i],[sizes^="auto," i]){contain-intrinsic-size:3000px 1500px}\n'
        "</style>\n"
        f"{links}"
        f'<script src="{CURRENT}wp-includes/js/jquery/jquery.min.js?ver=3.7.1" '
        'id="jquery-core-js"></script>\n'
        f'<script src="{CURRENT}wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1" '
        'id="jquery-migrate-js"></script>\n'
        f'<link rel="https://api.w.org/" href="{CURRENT}wp-json/" />'
        f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{CURRENT}xmlrpc.php'
        '?rsd" />\n'
        '<meta name="generator" content="WordPress 6.8.2" />\n'
        f'<script type="application/ld+json">{_json_script(website, wp_style=True)}</script>\n'
        f'<link rel="icon" href="{CURRENT}wp-content/uploads/2025/08/cropped-sana-icon-32x32.png"'
        ' sizes="32x32" />\n'
        f'<link rel="icon" href="{CURRENT}wp-content/uploads/2025/08/cropped-sana-icon-192x192'
        '.png" sizes="192x192" />\n'
        f'<link rel="apple-touch-icon" href="{CURRENT}wp-content/uploads/2025/08/'
        'cropped-sana-icon-180x180.png" />\n'
        '<meta name="msapplication-TileImage" content="'
        f'{CURRENT}wp-content/uploads/2025/08/cropped-sana-icon-270x270.png" />\n'
        '<style type="text/css" id="wp-custom-css">\n'
        ".s-title{letter-spacing:-.01em;}\n.entry-content{text-align:start;}\n"
        ".header-ticker-wrap .breaking-news-title{font-size:14px;}\n"
        ".single .s-feat img{border-radius:var(--round-5);}\n</style>\n"
        "</head>\n"
        f'<body class="{body_class}" data-theme="default">\n'
        f"{dark_mode}"
    )


_C_MEGA = ["politics", "presidency", "world", "economy", "local"]
_C_COLUMNS = [
    ("Society", ["culture", "sports", "health", "scitech"]),
    ("Features", ["reports", "interviews", "opinion"]),
    ("Multimedia", ["photos", "videos", "infographics"]),
]


def _c_mega(key: str, current: bool) -> str:
    label, term = CURRENT_CATS[key]
    menu_id = 3000 + term
    cards = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-grid p-grid-small-1",
            title_tag="h4",
            image_size="330x220",
        )
        for pid, iso, cat, title in _c_stories(key, 0, 5)
    )
    state = " current-post-ancestor current-menu-parent" if current else ""
    return (
        f'<li id="menu-item-{menu_id}" class="menu-item menu-item-type-taxonomy '
        f"menu-item-object-category{state} menu-item-{menu_id} menu-item-has-children "
        f'menu-has-child-mega is-child-wide"><a href="{_c_cat_url(key)}"><span>{label}</span>'
        '</a><div class="mega-dropdown is-mega-category"><div class="rb-container edge-padding">'
        '<div class="mega-dropdown-inner"><div class="mega-header mega-header-fw">'
        f'<span class="h4">{label}</span><a class="mega-link is-meta" href="{_c_cat_url(key)}">'
        '<span>Show More</span><i class="rbi rbi-cright" aria-hidden="true"></i></a></div>'
        f'<div id="mega-listing-{menu_id}" class="block-wrap block-small block-grid '
        'block-grid-small-1 rb-columns rb-col-5 is-gap-10 meta-s-dot"><div class="block-inner">'
        f"{cards}</div></div></div></div></div></li>\n"
    )


def _c_columns_menu() -> str:
    cols = []
    for index, (title, keys) in enumerate(_C_COLUMNS):
        subs = "".join(
            f'<li id="menu-item-{3100 + CURRENT_CATS[k][1]}" class="menu-item '
            "menu-item-type-taxonomy menu-item-object-category "
            f'menu-item-{3100 + CURRENT_CATS[k][1]}"><a href="{_c_cat_url(k)}">'
            f"<span>{CURRENT_CATS[k][0]}</span></a></li>"
            for k in keys
        )
        cols.append(
            f'<li id="menu-item-{3200 + index}" class="menu-item menu-item-type-custom '
            f'menu-item-object-custom menu-item-has-children mega-col menu-item-{3200 + index}">'
            f'<a href="#"><span>{title}</span></a><ul class="sub-menu">{subs}</ul></li>'
        )
    return (
        '<li id="menu-item-3300" class="menu-item menu-item-type-custom menu-item-object-custom '
        'menu-item-has-children menu-item-3300 menu-has-child-mega-columns layout-col-3">'
        '<a href="#"><span>Sections</span></a><div class="mega-dropdown is-mega-column">'
        '<div class="mega-dropdown-inner"><div class="rb-container edge-padding">'
        f'<ul class="mega-columns">{"".join(cols)}</ul></div></div></div></li>\n'
    )


def _c_search_form(placeholder: str = "Search Headlines, News...") -> str:
    return (
        f'<form role="search" method="get" class="search-form" action="{CURRENT}">\n'
        '\t<div class="search-form-icon"><i class="rbi rbi-search" aria-hidden="true"></i>'
        "</div>\n"
        '\t<label class="search-form-input">\n'
        '\t\t<span class="screen-reader-text">Search for:</span>\n'
        f'\t\t<input type="search" class="field" placeholder="{placeholder}" value="" '
        'name="s"/>\n\t</label>\n'
        '\t<div class="search-form-submit"><input type="submit" value="Search"/></div>\n'
        "</form>\n"
    )


def _c_socials(with_names: bool = False) -> str:
    links = [
        ("facebook", "Facebook", "https://www.facebook.com/SyrianArabNewsAgency"),
        ("x", "X", "https://x.com/SANA_English"),
        ("telegram", "Telegram", "https://t.me/SANAEnglish"),
        ("youtube", "YouTube", "https://www.youtube.com/@SANAEnglish"),
        ("instagram", "Instagram", "https://www.instagram.com/sana.english"),
    ]
    return "".join(
        f'<a class="social-link-{name}" aria-label="{label}" data-title="{label}" '
        f'href="{url}" target="_blank" rel="noopener nofollow">{_svg(name, 18)}'
        + (f"<span>{label}</span>" if with_names else "")
        + "</a>"
        for name, label, url in links
    )


def _current_header(current_cats: Iterable[str] = ()) -> str:
    current = set(current_cats)
    menu = [
        '<li id="menu-item-3001" class="menu-item menu-item-type-custom menu-item-object-custom '
        f'menu-item-home menu-item-3001"><a href="{CURRENT}"><span>Home</span></a></li>\n'
    ]
    menu += [_c_mega(key, key in current) for key in _C_MEGA]
    menu.append(_c_columns_menu())
    ticker = "".join(
        '<div class="swiper-slide"><h6 class="breaking-news-title">'
        f'<a class="p-url" href="{_c_post_url(pid, cat)}" rel="bookmark">{_t(title)}</a>'
        "</h6></div>"
        for pid, _, cat, title in CURRENT_STORIES[:10]
    )
    mobile_items = "".join(
        f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category '
        f'menu-item-{3400 + term}"><a href="{_c_cat_url(key)}"><span>{label}</span></a></li>'
        for key, (label, term) in CURRENT_CATS.items()
    )
    quick = "".join(
        f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category '
        f'menu-item-{3500 + CURRENT_CATS[k][1]}"><a href="{_c_cat_url(k)}">'
        f"<span>{CURRENT_CATS[k][0]}</span></a></li>"
        for k in ("politics", "presidency", "economy", "local", "world", "sports")
    )
    logo = (
        f'<div class="logo-wrap is-image-logo site-branding"><a href="{CURRENT}" class="logo" '
        f'title="{CURRENT_NAME}"><img class="logo-default" data-mode="default" height="46" '
        f'width="170" src="{CURRENT}wp-content/uploads/2025/08/sana-en-logo.svg" '
        f'alt="{CURRENT_NAME}" decoding="async" loading="eager"><img class="logo-dark" '
        f'data-mode="dark" height="46" width="170" src="{CURRENT}wp-content/uploads/2025/08/'
        f'sana-en-logo-white.svg" alt="{CURRENT_NAME}" decoding="async" loading="eager"></a>'
        "</div>"
    )
    dark_toggle = (
        '<div class="dark-mode-toggle-wrap"><div class="dark-mode-toggle">'
        '<span class="dark-mode-slide"><i class="dark-mode-slide-btn mode-icon-dark" '
        f'data-title="Switch to Light">{_svg("moon", 14)}</i>'
        '<i class="dark-mode-slide-btn mode-icon-default" data-title="Switch to Dark">'
        f"{_svg('sun', 14)}</i></span></div></div>"
    )
    return (
        '<div class="site-outer">\n'
        '\t\t\t<div id="site-header" class="header-wrap rb-section header-set-1 header-1 '
        'header-wrapper style-shadow has-quick-menu">\n'
        '\t\t\t<aside class="top-site-ad header-ticker-wrap"><div class="rb-container '
        'edge-padding"><div id="uid_ticker" class="block-wrap block-breaking-news rb-ticker '
        'breaking-news"><div class="block-inner">'
        f'<span class="breaking-news-heading">{_svg("fire", 16)}<span>Breaking News</span>'
        '</span><div class="breaking-news-slider swiper-container pre-load" data-play="1" '
        f'data-speed="5000"><div class="swiper-wrapper">{ticker}</div>'
        '<div class="breaking-news-nav"><div class="breaking-news-prev rbi rbi-prev"></div>'
        '<div class="breaking-news-next rbi rbi-next"></div></div></div></div></div></div>'
        "</aside>\n"
        '\t\t\t<div class="reading-indic-holder"><span class="reading-indic-bar"></span></div>\n'
        '\t\t\t<div id="navbar-outer" class="navbar-outer">\n'
        '\t\t\t\t<div id="sticky-holder" class="sticky-holder">\n'
        '\t\t\t\t\t<div class="navbar-wrap">\n'
        '\t\t\t\t\t\t<div class="rb-container edge-padding">\n'
        '\t\t\t\t\t\t\t<div class="navbar-inner">\n'
        '\t\t\t\t\t\t\t\t<div class="navbar-left">\n'
        f"\t\t\t\t\t\t\t\t\t{logo}\n"
        '\t\t\t\t\t\t\t\t\t<nav id="site-navigation" class="main-menu-wrap" aria-label="main '
        'menu"><ul id="menu-main-menu" class="main-menu rb-menu large-menu" itemscope '
        'itemtype="https://www.schema.org/SiteNavigationElement">' + "".join(menu) + "</ul></nav>\n"
        '\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t<div class="navbar-right">\n'
        '\t\t\t\t\t\t\t\t\t<div class="wnav-holder header-social-list">'
        f"{_c_socials()}</div>\n"
        '\t\t\t\t\t\t\t\t\t<div class="wnav-holder w-header-search header-dropdown-outer">\n'
        '\t\t\t\t\t\t\t\t\t\t<a href="#" data-title="Search" class="icon-holder header-element '
        'search-btn search-trigger" aria-label="search">'
        '<i class="rbi rbi-search wnav-icon" aria-hidden="true"></i></a>\n'
        '\t\t\t\t\t\t\t\t\t\t<div class="header-dropdown"><div class="header-search-form '
        'is-icon-layout">'
        f"{_c_search_form()}</div></div>\n\t\t\t\t\t\t\t\t\t</div>\n"
        f"\t\t\t\t\t\t\t\t\t{dark_toggle}\n"
        "\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n"
        '\t\t\t\t\t<div id="header-mobile" class="header-mobile">\n'
        '\t\t\t\t\t\t<div class="header-mobile-wrap">\n'
        '\t\t\t\t\t\t\t<div class="mbnav edge-padding">\n'
        '\t\t\t\t\t\t\t\t<div class="navbar-left"><div class="mobile-toggle-wrap">'
        '<a href="#" class="mobile-menu-trigger" aria-label="mobile trigger">'
        '<span class="burger-icon"><span></span><span></span><span></span></span></a></div>'
        f'<div class="mobile-logo-wrap is-image-logo site-branding"><a href="{CURRENT}" '
        f'title="{CURRENT_NAME}"><img class="logo-default" data-mode="default" height="34" '
        f'width="126" src="{CURRENT}wp-content/uploads/2025/08/sana-en-logo.svg" '
        f'alt="{CURRENT_NAME}" decoding="async" loading="eager"></a></div></div>\n'
        '\t\t\t\t\t\t\t\t<div class="navbar-right"><a href="#" class="mobile-menu-trigger '
        f'mobile-search-icon" aria-label="search">{_svg("search", 20)}</a>{dark_toggle}</div>\n'
        "\t\t\t\t\t\t\t</div>\n"
        '\t\t\t\t\t\t\t<div class="mobile-qview"><ul id="menu-mobile-quick-access" '
        f'class="mobile-qview-inner">{quick}</ul></div>\n'
        "\t\t\t\t\t\t</div>\n"
        '\t\t\t\t\t\t<div class="mobile-collapse">\n'
        '\t\t\t\t\t\t\t<div class="collapse-holder">\n'
        '\t\t\t\t\t\t\t\t<div class="collapse-inner">\n'
        '\t\t\t\t\t\t\t\t\t<div class="mobile-search-form edge-padding"><div '
        'class="header-search-form is-form-layout"><span class="h5">Search</span>'
        f"{_c_search_form()}</div></div>\n"
        '\t\t\t\t\t\t\t\t\t<nav class="mobile-menu-wrap edge-padding">'
        f'<ul id="mobile-menu" class="mobile-menu">{mobile_items}</ul></nav>\n'
        '\t\t\t\t\t\t\t\t\t<div class="collapse-sections"><div class="mobile-socials">'
        f'<span class="mobile-social-title h6">Follow US</span>{_c_socials()}</div></div>\n'
        '\t\t\t\t\t\t\t\t\t<div class="collapse-footer"><div class="collapse-copyright">'
        "&copy; 2025 SANA. All Rights Reserved.</div></div>\n"
        "\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n"
        "\t\t\t\t\t</div>\n"
        "\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n"
        '\t\t<div class="site-wrap">\n'
    )


def _c_widget_heading(title: str, tag: str = "h4", layout: str = "heading-layout-1") -> str:
    return (
        f'<div class="block-h widget-heading {layout}"><div class="heading-inner">'
        f'<{tag} class="heading-title"><span>{title}</span></{tag}></div></div>'
    )


def _c_tag_cloud() -> str:
    low, high = min(n for _, n in TAG_CLOUD), max(n for _, n in TAG_CLOUD)
    return "\n".join(
        f'<a href="{CURRENT}tag/{_tag_slug(tag)}/" class="tag-cloud-link '
        f'tag-link-{_num("c" + tag, 100, 9000)} tag-link-position-{pos}" style="font-size: '
        f'{8 + round(14 * (count - low) / (high - low), 1)}pt;" aria-label="{_a(tag)} '
        f'({count:,} items)">{_t(tag)}</a>'
        for pos, (tag, count) in enumerate(TAG_CLOUD, 1)
    )


def _current_sidebar() -> str:
    popular = sorted(CURRENT_STORIES, key=lambda s: -_num(f"cviews-{s[0]}", 100, 9000))[:5]
    most_read = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-small p-list-small-2",
            title_tag="h6",
            image_size="150x150",
            counter=index,
        )
        for index, (pid, iso, cat, title) in enumerate(popular, 1)
    )
    latest = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-small p-list-small-2",
            title_tag="h6",
            image_size="150x150",
        )
        for pid, iso, cat, title in CURRENT_STORIES[5:10]
    )
    followers = [
        (
            "facebook",
            "fb-follower",
            "https://www.facebook.com/SyrianArabNewsAgency",
            "1.3M",
            "Followers",
            "Like",
        ),
        ("x", "twitter-follower", "https://x.com/SANA_English", "41K", "Followers", "Follow"),
        ("telegram", "telegram-follower", "https://t.me/SANAEnglish", "18K", "Members", "Join"),
        (
            "youtube",
            "youtube-follower",
            "https://www.youtube.com/@SANAEnglish",
            "112K",
            "Subscribers",
            "Subscribe",
        ),
    ]
    follow = "".join(
        f'<div class="sfollower-el {cls}"><a target="_blank" href="{url}" '
        'class="sfollower-link" rel="nofollow noopener"><span class="sfollower-icon">'
        f'{_svg(name, 22)}</span><span class="sfollower-meta"><span class="sfollower-count">'
        f'{count}</span><span class="sfollower-label">{label}</span></span>'
        f'<span class="sfollower-btn">{button}</span></a></div>'
        for name, cls, url, count, label, button in followers
    )
    return (
        '\t\t\t<div class="sidebar-wrap single-sidebar">\n'
        '\t\t\t\t<div class="sidebar-inner clearfix">\n'
        '<div id="search-3" class="rb-section clearfix widget_search">'
        f"{_c_search_form('Search...')}</div>"
        '<div id="widget-social-follower-2" class="widget w-sidebar rb-section clearfix '
        f'widget-social-follower">{_c_widget_heading("Follow US")}'
        f'<div class="social-follower effect-fadeout">{follow}</div></div>'
        '<div id="widget-post-2" class="widget w-sidebar rb-section clearfix widget-post">'
        f"{_c_widget_heading('Most Read')}"
        '<div class="block-wrap block-small block-list block-list-small-2 rb-columns rb-col-1 '
        f'is-gap-none meta-s-dot ecat-bg-4"><div class="block-inner">{most_read}</div></div>'
        "</div>"
        '<div id="widget-post-3" class="widget w-sidebar rb-section clearfix widget-post">'
        f"{_c_widget_heading('Latest News')}"
        '<div class="block-wrap block-small block-list block-list-small-2 rb-columns rb-col-1 '
        f'is-gap-none meta-s-dot"><div class="block-inner">{latest}</div></div></div>'
        '<div id="tag_cloud-2" class="widget w-sidebar rb-section clearfix widget_tag_cloud">'
        f'{_c_widget_heading("Tags")}<div class="tagcloud">{_c_tag_cloud()}</div></div>'
        "\t\t\t\t</div>\n\t\t\t</div>\n"
    )


def _current_footer() -> str:
    def menu(menu_id: str, keys: Sequence[str]) -> str:
        items = "".join(
            f'<li id="menu-item-{3600 + CURRENT_CATS[k][1]}" class="menu-item '
            "menu-item-type-taxonomy menu-item-object-category "
            f'menu-item-{3600 + CURRENT_CATS[k][1]}"><a href="{_c_cat_url(k)}">'
            f"<span>{CURRENT_CATS[k][0]}</span></a></li>"
            for k in keys
        )
        return (
            f'<div class="menu-{menu_id}-container"><ul id="menu-{menu_id}" class="menu">'
            f"{items}</ul></div>"
        )

    latest = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-small p-list-small-1",
            title_tag="h6",
            image_size="150x150",
        )
        for pid, iso, cat, title in CURRENT_STORIES[10:14]
    )
    pages = [
        ("About Us", "about-us"),
        ("Contact Us", "contact-us"),
        ("Privacy Policy", "privacy-policy"),
        ("Terms of Use", "terms-of-use"),
        ("Archive", "archive"),
    ]
    copyright_menu = "".join(
        f'<li class="menu-item menu-item-type-post_type menu-item-object-page">'
        f'<a href="{CURRENT}{slug}/"><span>{label}</span></a></li>'
        for label, slug in pages
    )
    return (
        "\t\t</div>\n"
        '\t\t\t<footer class="footer-wrap rb-section left-dot">\n'
        '\t\t\t<div class="footer-inner footer-has-bg">\n'
        '\t\t\t\t<div class="footer-columns rb-columns is-gap-25 rb-container edge-padding '
        'footer-4c">\n\t\t\t\t\t<div class="block-inner">\n'
        '<div class="footer-col"><div id="text-2" class="widget w-sidebar rb-section clearfix '
        'widget_text"><div class="textwidget">'
        f'<p><img src="{CURRENT}wp-content/uploads/2025/08/sana-en-logo-white.svg" width="170" '
        'height="46" alt="SANA" loading="lazy" decoding="async" /></p>'
        "<p>The Syrian Arab News Agency (SANA) is Syria’s national news agency. SANA English "
        "covers political, economic, local and cultural news from Damascus and all "
        "governorates.</p></div></div></div>\n"
        '<div class="footer-col"><div id="nav_menu-2" class="widget w-sidebar rb-section '
        f'clearfix widget_nav_menu">{_c_widget_heading("News", "h4", "heading-layout-10")}'
        f"{menu('footer-news', ['politics', 'presidency', 'world', 'economy', 'local'])}"
        "</div></div>\n"
        '<div class="footer-col"><div id="nav_menu-3" class="widget w-sidebar rb-section '
        f'clearfix widget_nav_menu">{_c_widget_heading("Sections", "h4", "heading-layout-10")}'
        f"{menu('footer-sections', ['culture', 'sports', 'health', 'scitech', 'reports'])}"
        "</div></div>\n"
        '<div class="footer-col"><div id="widget-post-4" class="widget w-sidebar rb-section '
        f'clearfix widget-post">{_c_widget_heading("Latest", "h4", "heading-layout-10")}'
        '<div class="block-wrap block-small block-list block-list-small-1 rb-columns rb-col-1 '
        f'is-gap-none"><div class="block-inner">{latest}</div></div></div></div>\n'
        "\t\t\t\t\t</div>\n\t\t\t\t</div>\n"
        '\t\t\t\t<div class="footer-copyright">\n'
        '\t\t\t\t\t<div class="rb-container edge-padding">\n'
        '\t\t\t\t\t\t<div class="bottom-footer-section"><div class="footer-social-list">'
        f'<span class="footer-social-list-title h6">Follow US</span>{_c_socials(True)}</div>'
        "</div>\n"
        '\t\t\t\t\t\t<div class="bottom-footer-section"><p class="copyright-text">&copy; 2025 '
        "SANA &#8211; Syrian Arab News Agency. All Rights Reserved.</p>"
        f'<ul id="menu-footer-copyright" class="footer-menu-inner">{copyright_menu}</ul></div>\n'
        "\t\t\t\t\t</div>\n\t\t\t\t</div>\n"
        "\t\t\t</div>\n\t\t\t</footer>\n"
        "\t\t</div>\n"
    )


def _current_scripts(post_id: int | None, extra_blocks: dict[str, Any]) -> str:
    core = {
        "ajaxurl": f"{CURRENT}wp-admin/admin-ajax.php",
        "darkModeID": "RubyDarkMode",
        "yesPersonalized": "",
        "cookieDomain": "",
        "cookiePath": "/",
    }
    params = {
        "sliderSpeed": "5000",
        "sliderEffect": "slide",
        "sliderFMode": "1",
        "twitterSvg": _svg("x", 14),
        "highlightShares": "1",
        "highlightShareFacebook": "1",
        "highlightShareTwitter": "1",
        "highlightShareReddit": "",
        "tocAccordion": "",
        "liveInterval": "",
        "ajaxNextPost": "",
        "adsBlocker": "",
        "resizeImage": "1",
        "singleLoadNextLimit": "20",
        "postID": str(post_id) if post_id else "",
        "i18n": {"copied": "Copied!", "loading": "Loading...", "noMore": "No more posts"},
    }
    blocks = "".join(
        f"var {name} = {_json_script(value, wp_style=True)};\n"
        for name, value in extra_blocks.items()
    )
    speculation = {
        "prefetch": [
            {
                "source": "document",
                "where": {
                    "and": [
                        {"href_matches": "/en/*"},
                        {
                            "not": {
                                "href_matches": [
                                    "/en/wp-*.php",
                                    "/en/wp-admin/*",
                                    "/en/wp-content/uploads/*",
                                ]
                            }
                        },
                        {"not": {"selector_matches": 'a[rel~="nofollow"]'}},
                    ]
                },
            }
        ],
        "eagerness": "conservative",
    }
    login = (
        '<div id="rb-user-popup-form" class="rb-user-popup-form mfp-animation mfp-hide">'
        '<div class="logo-popup-outer"><div class="logo-popup"><div class="login-popup-header">'
        '<span class="logo-popup-heading h3">Welcome Back!</span><p class="logo-popup-'
        'description is-meta">Sign in to your account</p></div><div class="user-form">'
        f'<form name="popup-form" id="popup-form" action="{CURRENT}wp-login.php" method="post">'
        '<div class="login-username"><div class="rb-login-label">Username or Email Address'
        '</div><input type="text" name="log" id="rb-user-login" class="input" value="" '
        'size="20" autocomplete="username" required="required" /></div>'
        '<div class="login-password"><div class="rb-login-label">Password</div>'
        '<input type="password" name="pwd" id="rb-user-pass" class="input" value="" size="20" '
        'autocomplete="current-password" spellcheck="false" required="required" /></div>'
        '<div class="remember-wrap"><p class="login-remember"><label class="rb-login-label">'
        '<input name="rememberme" type="checkbox" id="rb-user-remember" value="forever" /> '
        'Remember Me</label></p></div><p class="login-submit"><input type="submit" '
        'name="wp-submit" id="rb-user-submit" class="button button-primary" value="Log In" />'
        f'<input type="hidden" name="redirect_to" value="{CURRENT}" /></p></form></div>'
        f'<div class="user-form-footer is-meta"><a href="{CURRENT}wp-login.php?action='
        'lostpassword">Lost your password?</a></div></div></div></div>\n'
    )
    return (
        '<a href="#" id="back-top" class="scroll-to-top" aria-label="back to top">'
        '<i class="rbi rbi-darrow-top" aria-hidden="true"></i></a>\n'
        f'<script type="speculationrules">\n{_json_script(speculation, wp_style=False)}\n'
        "</script>\n"
        f"{login}"
        f'<script id="foxiz-core-js-extra">\nvar foxizCoreParams = '
        f"{_json_script(core, wp_style=True)};\n</script>\n"
        f'<script src="{CURRENT}wp-content/plugins/foxiz-core/assets/core.js?ver=2.6.9" '
        'id="foxiz-core-js"></script>\n'
        f'<script src="{CURRENT}wp-content/plugins/contact-form-7/includes/swv/js/index.js'
        '?ver=6.0.6" id="swv-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/jquery.waypoints.min.js'
        '?ver=3.1.1" id="jquery-waypoints-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/rbswiper.min.js?ver=6.8.4" '
        'id="rbswiper-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/jquery.mp.min.js'
        '?ver=1.1.0" id="jquery-magnific-popup-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/jquery.tipsy.min.js'
        '?ver=1.0" id="rb-tipsy-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/jquery.ui.totop.min.js'
        '?ver=v1.2" id="jquery-uitotop-js"></script>\n'
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/personalized.js'
        '?ver=2.6.9" id="foxiz-personalize-js"></script>\n'
        '<script id="foxiz-global-js-extra">\n'
        f"var foxizParams = {_json_script(params, wp_style=True)};\n"
        f"{blocks}</script>\n"
        f'<script src="{CURRENT}wp-content/themes/foxiz/assets/js/global.js?ver=2.6.9" '
        'id="foxiz-global-js"></script>\n'
        f'<script src="{CURRENT}wp-includes/js/comment-reply.min.js?ver=6.8.2" '
        'id="comment-reply-js" async="async" data-wp-strategy="async"></script>\n'
        "<script>\n"
        "window.dataLayer = window.dataLayer || [];\n"
        "function gtag(){dataLayer.push(arguments);}\n"
        "gtag('js', new Date());\ngtag('config', 'G-5ANAEN2025');\n"
        "</script>\n"
        '<script async src="https://www.googletagmanager.com/gtag/js?id=G-5ANAEN2025"></script>\n'
    )


def _c_share_list(permalink: str, headline: str, with_names: bool) -> str:
    text = quote(headline, safe="")
    url = quote(permalink, safe="")
    items = [
        ("facebook", "Facebook", f"https://www.facebook.com/sharer.php?u={url}"),
        ("twitter", "X", f"https://twitter.com/intent/tweet?text={text}&amp;url={url}"),
        ("telegram", "Telegram", f"https://t.me/share/?url={url}&amp;text={text}"),
        ("whatsapp", "WhatsApp", f"https://api.whatsapp.com/send?text={text}%20{url}"),
        (
            "linkedin",
            "LinkedIn",
            f"https://www.linkedin.com/shareArticle?mini=true&amp;url={url}&amp;title={text}",
        ),
        (
            "email",
            "Email",
            f"mailto:?subject={text}&amp;BODY=I%20found%20this%20article%20"
            f"interesting%20and%20thought%20of%20sharing%20it%20with%20you.%20{url}",
        ),
    ]
    out = []
    for icon, label, href in items:
        name = f"<span>{label}</span>" if with_names else ""
        out.append(
            f'<a class="share-action share-trigger icon-{icon}" aria-label="Share on {label}" '
            f'href="{href}" data-title="{label}" rel="nofollow noopener" target="_blank">'
            f'<i class="rbi rbi-{icon}" aria-hidden="true"></i>{name}</a>'
        )
    out.append(
        f'<a class="share-action icon-copy copy-trigger" aria-label="Copy Link" href="#" '
        f'rel="nofollow" data-copied="Copied!" data-link="{permalink}" data-copy="Copy Link">'
        '<i class="rbi rbi-link-o" aria-hidden="true"></i>'
        + ("<span>Copy Link</span>" if with_names else "")
        + "</a>"
    )
    out.append(
        '<a class="share-action icon-print" aria-label="Print" rel="nofollow" '
        'href="javascript:if(window.print)window.print()" data-title="Print">'
        '<i class="rbi rbi-print" aria-hidden="true"></i>'
        + ("<span>Print</span>" if with_names else "")
        + "</a>"
    )
    return "".join(out)


def _c_entry(b: Bulletin) -> str:
    captions = {c["before_paragraph"]: c for c in b["captions"]}
    empty = set(b["empty_paragraph_before"])
    inline_at = b["inline_related_after_paragraph"]
    paragraphs = b["paragraphs"]
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index in captions:
            cap = captions[index]
            path = cap.get("image") or f"{b['current_id']}-{index}.jpg"
            attachment = cap.get("attachment_id", b["current_id"] + index)
            full = _upload(CURRENT, path)
            large = _upload(CURRENT, path, "1024x683")
            medium = _upload(CURRENT, path, "300x200")
            out.append(
                '<figure class="wp-block-image size-large"><img loading="lazy" '
                f'decoding="async" width="1024" height="683" src="{large}" alt="" '
                f'class="wp-image-{attachment}" srcset="{large} 1024w, {medium} 300w, '
                f'{full} 1280w" sizes="(max-width: 1024px) 100vw, 1024px" />'
                f'<figcaption class="wp-element-caption">{_t(cap["text"])}</figcaption>'
                "</figure>\n\n\n\n"
            )
        if index in empty:
            out.append("<p>&nbsp;</p>\n\n\n\n")
        out.append(f"<p>{_t(paragraph)}</p>\n\n\n\n")
        if index == inline_at and len(paragraphs) >= 6 and b["inline_related"]:
            out.append(_c_inline_related(b["inline_related"]))
    if b["byline"]:
        out.append(f"<p>{_t(b['byline'])}</p>\n")
    return "".join(out)


def _c_inline_related(items: Sequence[dict[str, Any]]) -> str:
    cards = "".join(
        f'<div class="p-wrap p-list-inline" data-pid="{_c_pid(item["current_url"])}">'
        f'<h6 class="entry-title"><a class="p-url" href="{item["current_url"]}" rel="bookmark">'
        f"{_t(item['title'])}</a></h6></div>"
        for item in items
    )
    return (
        '<div class="block-wrap block-small block-list inline-post-block related-inline">'
        '<div class="block-h heading-layout-1"><div class="heading-inner">'
        '<h4 class="heading-title"><span>Read More</span></h4></div></div>'
        f'<div class="block-inner">{cards}</div></div>\n\n\n\n'
    )


def _c_pid(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _c_check_also(check: dict[str, Any] | None) -> str:
    if not check:
        return ""
    url = check["current_url"]
    thumb = _upload(CURRENT, check.get("image") or f"check/{_slug(check['title'])}.jpg", "330x220")
    return (
        '<div class="block-wrap block-small check-also-block">'
        '<div class="block-h heading-layout-1"><div class="heading-inner">'
        '<h4 class="heading-title"><span>Check Also</span></h4></div></div>'
        '<div class="p-wrap p-list-small-1"><div class="feat-holder"><div class="p-featured">'
        f'<a class="p-flink" href="{url}" title="{_a(check["title"])}"><img loading="lazy" '
        f'width="330" height="220" src="{thumb}" class="featured-img wp-post-image" alt="" '
        'decoding="async" /></a></div></div><div class="p-content">'
        f'<h5 class="entry-title"><a class="p-url" href="{url}">{_t(check["title"])}</a></h5>'
        f'<p class="entry-summary">{_t(check["teaser"])}</p></div></div></div>\n'
    )


def _c_related(b: Bulletin) -> str:
    if not b["related"]:
        return ""
    cards = []
    for item in b["related"]:
        url, title, iso = item["current_url"], item["title"], item["published"]
        pid = _c_pid(url)
        thumb = _image(CURRENT, iso, title, "420x280")
        cards.append(
            f'<div class="p-wrap p-grid p-grid-1" data-pid="{pid}"><div class="feat-holder">'
            f'<div class="p-featured"><a class="p-flink" href="{url}" title="{_a(title)}">'
            f'<img loading="lazy" width="420" height="280" src="{thumb}" '
            'class="featured-img wp-post-image" alt="" decoding="async" /></a></div></div>'
            f'<div class="p-content"><h5 class="entry-title"><a class="p-url" href="{url}" '
            f'rel="bookmark">{_t(title)}</a></h5><div class="p-meta"><div class="meta-inner '
            f'is-meta"><span class="meta-el meta-update">{_c_time(iso)}</span></div></div>'
            "</div></div>"
        )
    return (
        '\t\t\t<div class="sfoter-sec single-related">'
        '<div class="block-h heading-layout-1"><div class="heading-inner">'
        '<h3 class="heading-title"><span>Related News</span></h3></div></div>'
        f'<div id="uuid_r{b["current_id"]}" class="block-wrap block-grid block-grid-1 '
        'rb-columns rb-col-4 is-gap-20 meta-s-dot"><div class="block-inner">'
        + "".join(cards)
        + "</div></div></div>\n"
    )


def _c_author_box(account: str) -> str:
    slug = _author_slug(account)
    url = f"{CURRENT}author/{slug}/"
    bio = ACCOUNT_BIO.get(account, "")
    return (
        '\t\t\t\t\t<div class="usr-holder entry-sec"><div class="ubox"><div class="ubox-header">'
        f'<div class="author-avatar"><a class="author-avatar" href="{url}">'
        f'<img alt="{_a(account)}" '
        f"src='{_gravatar(account, 100)}' class='avatar avatar-100 photo' height='100' "
        "width='100' loading='lazy' decoding='async'/></a></div>"
        '<div class="author-info-wrap"><div class="author-title h5">'
        f'<a class="author-title" href="{url}">{_t(account)}</a></div>'
        '<div class="author-job meta-text">SANA English</div>'
        f'<div class="usr-sbar">{_c_socials()}</div></div></div>'
        f'<div class="author-description">{_t(bio)}</div></div></div>\n'
    )


def render_current(bulletin: Bulletin) -> str:
    """The bulletin as a sana.sy article page in the Foxiz (themeruby) theme."""
    b = _complete(bulletin)
    pid = b["current_id"]
    url = b["current_url"]
    headline = b["headline"]
    cat_keys = [_cat_key(c) for c in b["categories"]]
    primary = cat_keys[0] if cat_keys[0] in CURRENT_CATS else "politics"
    primary_label, primary_term = CURRENT_CATS[primary]
    image = _upload(CURRENT, b["featured_image"])
    image_large = _upload(CURRENT, b["featured_image"], "1024x683")
    title = f"{headline} - {CURRENT_NAME}"
    description = _excerpt(b["paragraphs"][0], 28)
    account = b["account"]
    author_url = f"{CURRENT}author/{_author_slug(account)}/"
    minutes = max(1, sum(len(p.split()) for p in b["paragraphs"]) // 200)
    graph = [
        *_c_org_nodes(),
        {
            "@type": "ImageObject",
            "@id": image,
            "url": image,
            "width": "1280",
            "height": "853",
            "inLanguage": "en-US",
        },
        {
            "@type": "BreadcrumbList",
            "@id": f"{url}#breadcrumb",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": "1",
                    "item": {"@id": CURRENT.rstrip("/"), "name": "Home"},
                },
                {
                    "@type": "ListItem",
                    "position": "2",
                    "item": {"@id": _c_cat_url(primary), "name": primary_label},
                },
                {"@type": "ListItem", "position": "3", "item": {"@id": url, "name": headline}},
            ],
        },
        {
            "@type": "WebPage",
            "@id": f"{url}#webpage",
            "url": url,
            "name": title,
            "datePublished": b["published"],
            "dateModified": b["modified"],
            "isPartOf": {"@id": f"{CURRENT}#website"},
            "primaryImageOfPage": {"@id": image},
            "inLanguage": "en-US",
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
        },
        {
            "@type": "Person",
            "@id": author_url,
            "name": account,
            "url": author_url,
            "image": {
                "@type": "ImageObject",
                "@id": _gravatar(account, 96).replace("&#038;", "&"),
                "url": _gravatar(account, 96).replace("&#038;", "&"),
                "caption": account,
                "inLanguage": "en-US",
            },
            "worksFor": {"@id": f"{CURRENT}#organization"},
        },
        {
            "@type": "NewsArticle",
            "headline": headline,
            "keywords": ",".join(b["tags"]),
            "datePublished": b["published"],
            "dateModified": b["modified"],
            "articleSection": ", ".join(b["categories"]),
            "author": {"@id": author_url, "name": account},
            "publisher": {"@id": f"{CURRENT}#organization"},
            "description": description,
            "name": headline,
            "@id": f"{url}#richSnippet",
            "isPartOf": {"@id": f"{url}#webpage"},
            "image": {"@id": image},
            "inLanguage": "en-US",
            "mainEntityOfPage": {"@id": f"{url}#webpage"},
        },
    ]
    meta = (
        f'<meta name="description" content="{_a(description)}"/>\n'
        '<meta name="robots" content="follow, index, max-snippet:-1, max-video-preview:-1, '
        'max-image-preview:large"/>\n'
        '<meta property="og:locale" content="en_US" />\n'
        '<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{_a(title)}" />\n'
        f'<meta property="og:description" content="{_a(description)}" />\n'
        f'<meta property="og:url" content="{url}" />\n'
        '<meta property="og:site_name" content="SANA" />\n'
        '<meta property="article:publisher" content="https://www.facebook.com/'
        'SyrianArabNewsAgency" />\n'
        + "".join(f'<meta property="article:tag" content="{_a(tag)}" />\n' for tag in b["tags"])
        + f'<meta property="article:section" content="{primary_label}" />\n'
        f'<meta property="og:updated_time" content="{b["modified"]}" />\n'
        f'<meta property="og:image" content="{image}" />\n'
        f'<meta property="og:image:secure_url" content="{image}" />\n'
        '<meta property="og:image:width" content="1280" />\n'
        '<meta property="og:image:height" content="853" />\n'
        f'<meta property="og:image:alt" content="{_a(headline)}" />\n'
        '<meta property="og:image:type" content="image/jpeg" />\n'
        f'<meta property="article:published_time" content="{b["published"]}" />\n'
        f'<meta property="article:modified_time" content="{b["modified"]}" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        f'<meta name="twitter:title" content="{_a(title)}" />\n'
        f'<meta name="twitter:description" content="{_a(description)}" />\n'
        '<meta name="twitter:site" content="@SANA_English" />\n'
        '<meta name="twitter:creator" content="@SANA_English" />\n'
        f'<meta name="twitter:image" content="{image}" />\n'
        '<meta name="twitter:label1" content="Written by" />\n'
        f'<meta name="twitter:data1" content="{_a(account)}" />\n'
        '<meta name="twitter:label2" content="Time to read" />\n'
        f'<meta name="twitter:data2" content="{minutes} minute{"s" if minutes > 1 else ""}" />\n'
    )
    body_class = (
        f"post-template-default single single-post postid-{pid} single-format-standard "
        "wp-embed-responsive personalized-all menu-ani-1 hover-ani-1 btn-ani-1 is-rm-1 "
        "lmeta-dot loader-1 is-hd-1 is-standard-1 is-mstick yes-tstick is-backtop "
        "none-m-backtop"
    )
    head = _current_head(title, url, meta, _c_rank_math_graph(graph), body_class)
    crumbs = (
        '<div class="breadcrumb-wrap breadcrumb-rankmath s-breadcrumb">'
        '<nav aria-label="breadcrumbs" class="breadcrumb rank-math-breadcrumb"><p>'
        f'<a href="{CURRENT}">Home</a><span class="separator"> &raquo; </span>'
        f'<a href="{_c_cat_url(primary)}">{primary_label}</a>'
        '<span class="separator"> &raquo; </span>'
        f'<span class="last">{_t(headline)}</span></p></nav></div>'
    )
    meta_block = (
        '<div class="single-meta meta-s-dot yes-0 is-meta-author-color">'
        '<div class="smeta-in">'
        f'<a class="meta-el meta-avatar" href="{author_url}"><img alt="{_a(account)}" '
        f"src='{_gravatar(account, 120)}' class='avatar avatar-120 photo' height='120' "
        "width='120' decoding='async'/></a>"
        '<div class="smeta-sec"><div class="smeta-bottom meta-text">'
        f'<time class="updated-date" datetime="{b["modified"]}">Last updated: '
        f"{_long_date(b['modified'])} {_dt(b['modified']):%I:%M %p}</time></div>"
        '<div class="p-meta"><div class="meta-inner is-meta">'
        '<div class="meta-el meta-author"><span class="meta-label">By</span>'
        f'<a href="{author_url}">{_t(account)}</a></div>'
        '<div class="meta-el meta-date">'
        f'<time class="date published" datetime="{b["published"]}">'
        f"{_long_date(b['published'])}</time></div></div></div></div></div>"
        '<div class="smeta-extra"><div class="single-right-meta single-time-read is-meta">'
        f'<div class="meta-el meta-read">{minutes} Min Read</div></div></div></div>'
    )
    article_classes = (
        f"post-{pid} post type-post status-publish format-standard has-post-thumbnail "
        + " ".join(f"category-{k}" for k in cat_keys)
        + " "
        + " ".join(f"tag-{_tag_slug(t)}" for t in b["tags"])
    ).strip()
    tags = "".join(
        f'<a href="{CURRENT}tag/{_tag_slug(t)}/" rel="tag">{_t(t)}</a>' for t in b["tags"]
    )
    article = (
        '<div class="single-standard-1 is-sidebar-right sticky-sidebar optimal-line-length">\n'
        '\t<div class="rb-container edge-padding">\n'
        f'\t\t<article id="post-{pid}" class="{article_classes}">\n'
        '\t\t\t<header class="single-header">\n'
        f"\t\t\t\t{crumbs}\n"
        '\t\t\t\t<div class="s-cats ecat-bg-4 ecat-size-big"><div class="p-categories">'
        f'<a class="p-category category-id-{primary_term}" href="{_c_cat_url(primary)}" '
        f'rel="category">{primary_label}</a></div></div>\n'
        f'\t\t\t\t<h1 class="s-title fw-headline">{_t(headline)}</h1>\n'
        f"\t\t\t\t{meta_block}\n"
        "\t\t\t</header>\n"
        '\t\t\t<div class="grid-container">\n'
        '\t\t\t\t<div class="s-ct">\n'
        '\t\t\t\t\t<div class="s-feat-outer"><div class="s-feat">'
        f'<img width="1024" height="683" src="{image_large}" class="featured-image '
        f'wp-post-image" alt="{_a(headline)}" decoding="auto" loading="eager" '
        f'fetchpriority="high" srcset="{image_large} 1024w, '
        f'{_upload(CURRENT, b["featured_image"], "300x200")} 300w, {image} 1280w" '
        'sizes="(min-width:1440px) 1200px, (min-width:1024px) 960px, (min-width:700px) 720px, '
        '92vw" /></div></div>\n'
        '\t\t\t\t\t<div class="s-ct-wrap has-lsl">\n'
        '\t\t\t\t\t\t<div class="s-ct-inner">\n'
        '\t\t\t\t\t\t\t<div class="l-shared-sec-outer show-mobile"><div class="l-shared-sec">'
        '<div class="l-shared-header meta-text"><i class="rbi rbi-share" aria-hidden="true">'
        '</i><span class="share-label">SHARE</span></div><div class="l-shared-items '
        f'effect-fadeout is-color">{_c_share_list(url, headline, False)}</div></div></div>\n'
        '\t\t\t\t\t\t\t<div class="e-ct-outer">\n'
        '\t\t\t\t\t\t\t\t<div class="entry-content rbct clearfix is-highlight-shares">'
        + _c_entry(b)
        + "</div>\n"
        + _c_check_also(b["check_also"])
        + '\t\t\t\t\t\t\t\t<div class="entry-bottom"><div id="custom_html-4" '
        'class="widget_text widget entry-widget clearfix widget_custom_html">'
        '<div class="textwidget custom-html-widget"><p class="join-telegram">Follow SANA '
        'English on <a href="https://t.me/SANAEnglish" target="_blank" rel="noopener">'
        "Telegram</a> for the latest news.</p></div></div></div>\n"
        '\t\t\t\t\t\t\t\t<div class="efoot efoot-commas h5"><div class="efoot-bar tag-bar">'
        '<span class="blabel is-meta"><i class="rbi rbi-tag" aria-hidden="true"></i>TAGGED:'
        f"</span>{tags}</div></div>\n"
        "\t\t\t\t\t\t\t</div>\n"
        "\t\t\t\t\t\t</div>\n"
        '\t\t\t\t\t\t<div class="e-shared-sec entry-sec"><div class="e-shared-header h4">'
        '<i class="rbi rbi-share" aria-hidden="true"></i><span>Share This Article</span></div>'
        '<div class="rbbsl tooltips-n effect-fadeout is-bg">'
        f"{_c_share_list(url, headline, True)}</div></div>\n"
        "\t\t\t\t\t</div>\n"
        + _c_author_box(account)
        + '\t\t\t\t\t<div class="comment-box-wrap entry-sec"><div id="comments" '
        'class="comments-area"><div class="comment-box-header"><span class="h4">Leave a '
        'Comment</span></div><div class="comment-holder">'
        + _comment_form(CURRENT, pid, url, foxiz=True)
        + "</div></div></div>\n"
        "\t\t\t\t</div>\n" + _current_sidebar() + "\t\t\t</div>\n"
        "\t\t</article>\n" + _c_related(b) + "\t</div>\n</div>\n"
    )
    related_block = {
        f"uuid_r{pid}": {
            "uuid": f"uuid_r{pid}",
            "name": "grid_1",
            "posts_per_page": str(len(b["related"]) or 4),
            "pagination": "",
            "crop_size": "foxiz_crop_g1",
            "entry_meta": ["update"],
            "post_not_in": str(pid),
        }
    }
    return (
        head
        + _current_header(cat_keys)
        + article
        + _current_footer()
        + _current_scripts(pid, related_block)
        + "</body>\n</html>\n"
    )


def render_current_404() -> str:
    """sana.sy's "page not found" page (Foxiz)."""
    meta = (
        '<meta name="robots" content="noindex, follow"/>\n'
        '<meta property="og:locale" content="en_US" />\n'
        f'<meta property="og:title" content="Page Not Found - {CURRENT_NAME}" />\n'
        '<meta property="og:site_name" content="SANA" />\n'
    )
    graph = [
        *_c_org_nodes(),
        {
            "@type": "WebPage",
            "@id": "#webpage",
            "url": "",
            "name": f"Page Not Found - {CURRENT_NAME}",
            "isPartOf": {"@id": f"{CURRENT}#website"},
            "inLanguage": "en-US",
        },
    ]
    head = _current_head(
        f"Page Not Found - {CURRENT_NAME}",
        None,
        meta,
        _c_rank_math_graph(graph),
        "error404 wp-embed-responsive personalized-all menu-ani-1 hover-ani-1 btn-ani-1 "
        "is-rm-1 lmeta-dot loader-1 is-hd-1 is-backtop none-m-backtop",
    )
    latest = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-grid p-grid-1",
            title_tag="h3",
            image_size="420x280",
            show_cat=True,
        )
        for pid, iso, cat, title in CURRENT_STORIES[:4]
    )
    content = (
        '<div class="page404-wrap rb-container edge-padding">\n'
        '\t<div class="page404-inner">\n'
        '\t\t<div class="page404-featured"><img loading="lazy" decoding="async" width="420" '
        f'height="260" src="{CURRENT}wp-content/uploads/2025/08/404.svg" alt="404"></div>\n'
        '\t\t<h1 class="page404-title">Oops! Nothing was found</h1>\n'
        '\t\t<p class="page404-description">The page requested couldn&#8217;t be found. This '
        "could be a spelling error in the URL or a removed page.</p>\n"
        f'\t\t<div class="page404-search-form">{_c_search_form("Search...")}</div>\n'
        f'\t\t<div class="page404-btn-wrap"><a href="{CURRENT}" class="page404-btn is-btn">'
        "Back to Homepage</a></div>\n"
        "\t</div>\n</div>\n"
        '<div class="page404-related rb-container edge-padding">'
        f"{_c_widget_heading('Latest News', 'h3')}"
        '<div class="block-wrap block-grid block-grid-1 rb-columns rb-col-4 is-gap-20 '
        f'meta-s-dot"><div class="block-inner">{latest}</div></div></div>\n'
    )
    return (
        head
        + _current_header()
        + content
        + _current_footer()
        + _current_scripts(None, {})
        + "</body>\n</html>\n"
    )


def _current_listing_items(catalog: dict[str, Bulletin]) -> list[tuple[int, str, str, str]]:
    items: list[tuple[int, str, str, str]] = list(CURRENT_LISTING_EXTRA)
    for b in catalog.values():
        items.append((b["current_id"], b["published"], _cat_key(b["category"]), b["headline"]))
    return sorted(items, key=lambda item: item[1], reverse=True)


def render_current_listing(catalog: dict[str, Bulletin]) -> str:
    """https://sana.sy/en/politics/ - the Politics category, first page (Foxiz)."""
    label, term = CURRENT_CATS["politics"]
    url = _c_cat_url("politics")
    leads = dict(CURRENT_LISTING_LEADS)
    for b in catalog.values():
        leads[b["current_id"]] = b["paragraphs"][0]
    items = _current_listing_items(catalog)
    graph = [
        *_c_org_nodes(),
        {
            "@type": "BreadcrumbList",
            "@id": f"{url}#breadcrumb",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": "1",
                    "item": {"@id": CURRENT.rstrip("/"), "name": "Home"},
                },
                {"@type": "ListItem", "position": "2", "item": {"@id": url, "name": label}},
            ],
        },
        {
            "@type": "CollectionPage",
            "@id": f"{url}#webpage",
            "url": url,
            "name": f"{label} - {CURRENT_NAME}",
            "isPartOf": {"@id": f"{CURRENT}#website"},
            "inLanguage": "en-US",
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
        },
    ]
    meta = (
        '<meta name="robots" content="index, follow, max-snippet:-1, max-video-preview:-1, '
        'max-image-preview:large"/>\n'
        '<meta property="og:locale" content="en_US" />\n'
        '<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{label} - {CURRENT_NAME}" />\n'
        f'<meta property="og:url" content="{url}" />\n'
        '<meta property="og:site_name" content="SANA" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        f'<meta name="twitter:title" content="{label} - {CURRENT_NAME}" />\n'
        f'<link rel="next" href="{url}page/2/" />\n'
    )
    head = _current_head(
        f"{label} - {CURRENT_NAME}",
        url,
        meta,
        _c_rank_math_graph(graph),
        f"archive category category-politics category-{term} wp-embed-responsive "
        "personalized-all menu-ani-1 hover-ani-1 btn-ani-1 is-rm-1 lmeta-dot loader-1 is-hd-1 "
        "is-backtop none-m-backtop",
    )
    cards = "".join(
        _c_card(
            pid,
            iso,
            cat,
            title,
            layout="p-list p-list-1",
            title_tag="h3",
            image_size="420x280",
            summary=_excerpt(leads.get(pid, title), 30) + " …",
            show_cat=True,
        )
        for pid, iso, cat, title in items
    )
    pagination = (
        '<nav class="pagination-wrap pagination-number">'
        '<span aria-current="page" class="page-numbers current">1</span>'
        + "".join(f'<a class="page-numbers" href="{url}page/{n}/">{n}</a>' for n in range(2, 4))
        + '<span class="page-numbers dots">&hellip;</span>'
        f'<a class="page-numbers" href="{url}page/31/">31</a>'
        f'<a class="next page-numbers" href="{url}page/2/"><i class="rbi rbi-angle-right" '
        'aria-hidden="true"></i></a></nav>'
    )
    content = (
        '<header class="archive-header archive-header-1 is-centered">\n'
        '\t<div class="rb-container edge-padding archive-header-content">\n'
        '\t\t<div class="breadcrumb-wrap breadcrumb-rankmath">'
        '<nav aria-label="breadcrumbs" class="breadcrumb rank-math-breadcrumb"><p>'
        f'<a href="{CURRENT}">Home</a><span class="separator"> &raquo; </span>'
        f'<span class="last">{label}</span></p></nav></div>\n'
        f'\t\t<h1 class="archive-title">{label}</h1>\n'
        '\t\t<div class="taxonomy-description">Political news from Syria: official meetings, '
        "statements and diplomatic activity.</div>\n"
        "\t</div>\n</header>\n"
        '<div class="blog-wrap is-sidebar-right sticky-sidebar">\n'
        '\t<div class="rb-container edge-padding">\n'
        '\t\t<div class="grid-container">\n'
        '\t\t\t<div class="blog-content">\n'
        f'\t\t\t\t<div id="uid_c{term}" class="block-wrap block-small block-list block-list-1 '
        'rb-columns rb-col-1 p-middle meta-s-dot"><div class="block-inner">\n'
        f"{cards}"
        "\t\t\t\t</div></div>\n"
        f"\t\t\t\t{pagination}\n"
        "\t\t\t</div>\n"
        + _current_sidebar().replace("single-sidebar", "archive-sidebar")
        + "\t\t</div>\n\t</div>\n</div>\n"
    )
    block = {
        f"uid_c{term}": {
            "uuid": f"uid_c{term}",
            "name": "list_1",
            "category": str(term),
            "posts_per_page": "10",
            "pagination": "number",
            "entry_category": "bg-4",
            "excerpt_length": "30",
        }
    }
    return (
        head
        + _current_header(["politics"])
        + content
        + _current_footer()
        + _current_scripts(None, block)
        + "</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------------
# Catalog, seeds and output
# ---------------------------------------------------------------------------------------------


def load_catalog(path: Path = CATALOG) -> dict[str, Bulletin]:
    """The hand-written catalog, keyed by seed stem."""
    data: dict[str, Bulletin] = json.loads(path.read_text(encoding="utf-8"))
    return data


def rebuild_seed_text(b: Bulletin) -> str:
    """The seed text a catalog entry describes (headline, blocks, byline, Check Also)."""
    captions = {c["before_paragraph"]: c["text"] for c in b.get("captions", [])}
    empty = set(b.get("empty_paragraph_before", []))
    out: str = b["headline"]
    for index, paragraph in enumerate(b["paragraphs"]):
        if index in captions:
            out += "\n\n" + captions[index]
        if index in empty:
            out += "\n"
        out += "\n\n" + paragraph
    if b.get("byline"):
        out += "\n\n" + b["byline"]
    if b.get("check_also"):
        out += "\n\nCheck Also\n\n" + b["check_also"]["title"] + "\n\n" + b["check_also"]["teaser"]
    return out


def check_catalog(catalog: dict[str, Bulletin], text_dir: Path) -> list[str]:
    """Problems found when comparing each catalog entry with its seed text file."""
    problems = []
    for stem, b in catalog.items():
        seed = (text_dir / b.get("seed_file", f"{stem}.txt")).read_text(encoding="utf-8")
        if rebuild_seed_text(b) != seed:
            problems.append(f"{stem}: catalog does not rebuild the seed text")
        weekday = b.get("weekday_in_lead")
        if weekday and _dt(b["published"]).strftime("%A") != weekday:
            problems.append(f"{stem}: published date is not a {weekday}")
    return problems


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_all(root: Path = REPO) -> dict[Path, int]:
    """Render every page and sidecar from the catalog; returns the sizes written."""
    catalog = load_catalog()
    sizes: dict[Path, int] = {}
    for stem, b in catalog.items():
        sidecar = {"url": b["archive_url"], "published": b["published"]}
        sizes[root / "samples/text" / f"{stem}.json"] = _write(
            root / "samples/text" / f"{stem}.json", json.dumps(sidecar, indent=2) + "\n"
        )
        page = root / "samples/html/sana-archive" / f"{stem}.html"
        sizes[page] = _write(page, render_archive(b))
        page = root / "samples/html/sana" / f"{stem}.html"
        sizes[page] = _write(page, render_current(b))
    pages = root / "tests/data/pages"
    for name, text in (
        ("sana-archive-404.html", render_archive_404()),
        ("sana-404.html", render_current_404()),
        ("sana-archive-listing.html", render_archive_listing(catalog)),
        ("sana-listing.html", render_current_listing(catalog)),
    ):
        sizes[pages / name] = _write(pages / name, text)
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="also check the catalog against samples/text/*.txt"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check_catalog(load_catalog(), HERE / "text")
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
    for path, size in write_all().items():
        print(f"{size:>8,}  {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
