-- One log of everything partners may follow: the changes API reads it, webhooks are fanned out
-- from it. seq is assigned under a transaction-level advisory lock, so seq order is commit order
-- and a reader that has seen seq n can never later find a committed event below n.
create table events (
    seq         bigint primary key,
    type        text not null,
    entity_type text not null check (entity_type in ('article', 'section', 'tag', 'author', 'comment')),
    entity_id   uuid not null,
    slug        text,
    occurred_at timestamptz not null default now(),
    payload     jsonb not null default '{}'::jsonb
);
create index events_entity_idx on events (entity_type, entity_id, seq desc);

create table webhooks (
    id         uuid primary key,
    url        text not null check (url ~ '^https?://'),
    events     text[] not null check (cardinality(events) > 0),
    secret     text not null check (length(secret) >= 16),
    created_at timestamptz not null default now(),
    created_by uuid references users (id)
);

-- The transactional outbox: a delivery per subscribed webhook, written with its event.
create table webhook_deliveries (
    id              bigint generated always as identity primary key,
    webhook_id      uuid not null references webhooks (id) on delete cascade,
    event_seq       bigint not null references events (seq),
    ordering_key    text not null,
    status          text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    unique (webhook_id, event_seq)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_order_idx on webhook_deliveries (webhook_id, ordering_key, event_seq) where status = 'pending';
create index webhook_deliveries_log_idx on webhook_deliveries (webhook_id, id desc);
