-- The event log. {schema} is replaced by the configured schema name (a validated identifier).

create table {schema}.streams (
    id        text primary key,
    type      text not null,
    -- the number of events in the stream; 0 only inside the transaction that creates it
    version   bigint not null default 0,
    created   timestamptz not null default now(),
    archived  boolean not null default false
);

create table {schema}.events (
    -- handed out by a sequence before commit, so position order is NOT commit order (see tx_id)
    position        bigint generated always as identity primary key,
    -- no foreign key to streams: events are written only by append_events, which creates and locks the stream row in
    -- the same transaction; a per-row RI trigger (and its FOR KEY SHARE lock) cost a third of the append throughput
    stream_id       text not null,
    stream_version  bigint not null,
    event_id        uuid not null,
    type            text not null,
    schema_version  int not null,
    data            jsonb not null,
    metadata        jsonb not null,
    timestamp       timestamptz not null default now(),
    -- the writing transaction: readers deliver only events of transactions below the visibility horizon,
    -- in (tx_id, position) order, so an event that commits late is never skipped
    tx_id           xid8 not null default pg_current_xact_id(),
    constraint events_stream_version_key unique (stream_id, stream_version),
    constraint events_event_id_key unique (event_id)
);

create index events_delivery_order on {schema}.events (tx_id, position);
create index events_type on {schema}.events (type, position);

-- One row per projection or subscription: how far it has applied the log, in delivery order.
create table {schema}.progress (
    name      text primary key,
    tx_id     xid8 not null default '0',
    position  bigint not null default 0,
    version   int not null default 1,
    updated   timestamptz not null default now()
);

-- Events a projection could not apply after retries; recorded, never silently dropped.
create table {schema}.dead_letters (
    id          bigint generated always as identity primary key,
    projection  text not null,
    position    bigint not null,
    event_id    uuid not null,
    event_type  text not null,
    error       text not null,
    occurred    timestamptz not null default now()
);

-- Appends a batch to one stream atomically, in one round trip.
-- p_expected: > 0 the exact current version; 0 the stream must not exist; -1 any; -2 the stream must exist.
create function {schema}.append_events(
    p_stream_id text, p_stream_type text, p_expected bigint,
    p_event_ids uuid[], p_types text[], p_schema_versions int[], p_data jsonb[], p_metadata jsonb[])
returns table (out_position bigint, out_stream_version bigint, out_tx_id xid8, out_timestamp timestamptz, out_duplicate boolean, out_event_id uuid)
language plpgsql as $$
declare
    current_version bigint;
    is_archived boolean;
    batch_size int := coalesce(array_length(p_event_ids, 1), 0);
    already_stored int;
    stream_is_new boolean;
begin
    -- The stream row is the per-stream lock: concurrent writers to one stream queue here. A new stream (the usual
    -- case: one article, one batch) is created and locked in one statement; an existing one is locked FOR UPDATE.
    -- The new row is written with its final version at once: no second write to it below.
    insert into {schema}.streams (id, type, version) values (p_stream_id, p_stream_type, batch_size)
        on conflict (id) do nothing
        returning 0::bigint, false into current_version, is_archived;
    stream_is_new := found;
    if not stream_is_new then
        select s.version, s.archived into current_version, is_archived
          from {schema}.streams s where s.id = p_stream_id for update;
    end if;

    -- A retried append (same event ids) writes nothing and returns the original positions. Only an existing stream
    -- can hold them: a stream this call just created cannot.
    if current_version > 0 then
        select count(*) into already_stored from {schema}.events e where e.event_id = any (p_event_ids);
    else
        already_stored := 0;
    end if;
    if already_stored > 0 then
        if already_stored = batch_size and not exists (
            select 1 from {schema}.events e where e.event_id = any (p_event_ids) and e.stream_id <> p_stream_id) then
            return query
                select e.position, e.stream_version, e.tx_id, e.timestamp, true, e.event_id
                  from {schema}.events e where e.event_id = any (p_event_ids) order by e.position;
            return;
        end if;
        raise exception using errcode = 'CL002',
            message = format('%s of the %s event ids are already stored, not all in stream %s: a batch is idempotent only as a whole',
                             already_stored, batch_size, p_stream_id);
    end if;

    if is_archived then
        raise exception using errcode = 'CL003', message = format('stream %s is archived', p_stream_id);
    end if;

    if (p_expected = 0 and current_version <> 0)
       or (p_expected = -2 and current_version = 0)
       or (p_expected > 0 and current_version <> p_expected) then
        raise exception using errcode = 'CL001',
            message = format('stream %s: expected version %s, actual %s', p_stream_id, p_expected, current_version),
            detail = current_version::text;
    end if;

    return query
        insert into {schema}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
        select p_stream_id, current_version + b.ord, b.event_id, b.type, b.schema_version, b.data, b.metadata
          from unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
               with ordinality as b (event_id, type, schema_version, data, metadata, ord)
        returning position, stream_version, tx_id, timestamp, false, event_id;

    if not stream_is_new then
        update {schema}.streams set version = current_version + batch_size where id = p_stream_id;
    end if;

    -- Delivered at commit; identical payloads in one transaction collapse into one notification.
    perform pg_notify('{schema}_events', '');
end
$$;
