-- The generation of an account's access tokens: a token names the generation it was issued in and is
-- refused once the account has moved on (its password changed, or it was disabled and enabled again).
alter table users add column token_version integer not null default 0;
