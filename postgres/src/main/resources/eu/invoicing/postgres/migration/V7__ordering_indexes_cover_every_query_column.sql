-- Every query column in every ordering index (docs/postgres.md, Query plans). V6 covered the common range
-- filters (dates, amounts, creation time) in each ordering's index; V7 adds the rest (number, update time,
-- customer name), so that each index holds every column a page can be filtered or ordered on. That serves the
-- two ways the store now chooses a filtered and sorted page, both without reading a row: a walk of the
-- ordering's index that tests the filter on its entries and stops after a bounded number of them, and, when
-- the filter matches too few of those, a range scan of the filter field's index that reads each matching
-- entry's ordering columns for a top-N sort. Same keys and directions as V6; each index is rebuilt once
-- (minutes for millions of rows; docs/postgres.md, Backup and upgrade).
drop index documents_by_created_at;
create index documents_by_created_at on documents (entity_id, kind, deleted, q_created_at desc nulls last, q_id asc nulls first)
    include (q_number, q_date, q_updated_at, q_total, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_id;
create index documents_by_id on documents (entity_id, kind, deleted, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_updated_at, q_total, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_number;
create index documents_by_number on documents (entity_id, kind, deleted, q_number asc nulls first, q_id asc nulls first)
    include (q_created_at, q_date, q_updated_at, q_total, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_date;
create index documents_by_date on documents (entity_id, kind, deleted, q_date asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_updated_at, q_total, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_updated_at;
create index documents_by_updated_at on documents (entity_id, kind, deleted, q_updated_at asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_total, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_total;
create index documents_by_total on documents (entity_id, kind, deleted, q_total asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_updated_at, q_total_with_tax, q_date_due, q_customer_name);
drop index documents_by_total_with_tax;
create index documents_by_total_with_tax on documents (entity_id, kind, deleted, q_total_with_tax asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_updated_at, q_total, q_date_due, q_customer_name);
drop index documents_by_date_due;
create index documents_by_date_due on documents (entity_id, kind, deleted, q_date_due asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_updated_at, q_total, q_total_with_tax, q_customer_name);
drop index documents_by_customer_name;
create index documents_by_customer_name on documents (entity_id, kind, deleted, q_customer_name asc nulls first, q_id asc nulls first)
    include (q_created_at, q_number, q_date, q_updated_at, q_total, q_total_with_tax, q_date_due);
