-- Each author's output: bulletins signed (alone or with others), words, first and last date.
create or replace view output_per_author as
with signed as (
    select
        article_authors.author_id,
        articles.article_id,
        articles.word_count,
        articles.published_date,
        count(*) over (partition by articles.article_id) as n_coauthors
    from article_authors
    inner join articles
        on articles.article_id = article_authors.article_id
)

select
    authors.author_id,
    authors.name,
    count(*) as n_articles,
    count(*) filter (where signed.n_coauthors = 1) as n_alone,
    sum(signed.word_count) as n_words,
    min(signed.published_date) as first_date,
    max(signed.published_date) as last_date
from signed
inner join authors
    on authors.author_id = signed.author_id
group by authors.author_id, authors.name
order by n_articles desc, authors.name;
