-- Invoicing: the schema of every persistence SPI (docs/postgres.md). Flyway runs this in the configured
-- schema (its search_path), so no name below is schema-qualified.

-- One row per document: the document itself as the library's JSON wire format (body), and the columns the
-- library looks documents up by. revision counts the saves (optimistic concurrency, docs/postgres.md).
create table documents (
    entity_id   text        not null,
    id          text        not null,
    kind        text        not null,
    deleted     boolean     not null,
    created_at  timestamptz,
    -- SHA-256 (hex) of the share token: the index never holds a token itself.
    share_token_hash text,
    revision    bigint      not null,
    -- json, not jsonb: the text as written, so that key order (metadata) and number spelling survive.
    body        json        not null,
    -- Derived from body on every save (eu.invoicing.postgres.DerivedColumns): every queryable field by name,
    -- numbers, dates (epoch day) and instants (epoch nanoseconds) as JSON numbers, text also case-folded under
    -- "~name"; the metadata object (v) and its folded copy (f); the folded texts the free-text search reads.
    fields        jsonb  not null,
    meta          jsonb  not null,
    search_text   text   not null,
    search_values text[] not null,
    primary key (entity_id, id)
);
-- One index per common ordering, on exactly the expressions the query translator orders and filters by, each
-- within (entity, kind, trash) and ending with the id tie-breaker: a first page, a filtered and sorted page and a
-- cursor page are index range scans. The default ordering (-created_at, id) has its own direction.
create index documents_by_created_at on documents (entity_id, kind, deleted,
    ((fields->>'created_at')::numeric) desc nulls last, ((fields->>'id') collate "C"));
create index documents_by_id on documents (entity_id, kind, deleted, ((fields->>'id') collate "C"));
create index documents_by_number on documents (entity_id, kind, deleted, ((fields->>'number') collate "C"),
    ((fields->>'id') collate "C"));
create index documents_by_date on documents (entity_id, kind, deleted, ((fields->>'date')::numeric),
    ((fields->>'id') collate "C"));
create index documents_by_updated_at on documents (entity_id, kind, deleted, ((fields->>'updated_at')::numeric),
    ((fields->>'id') collate "C"));
create index documents_by_total on documents (entity_id, kind, deleted, ((fields->>'total')::numeric),
    ((fields->>'id') collate "C"));
create index documents_by_total_with_tax on documents (entity_id, kind, deleted,
    ((fields->>'total_with_tax')::numeric), ((fields->>'id') collate "C"));
create index documents_by_date_due on documents (entity_id, kind, deleted, ((fields->>'date_due')::numeric),
    ((fields->>'id') collate "C"));
create index documents_by_customer_name on documents (entity_id, kind, deleted,
    ((fields->>'customer.name') collate "C"), ((fields->>'id') collate "C"));
-- The free-text search is a LIKE '%text%' on the folded texts: a trigram index serves it.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may install it; a DBA can install it
-- beforehand in any schema. Its operator class is looked up wherever it is installed.
create extension if not exists pg_trgm schema ${flyway:defaultSchema};
do $$
declare
    ext_schema text;
begin
    select n.nspname into ext_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'pg_trgm';
    execute format('create index documents_search on documents using gin (search_text %I.gin_trgm_ops)', ext_schema);
end
$$;
create unique index documents_share_token on documents (share_token_hash) where share_token_hash is not null;

-- A document's timeline, oldest first (seq).
create table timeline_events (
    entity_id   text        not null,
    document_id text        not null,
    seq         bigint      generated always as identity,
    event_type  text        not null,
    at          timestamptz not null,
    user_id     text,
    user_name   text,
    user_email  text,
    note        text,
    primary key (entity_id, document_id, seq)
);

-- Version snapshots: append-only (the trigger below refuses every update and delete).
create table document_versions (
    entity_id      text        not null,
    document_id    text        not null,
    version        integer     not null check (version >= 1),
    id             text        not null,
    kind           text        not null,
    changed_fields text[]      not null,
    user_id        text,
    user_name      text,
    user_email     text,
    reason         text,
    created_at     timestamptz not null,
    snapshot       json        not null,
    primary key (entity_id, document_id, version)
);

create function refuse_version_change() returns trigger language plpgsql as $$
begin
    raise exception 'document versions are append-only: % refused on %.%', tg_op, tg_table_schema, tg_table_name
        using errcode = 'P0001';
end
$$;
create trigger document_versions_append_only before update or delete on document_versions
    for each row execute function refuse_version_change();
create trigger document_versions_no_truncate before truncate on document_versions
    for each statement execute function refuse_version_change();

-- The last number taken per sequence (entity, series, year); the row is locked from the moment a number is
-- taken until the unit of work that stores the numbered document ends.
create table number_sequences (
    entity_id  text    not null,
    series     text    not null,
    year       integer not null,
    last_value bigint  not null check (last_value >= 1),
    primary key (entity_id, series, year)
);

-- When a document was last exported to an external system.
create table export_marks (
    entity_id   text        not null,
    document_id text        not null,
    system_id   text        not null,
    exported_at timestamptz not null,
    primary key (entity_id, document_id, system_id)
);

-- The customer directory; seq keeps the order of first save, tax_number_key the normalised tax number.
create table customers (
    entity_id      text   not null,
    id             text   not null,
    seq            bigint generated always as identity,
    name           text,
    tax_number_key text,
    body           jsonb  not null,
    primary key (entity_id, id)
);
create index customers_order on customers (entity_id, seq);
create index customers_tax_number on customers (entity_id, tax_number_key);
create index customers_name on customers (entity_id, name);
