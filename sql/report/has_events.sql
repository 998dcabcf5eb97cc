-- Whether the warehouse has an events table (added by event extraction).
select count(*) > 0
from information_schema.tables
where table_catalog = current_database()
    and table_schema = 'main'
    and table_name = 'events';
