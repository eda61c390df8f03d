-- Editorial API: accounts, partner keys, scheduling and embargoes, corrections, collections,
-- revisions and the audit log.

create table users (
    id            uuid primary key,
    username      text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password_hash text not null,
    display_name  text not null check (length(display_name) between 1 and 200),
    author_id     uuid references authors (id),
    roles         text[] not null check (roles <@ array['admin', 'editor', 'writer', 'moderator']::text[]),
    disabled      boolean not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0
);
create unique index users_username_idx on users (username);

-- Partner keys: only a SHA-256 of the secret is kept; the prefix finds the row.
create table api_keys (
    id           uuid primary key,
    name         text not null check (length(name) between 1 and 200),
    prefix       text not null unique,
    secret_hash  text not null,
    sections     text[] not null default '{}',
    tags         text[] not null default '{}',
    full_text    boolean not null default false,
    tier         text not null default 'standard' check (tier in ('standard', 'premium', 'unlimited')),
    created_by   uuid references users (id),
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

alter table articles
    add column created_by uuid references users (id),
    add column expire_at  timestamptz,
    add column deleted_at timestamptz,
    add check (expire_at is null or published_at is null or expire_at > published_at);

-- Readers see published articles and scheduled ones whose time has come (no job needed for that),
-- until their embargo ends. The list indexes cover exactly that set.
drop index articles_published_idx;
drop index articles_section_published_idx;
drop index articles_type_published_idx;
create index articles_live_idx on articles (published_at desc, id desc) where status in ('published', 'scheduled');
create index articles_section_live_idx on articles (section_id, published_at desc, id desc) where status in ('published', 'scheduled');
create index articles_type_live_idx on articles (type, published_at desc, id desc) where status in ('published', 'scheduled');
create index articles_updated_idx on articles (updated_at desc, id desc) where deleted_at is null;
create index articles_created_by_idx on articles (created_by, updated_at desc);
create index articles_scheduled_idx on articles (published_at) where status = 'scheduled';

create table article_corrections (
    id         uuid primary key,
    article_id uuid not null references articles (id) on delete cascade,
    kind       text not null check (kind in ('correction', 'update', 'clarification')),
    text       text not null check (length(text) between 1 and 2000),
    created_at timestamptz not null default now(),
    created_by uuid references users (id)
);
create index article_corrections_article_idx on article_corrections (article_id, created_at);

create table collections (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(name) between 1 and 200),
    description text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);

create table collection_items (
    collection_id uuid not null references collections (id) on delete cascade,
    article_id    uuid not null references articles (id) on delete cascade,
    position      integer not null,
    primary key (collection_id, position),
    unique (collection_id, article_id) deferrable initially deferred
);
create index collection_items_article_idx on collection_items (article_id);

-- Every save of an article: who, when, what (the editorial representation at that moment).
create table article_revisions (
    article_id uuid not null references articles (id) on delete cascade,
    number     integer not null,
    action     text not null,
    created_at timestamptz not null default now(),
    created_by uuid references users (id),
    snapshot   jsonb not null,
    primary key (article_id, number)
);

create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    details     jsonb not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, at desc);
