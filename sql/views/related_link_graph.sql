-- The related-link graph: one edge per link from a bulletin to another, with the target
-- article when the warehouse holds it (matched on URL).
create or replace view related_link_graph as
select
    related_links.article_id as from_article_id,
    source_articles.headline as from_headline,
    related_links.kind,
    related_links.position,
    related_links.title as to_title,
    related_links.url as to_url,
    target_articles.article_id as to_article_id
from related_links
inner join articles as source_articles
    on source_articles.article_id = related_links.article_id
left join articles as target_articles
    on target_articles.url = related_links.url;
