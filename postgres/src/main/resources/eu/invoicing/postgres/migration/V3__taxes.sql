-- The stored taxes per entity (eu.invoicing.postgres.PostgresTaxStore); seq keeps the order of first save.
create table taxes (
    entity_id      text          not null,
    id             text          not null,
    seq            bigint        generated always as identity,
    name           text          not null,
    rate           numeric       not null check (rate >= 0 and rate <= 100),
    category       text          not null,
    reverse_charge boolean       not null,
    primary key (entity_id, id)
);
create index taxes_order on taxes (entity_id, seq);
