-- The query translator orders ascending with nulls first and descending with nulls last (the in-memory
-- evaluator's order), the id tie-breaker always ascending with nulls first. The indexes of V1 were declared with
-- PostgreSQL's default (ascending, nulls last), which matches neither direction: every ordering but the default
-- one sorted all matching rows. Declared nulls first, an ascending ordering is read straight from its index and a
-- descending one backwards from it (an incremental sort then orders only rows of equal value by id); the default
-- ordering's index now ends exactly as the query does (docs/postgres.md, plans).
drop index documents_by_created_at;
create index documents_by_created_at on documents (entity_id, kind, deleted,
    ((fields->>'created_at')::numeric) desc nulls last, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_id;
create index documents_by_id on documents (entity_id, kind, deleted, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_number;
create index documents_by_number on documents (entity_id, kind, deleted,
    ((fields->>'number') collate "C") asc nulls first, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_date;
create index documents_by_date on documents (entity_id, kind, deleted, ((fields->>'date')::numeric) asc nulls first,
    ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_updated_at;
create index documents_by_updated_at on documents (entity_id, kind, deleted,
    ((fields->>'updated_at')::numeric) asc nulls first, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_total;
create index documents_by_total on documents (entity_id, kind, deleted, ((fields->>'total')::numeric) asc nulls first,
    ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_total_with_tax;
create index documents_by_total_with_tax on documents (entity_id, kind, deleted,
    ((fields->>'total_with_tax')::numeric) asc nulls first, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_date_due;
create index documents_by_date_due on documents (entity_id, kind, deleted,
    ((fields->>'date_due')::numeric) asc nulls first, ((fields->>'id') collate "C") asc nulls first);
drop index documents_by_customer_name;
create index documents_by_customer_name on documents (entity_id, kind, deleted,
    ((fields->>'customer.name') collate "C") asc nulls first, ((fields->>'id') collate "C") asc nulls first);
