-- A draft's slug claims nothing until the draft is published: slugs are unique among the articles
-- readers can see or once saw (every status but draft), so that a writer cannot learn from a refused
-- slug which slugs other writers' drafts hold. Publication checks that the slug is free (see
-- ArticleEditorService.slugTaken).
alter table articles drop constraint articles_slug_key;
create unique index articles_slug_claimed on articles (slug) where status <> 'draft';
create index articles_slug on articles (slug);
