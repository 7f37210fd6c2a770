-- The sortable scalar fields as real columns, so that a list page can be chosen by an index-only scan
-- (docs/postgres.md, Query plans). PostgreSQL reads an expression index only for rows it fetches from the table
-- (its planner does not see that a query needs fields->>'total' and not all of fields), so a filter on one field
-- ordered by another fetched every row the ordering's index walked past, and the total count fetched every
-- matching row. Stored generated columns hold exactly the expressions the V1/V4 indexes were on (same types,
-- nulls, collation "C" for text); the database computes them on every insert and update, so the library's
-- statements that write documents are unchanged. Adding them rewrites the table once (minutes for millions of
-- rows; docs/postgres.md, Backup and upgrade).
alter table documents
    add column q_created_at     numeric generated always as (((fields->>'created_at')::numeric)) stored,
    add column q_id             text collate "C" generated always as ((fields->>'id')) stored,
    add column q_number         text collate "C" generated always as ((fields->>'number')) stored,
    add column q_date           numeric generated always as (((fields->>'date')::numeric)) stored,
    add column q_updated_at     numeric generated always as (((fields->>'updated_at')::numeric)) stored,
    add column q_total          numeric generated always as (((fields->>'total')::numeric)) stored,
    add column q_total_with_tax numeric generated always as (((fields->>'total_with_tax')::numeric)) stored,
    add column q_date_due       numeric generated always as (((fields->>'date_due')::numeric)) stored,
    add column q_customer_name  text collate "C" generated always as ((fields->>'customer.name')) stored;

-- The ordering indexes again, on the columns, in the same directions as V4, each covering the common range
-- filters (dates, amounts, creation time): a filtered and sorted page walks its ordering's index without
-- touching the table, and only the page's rows (at most limit + 1) are then read for their bodies.
drop index documents_by_created_at;
create index documents_by_created_at on documents (entity_id, kind, deleted, q_created_at desc nulls last,
    q_id asc nulls first) include (q_date, q_total, q_total_with_tax, q_date_due);
drop index documents_by_id;
create index documents_by_id on documents (entity_id, kind, deleted, q_id asc nulls first)
    include (q_created_at, q_date, q_total, q_total_with_tax, q_date_due);
drop index documents_by_number;
create index documents_by_number on documents (entity_id, kind, deleted, q_number asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total, q_total_with_tax, q_date_due);
drop index documents_by_date;
create index documents_by_date on documents (entity_id, kind, deleted, q_date asc nulls first,
    q_id asc nulls first) include (q_created_at, q_total, q_total_with_tax, q_date_due);
drop index documents_by_updated_at;
create index documents_by_updated_at on documents (entity_id, kind, deleted, q_updated_at asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total, q_total_with_tax, q_date_due);
drop index documents_by_total;
create index documents_by_total on documents (entity_id, kind, deleted, q_total asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total_with_tax, q_date_due);
drop index documents_by_total_with_tax;
create index documents_by_total_with_tax on documents (entity_id, kind, deleted, q_total_with_tax asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total, q_date_due);
drop index documents_by_date_due;
create index documents_by_date_due on documents (entity_id, kind, deleted, q_date_due asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total, q_total_with_tax);
drop index documents_by_customer_name;
create index documents_by_customer_name on documents (entity_id, kind, deleted, q_customer_name asc nulls first,
    q_id asc nulls first) include (q_created_at, q_date, q_total, q_total_with_tax, q_date_due);

-- Entity, kind and trash are not independent (an entity holds mostly one kind, few documents are trashed): with
-- their joint statistics the planner estimates the rows of one entity's list instead of multiplying guesses.
create statistics documents_scope (dependencies, mcv) on entity_id, kind, deleted from documents;
