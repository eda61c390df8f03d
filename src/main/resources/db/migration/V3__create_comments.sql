-- Reader comments: threaded, moderated, counted without counting rows per request.

create table comments (
    id           uuid primary key,
    article_id   uuid not null references articles (id) on delete cascade,
    parent_id    uuid references comments (id),
    depth        integer not null default 1 check (depth between 1 and 3),
    author_name  text not null check (length(author_name) between 1 and 80),
    author_email text check (length(author_email) <= 254),
    body         text not null check (length(body) between 1 and 5000),
    status       text not null check (status in ('pending', 'approved', 'rejected', 'spam')),
    spam_reason  text,
    client_hash  text not null,
    user_id      uuid references users (id),
    reply_count  integer not null default 0,
    created_at   timestamptz not null default now(),
    moderated_at timestamptz,
    moderated_by uuid references users (id),
    deleted_at   timestamptz
);
-- public lists: approved comments of an article (top level or replies), in time order
create index comments_public_idx on comments (article_id, parent_id, created_at, id) where status = 'approved' and deleted_at is null;
-- moderation queue by status
create index comments_moderation_idx on comments (status, created_at, id) where deleted_at is null;
create index comments_article_idx on comments (article_id, created_at);
-- rate limit: submissions per client in a window
create index comments_client_idx on comments (client_hash, created_at);

-- Per-article comment settings; no row means open and pre-moderated.
create table comment_settings (
    article_id uuid primary key references articles (id) on delete cascade,
    closed_at  timestamptz,
    moderation text not null default 'pre' check (moderation in ('pre', 'post')),
    updated_at timestamptz not null default now(),
    updated_by uuid references users (id)
);
