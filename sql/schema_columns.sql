-- The columns of the warehouse's tables, in order (etl/load/schema.py derives the staged
-- tables' Arrow schemas from them).
select table_name, column_name, data_type
from information_schema.columns
where table_schema = 'main'
order by table_name, ordinal_position;
