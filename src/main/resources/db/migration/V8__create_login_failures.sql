-- Failed logins per account ("user:<name>") and per client address ("addr:<ip>"), shared by all
-- instances so that guessing cannot continue by moving to another one (see LoginThrottle).
create table login_failure (
    key text not null,
    failed_at timestamptz not null default now()
);
create index login_failure_key_time on login_failure (key, failed_at);
create index login_failure_time on login_failure (failed_at);
