-- Bulk export jobs across nodes (eu.invoicing.postgres.jobs.PostgresExportJobs, docs/postgres.md).

-- One row per job: what to export (entity and request as JSON, so that any node can run it) and its progress,
-- readable from every node. attempt counts the runs: a node writes progress and the outcome only while its run
-- is the latest, so a node presumed dead that wakes up again changes nothing.
create table export_jobs (
    id                text        not null primary key,
    entity_id         text        not null,
    kind              text        not null,
    status            text        not null,
    progress          integer     not null,
    total_docs        integer     not null,
    file_name         text        not null,
    file_url          text,
    error             text,
    exported          integer     not null default 0,
    skipped_documents jsonb       not null default '[]',
    entity            json        not null,
    request           jsonb       not null,
    attempt           integer     not null default 0,
    run_by            text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index export_jobs_by_entity on export_jobs (entity_id, created_at);

-- db-scheduler's table (its PostgreSQL DDL, unchanged): the queue every node polls.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
