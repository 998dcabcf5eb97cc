"""Bulletins to table rows: stable ids, content hashes and Arrow tables for bulk loads."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from etl.enrich.derive import enrich, enrichment_version
from etl.enrich.duplicates import simhash
from etl.enrich.events import CAMEO
from etl.enrich.gazetteer import Entity
from etl.extract import PARSER_VERSION
from etl.ids import digest
from etl.load.schema import staged_schemas
from etl.model import Bulletin, RawDocument
from etl.sites import url_key


def article_id(bulletin: Bulletin) -> str:
    """Same URL, same id; a bulletin without URL is identified by its headline and body."""
    if bulletin.url:
        return digest("url", url_key(bulletin.url))
    return digest("content", bulletin.headline, bulletin.body)


def content_hash(bulletin: Bulletin) -> str:
    """A hash of everything parsed from the bulletin: a change in any field changes it."""
    payload = bulletin.to_dict()
    payload["truncated"] = bulletin.truncated
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def document_id(document: RawDocument, raw_hash: str) -> str:
    """One row per distinct (input, bytes): the same file ingested twice is one document."""
    return digest("document", document.uri, raw_hash)


# The staged tables' Arrow schemas, derived from sql/schema.sql (etl/load/schema.py).
SCHEMAS: dict[str, pa.Schema] = staged_schemas()


def author_id(name: str) -> str:
    """Authors are identified by their name as written, folded for case and spacing."""
    return digest("author", " ".join(name.split()).casefold())


ArticleRows = dict[str, list[dict[str, Any]]]
# Tables whose rows several articles may share: merged by their id within a batch.
_SHARED = {"authors": "author_id", "entities": "entity_id"}


def article_rows(
    bulletin: Bulletin, doc_id: str, *, stored_hash: str | None = None
) -> tuple[str, ArticleRows]:
    """The article id and every row that one bulletin contributes, in all tables.

    A pure function of the bulletin, so that worker processes can compute it. A bulletin
    rebuilt from the warehouse (to be enriched again) keeps the content hash it was stored
    with (`stored_hash`): its parse has not changed.
    """
    art_id = article_id(bulletin)
    rows: ArticleRows = {name: [] for name in SCHEMAS if name not in ("documents", "rejects")}
    rows["articles"].append(
        {
            "article_id": art_id,
            "url": bulletin.url,
            "source": bulletin.source,
            "headline": bulletin.headline,
            "published_date": bulletin.published_date,
            "dateline": bulletin.dateline,
            "weekday": bulletin.weekday,
            "desk": bulletin.desk,
            "body": bulletin.body,
            "word_count": len(bulletin.body.split()),
            "content_hash": stored_hash or content_hash(bulletin),
            "parser_version": PARSER_VERSION,
            "document_id": doc_id,
            "simhash": simhash(bulletin.body),
            "enrichment_version": enrichment_version(),
        }
    )
    rows["paragraphs"].extend(
        {"article_id": art_id, "position": i, "text": text, "is_truncated": cut}
        for i, (text, cut) in enumerate(
            zip(bulletin.paragraphs, bulletin.truncated, strict=True), start=1
        )
    )
    for position, name in enumerate(bulletin.authors, start=1):
        auth_id = author_id(name)
        rows["authors"].append({"author_id": auth_id, "name": name})
        rows["article_authors"].append(
            {"article_id": art_id, "author_id": auth_id, "position": position}
        )
    rows["related_links"].extend(
        {"article_id": art_id, "position": i, **link.to_dict()}
        for i, link in enumerate(bulletin.related, start=1)
    )
    rows["captions"].extend(
        {"article_id": art_id, "position": i, "text": text}
        for i, text in enumerate(bulletin.captions, start=1)
    )
    entities: dict[str, Entity] = {}
    _add_entity_rows(rows, entities, art_id, bulletin)
    for entity in entities.values():
        rows["entities"].append(
            {
                "entity_id": entity.entity_id,
                "name": entity.name,
                "kind": entity.kind,
                "country": entity.country,
            }
        )
        rows["entity_aliases"].extend(
            {"entity_id": entity.entity_id, "alias": alias}
            for alias in dict.fromkeys([entity.name, *entity.aliases, *entity.adjectives])
        )
    return art_id, rows


@dataclass
class Batch:
    """Rows of one batch for every table, accumulated in memory and loaded in one go.

    Within a batch an article appears once: a later document with the same article id
    replaces the earlier one (`n_duplicates` counts them). `n_skipped` counts documents
    already in the warehouse, unchanged, that were not parsed again.
    """

    documents: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    articles: dict[str, ArticleRows] = field(default_factory=dict)
    n_duplicates: int = 0
    n_skipped: int = 0

    def __len__(self) -> int:
        return len(self.documents)

    def add_document(self, document: RawDocument) -> str:
        """Record an input seen; returns its document id."""
        row = document_row(document)
        self.documents.append(row)
        return str(row["document_id"])

    def add_reject(self, uri: str, stage: str, reason: str, doc_id: str | None = None) -> None:
        """Record a document that could not become an article."""
        self.rejects.append(
            {
                "uri": uri,
                "stage": stage,
                "reason": reason,
                "document_id": doc_id,
                "expectation": None,
                "observed_value": None,
            }
        )

    def add_bulletin(self, bulletin: Bulletin, doc_id: str) -> None:
        """Add a parsed bulletin, to become its article row and child rows."""
        self.add_rows(*article_rows(bulletin, doc_id))

    def add_rows(self, art_id: str, rows: ArticleRows) -> None:
        """Add the rows `article_rows` computed (perhaps in another process)."""
        if art_id in self.articles:
            self.n_duplicates += 1
        self.articles[art_id] = rows

    @property
    def n_parsed(self) -> int:
        """Documents that became an article of this batch (duplicates included)."""
        return len(self.articles) + self.n_duplicates

    def tables(self) -> dict[str, pa.Table]:
        """Arrow tables for every staged relation, with the warehouse's column types."""
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        rows["documents"] = self.documents
        rows["rejects"] = self.rejects
        shared: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in _SHARED}
        for article in self.articles.values():
            for name, table_rows in article.items():
                if name in _SHARED:
                    for row in table_rows:
                        shared[name].setdefault(row[_SHARED[name]], row)
                else:
                    rows[name].extend(table_rows)
        for name, by_id in shared.items():
            rows[name] = list(by_id.values())
        return {
            name: pa.Table.from_pylist(rows[name], schema=schema)
            for name, schema in SCHEMAS.items()
        }


def document_row(document: RawDocument) -> dict[str, Any]:
    """The `documents` row of an input: its id is its URI and the hash of its bytes."""
    raw_hash = hashlib.sha256(document.data).hexdigest()
    return {
        "document_id": document_id(document, raw_hash),
        "uri": document.uri,
        "media_type": document.media_type,
        "size_bytes": len(document.data),
        "content_hash": raw_hash,
        "raw_location": document.raw_location,
        "raw_offset": document.raw_offset,
        "url": document.url,
        "fetched_at": document.fetched_at,
        "fetched_from": document.fetched_from,
        "http_status": document.http_status,
    }


def _add_entity_rows(
    rows: dict[str, list[dict[str, Any]]],
    entities: dict[str, Entity],
    art_id: str,
    bulletin: Bulletin,
) -> None:
    """Mentions, titles and meetings of one bulletin, and the entities they reference."""
    found = enrich(bulletin)
    for mention in found.mentions:
        entities.setdefault(mention.entity.entity_id, mention.entity)
        rows["mentions"].append(
            {
                "article_id": art_id,
                "entity_id": mention.entity.entity_id,
                "surface": mention.surface,
                "start_char": mention.start,
                "end_char": mention.end,
                "confidence": mention.confidence,
            }
        )
    for role in found.roles:
        entities.setdefault(role.person.entity_id, role.person)
        rows["person_roles"].append(
            {
                "entity_id": role.person.entity_id,
                "article_id": art_id,
                "title": role.title,
                "normalized_title": role.normalized_title,
                "organization": role.organization,
            }
        )
    events: list[tuple[int, dict[str, Any]]] = []
    for number, meeting in enumerate(found.meetings, start=1):
        meeting_id = digest("meeting", art_id, str(number))
        host, guest = meeting.host_entity, meeting.guest_entity
        if host is None:
            continue
        entities.setdefault(host.entity_id, host)
        rows["meetings"].append(
            {
                "meeting_id": meeting_id,
                "article_id": art_id,
                "meeting_date": meeting.meeting_date,
                "place": meeting.place,
                "host_id": host.entity_id,
                "guest_id": guest.entity_id if guest is not None else None,
                "kind": meeting.kind,
                "guest_country": meeting.guest_country,
            }
        )
        participants = [("host", host)] + ([("guest", guest)] if guest is not None else [])
        participants += [("attendee", entity) for entity in meeting.attendee_entities]
        for part, person in participants:
            entities.setdefault(person.entity_id, person)
            rows["meeting_participants"].append(
                {"meeting_id": meeting_id, "entity_id": person.entity_id, "role": part}
            )
        start, end = meeting.sentence
        events.append(
            (
                start,
                {
                    "event_date": meeting.meeting_date,
                    "kind": meeting.kind.replace(" ", "_"),
                    "actor_id": host.entity_id,
                    "target_id": guest.entity_id if guest is not None else None,
                    "actor": meeting.host.text,
                    "target": meeting.guest.text if meeting.guest is not None else None,
                    "place": meeting.place,
                    "sentence": bulletin.body[start:end],
                    "cameo_code": CAMEO[meeting.kind.replace(" ", "_")],
                },
            )
        )
    for event in found.events:
        start, end = event.sentence
        for named in (event.actor_entity, event.target_entity):
            if named is not None:
                entities.setdefault(named.entity_id, named)
        events.append(
            (
                start,
                {
                    "event_date": event.event_date,
                    "kind": event.kind,
                    "actor_id": event.actor_entity.entity_id if event.actor_entity else None,
                    "target_id": event.target_entity.entity_id if event.target_entity else None,
                    "actor": event.actor.text if event.actor is not None else "",
                    "target": event.target.text if event.target is not None else None,
                    "place": event.place,
                    "sentence": bulletin.body[start:end],
                    "cameo_code": event.cameo_code,
                },
            )
        )
    # Events in the order the bulletin tells them (meetings first within a sentence).
    events.sort(key=lambda pair: pair[0])
    for number, (_, row) in enumerate(events, start=1):
        rows["events"].append(
            {"event_id": digest("event", art_id, str(number)), "article_id": art_id, **row}
        )
