"""What the samples parse and enrich to, digested per file, recorded per version.

`tests/data/versions.json` holds, for each parser version, the digest of each sample's
parsed bulletin, and for each enrichment version the digest of each sample's derived rows.
A change to the rules that changes a digest must come with a new version (so that
`bulletins reprocess --stale` finds what the older rules made); record the new version's
digests with

    uv run python -m tests.versions
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from etl.enrich.derive import enrichment_version
from etl.extract import PARSER_VERSION
from etl.extract.parse import parse_document
from etl.load.rows import article_rows
from etl.sources.files import read_file
from tests.conftest import REPO, SAMPLES

RECORD = REPO / "tests" / "data" / "versions.json"
_DERIVED = ("mentions", "person_roles", "meetings", "meeting_participants", "events",
            "entities", "entity_aliases")  # fmt: skip


def sample_files() -> list[Path]:
    """Every sample bulletin (text and pages), in name order."""
    return sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".html"))


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def observed() -> dict[str, dict[str, str]]:
    """Per sample (its path under samples/): the digest of its parsed bulletin and of the
    rows enrichment derives from it."""
    parsed, derived = {}, {}
    for path in sample_files():
        name = str(path.relative_to(SAMPLES))
        bulletin = parse_document(read_file(path))
        parsed[name] = _digest(bulletin.to_dict())
        _, rows = article_rows(bulletin, "document")
        derived[name] = _digest({table: rows[table] for table in _DERIVED})
    return {"parsed": parsed, "derived": derived}


def recorded() -> dict[str, dict[str, dict[str, str]]]:
    """The recorded digests: {"parser": {version: {sample: digest}}, "enrichment": ...}."""
    if not RECORD.is_file():
        return {"parser": {}, "enrichment": {}}
    data: dict[str, dict[str, dict[str, str]]] = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def record() -> None:
    """Record the current versions' digests (keeping those of older versions)."""
    data = recorded()
    found = observed()
    data["parser"].setdefault(PARSER_VERSION, {}).update(found["parsed"])
    data["enrichment"].setdefault(enrichment_version(), {}).update(found["derived"])
    RECORD.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded parser {PARSER_VERSION}, enrichment {enrichment_version()} in {RECORD}")


if __name__ == "__main__":
    record()
