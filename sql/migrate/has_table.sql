-- Whether the warehouse has a table. Parameter: $name.
select count(*) > 0
from information_schema.tables
where table_schema = 'main'
    and table_name = $name;
