-- A date range ordered by number (docs/postgres.md, Query plans): the store reads such a page by a loose index
-- scan of this index, for each day of the range at most limit + 1 entries in number order, merged, instead of
-- every entry of the range from documents_by_date and a top-N sort of them. Number and id in the directions the
-- ordering reads them (nulls first ascending; a descending number is the backward scan). It covers every other
-- query column, so that the other tests of the filter are answered from its entries without reading a row.
-- One more index every document write updates (docs/postgres.md gives its cost); built once, minutes for
-- millions of rows (docs/postgres.md, Backup and upgrade).
create index documents_by_date_number on documents (entity_id, kind, deleted, q_date asc nulls first,
    q_number asc nulls first, q_id asc nulls first)
    include (q_created_at, q_updated_at, q_total, q_total_with_tax, q_date_due, q_customer_name);
