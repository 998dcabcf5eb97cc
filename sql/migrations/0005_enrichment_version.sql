-- Migration 5: each article records the version of the rules that derived its mentions,
-- roles, meetings and events (the extractor's version and a digest of the gazetteer files in
-- use), so that `bulletins reprocess --stale` finds what older rules made. Articles loaded
-- before have none: they are stale.

alter table articles add column enrichment_version varchar;
