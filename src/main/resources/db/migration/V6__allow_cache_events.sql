-- cache.purge events (the surrogate keys a change invalidates) travel through the same outbox.
alter table events drop constraint events_entity_type_check;
alter table events add constraint events_entity_type_check
    check (entity_type in ('article', 'section', 'tag', 'author', 'comment', 'cache'));
