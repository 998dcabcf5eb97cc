"""Enrichment: what is derived from a parsed bulletin's text (entities and their spellings,
titles, meetings, near-duplicates). `derive.enrich` is the stage's entry point.

`EXTRACTOR_VERSION` is bumped whenever a change to these rules can change derived output.
"""

EXTRACTOR_VERSION = "2"
