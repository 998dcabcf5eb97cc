-- The columns of one table or view, in order, with their DuckDB types.
select
    column_name as name,
    data_type as type
from information_schema.columns
where table_catalog = current_database()
    and table_schema = 'main'
    and table_name = $name
order by ordinal_position;
