-- The content model of Dispatch: sections (a tree), tags, authors, images and articles with their
-- ordered links, explicit related articles and slug history. Every filter and sort column has an index.

-- The text-search configuration for an article's language (BCP 47 tag, primary subtag decides).
-- IMMUTABLE so that it can feed a stored generated column and an expression index.
create function news_ts_config(lang text) returns regconfig
    language sql immutable parallel safe
as $$
    select case split_part(lower(coalesce(lang, 'en')), '-', 1)
        when 'en' then 'english'::regconfig
        when 'es' then 'spanish'::regconfig
        when 'fr' then 'french'::regconfig
        when 'de' then 'german'::regconfig
        when 'it' then 'italian'::regconfig
        when 'pt' then 'portuguese'::regconfig
        when 'nl' then 'dutch'::regconfig
        when 'ru' then 'russian'::regconfig
        else 'simple'::regconfig
    end
$$;

create table sections (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(name) between 1 and 200),
    description text,
    parent_id   uuid references sections (id),
    position    integer not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0,
    check (parent_id is null or parent_id <> id)
);
create index sections_parent_idx on sections (parent_id, position);

create table tags (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(name) between 1 and 200),
    description text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);
-- prefix search on the name (GET /tags?q=)
create index tags_name_prefix_idx on tags (lower(name) text_pattern_ops);

create table authors (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null check (length(name) between 1 and 200),
    bio         text,
    avatar_url  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);
create index authors_name_prefix_idx on authors (lower(name) text_pattern_ops);

create table images (
    id         uuid primary key,
    url        text not null check (url ~ '^https?://'),
    caption    text,
    credit     text,
    alt_text   text,
    width      integer check (width > 0),
    height     integer check (height > 0),
    created_at timestamptz not null default now()
);

create table articles (
    id              uuid primary key,
    slug            text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    type            text not null check (type in ('news', 'opinion', 'analysis', 'feature', 'live', 'audio', 'video', 'gallery')),
    status          text not null check (status in ('draft', 'scheduled', 'published', 'unpublished')),
    headline        text not null check (length(headline) between 1 and 300),
    social_headline text check (length(social_headline) <= 300),
    standfirst      text check (length(standfirst) <= 2000),
    body            jsonb not null default '[]'::jsonb check (jsonb_typeof(body) = 'array'),
    -- plain text of the body blocks, kept by the application for search and word counts
    body_text       text not null default '',
    word_count      integer not null default 0,
    language        text not null default 'en' check (language ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    section_id      uuid not null references sections (id),
    hero_image_id   uuid references images (id),
    comment_count   integer not null default 0,
    published_at    timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    search_vector   tsvector generated always as (
        setweight(to_tsvector(news_ts_config(language), coalesce(headline, '')), 'A') ||
        setweight(to_tsvector(news_ts_config(language), coalesce(standfirst, '')), 'B') ||
        setweight(to_tsvector(news_ts_config(language), coalesce(body_text, '')), 'C')
    ) stored,
    check (status not in ('published', 'scheduled') or published_at is not null)
);
-- Public lists: newest first by keyset (published_at, id), only over what readers can see.
create index articles_published_idx on articles (published_at desc, id desc) where status = 'published';
create index articles_section_published_idx on articles (section_id, published_at desc, id desc) where status = 'published';
create index articles_type_published_idx on articles (type, published_at desc, id desc) where status = 'published';
create index articles_language_idx on articles (language);
create index articles_status_idx on articles (status, updated_at desc);
create index articles_search_idx on articles using gin (search_vector);

create table article_tags (
    article_id uuid not null references articles (id) on delete cascade,
    tag_id     uuid not null references tags (id),
    position   integer not null,
    primary key (article_id, position),
    -- checked at commit, so that reordering (rows updated by position) never trips over itself
    unique (article_id, tag_id) deferrable initially deferred
);
create index article_tags_tag_idx on article_tags (tag_id, article_id);

create table article_authors (
    article_id uuid not null references articles (id) on delete cascade,
    author_id  uuid not null references authors (id),
    position   integer not null,
    primary key (article_id, position),
    unique (article_id, author_id) deferrable initially deferred
);
create index article_authors_author_idx on article_authors (author_id, article_id);

-- Related articles chosen by an editor, in the editor's order.
create table article_related (
    article_id uuid not null references articles (id) on delete cascade,
    related_id uuid not null references articles (id) on delete cascade,
    position   integer not null,
    primary key (article_id, position),
    unique (article_id, related_id) deferrable initially deferred,
    check (article_id <> related_id)
);
create index article_related_related_idx on article_related (related_id);

-- Former slugs of an article; they answer with a redirect to the current one.
create table article_slug_history (
    slug       text primary key,
    article_id uuid not null references articles (id) on delete cascade,
    retired_at timestamptz not null default now()
);
create index article_slug_history_article_idx on article_slug_history (article_id);
