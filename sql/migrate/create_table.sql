-- The migrations a warehouse has, created before any other statement when it is opened for
-- writing (see etl/load/migrations.py).
create table if not exists schema_migrations (
    version integer primary key,
    name varchar not null,
    applied_at timestamp not null
);
