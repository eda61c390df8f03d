-- Live coverage: a live article's stream of entries, and a per-article log of what happened to
-- them (created, updated, deleted, closed) whose seq is the SSE event id readers resume from.

alter table articles
    add column audio jsonb check (audio is null or jsonb_typeof(audio) = 'object');

-- A live article's coverage state; no row means the coverage is running.
create table live_coverage (
    article_id uuid primary key references articles (id) on delete cascade,
    closed_at  timestamptz
);

create table live_entries (
    id          uuid primary key,
    article_id  uuid not null references articles (id) on delete cascade,
    title       text check (length(title) <= 300),
    body        jsonb not null check (jsonb_typeof(body) = 'array'),
    author_id   uuid references authors (id),
    created_by  uuid references users (id),
    pinned      boolean not null default false,
    key_event   boolean not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    version     integer not null default 0
);
create index live_entries_article_idx on live_entries (article_id, created_at desc, id desc) where deleted_at is null;
create index live_entries_updated_idx on live_entries (article_id, updated_at);

create table live_events (
    article_id uuid not null references articles (id) on delete cascade,
    seq        bigint not null,
    type       text not null check (type in ('entry', 'delete', 'closed')),
    entry_id   uuid,
    created_at timestamptz not null default now(),
    primary key (article_id, seq)
);
