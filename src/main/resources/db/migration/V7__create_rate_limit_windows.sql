-- Request counts per client and minute, shared by all instances (see RateLimiter). Unlogged: the
-- counts are worth nothing after a crash, and skipping the WAL keeps the once-a-second upsert cheap.
create unlogged table rate_limit_window (
    bucket text not null,
    minute bigint not null,
    hits integer not null,
    primary key (bucket, minute)
);
