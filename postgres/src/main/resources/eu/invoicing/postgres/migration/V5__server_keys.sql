-- The HTTP server's own state (the server module with a PostgreSQL backend, eu.invoicing.postgres.PostgresServerState):
-- the entities it serves and its API keys, so that both survive a restart (docs/server.md).

-- One row per entity: the entity as the library's JSON wire format. position keeps the order entities were first
-- added (the first is the default of a request without entity_id); replacing an entity keeps its position.
create table server_entities (
    entity_id  text        primary key,
    position   bigint      generated always as identity unique,
    body       json        not null,
    updated_at timestamptz not null
);

-- One row per API key: never the secret, only its SHA-256 (hex); the entities it may act on, the default first.
-- A revoked key keeps its row (revoked_at set), so that it stays revoked and keeps its place in listings.
create table server_api_keys (
    key_hash   text        primary key,
    key_id     text        not null unique,
    position   bigint      generated always as identity unique,
    entity_ids text[]      not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);
