-- What an export takes: every table and view of the warehouse's main schema, in name order,
-- but the search index's own tables (derived from articles; `bulletins reindex` remakes them).
select
    table_name as name,
    case table_type when 'VIEW' then 'view' else 'table' end as kind
from information_schema.tables
where table_catalog = current_database()
    and table_schema = 'main'
    and table_name not in ('search_indexed', 'search_recent', 'search_spellings')
order by table_name;
