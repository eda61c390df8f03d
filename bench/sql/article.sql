-- The statements of GET /api/v1/articles/{slug} (ArticleReadService.get) for a random published article, as the app
-- binds them. bench_slugs (made by run.sh) holds per article what the app learns from the statements before:
-- ids = the article and its visible related articles (for tags and authors), links = the slugs its body links to.
\set n random(1, :nslugs)
select slug, '{' || id || '}' as article_ids, ids, coalesce(links, '{}') as links, links is not null as linked from bench_slugs where n = :n \gset
select a.id, a.slug, a.type, a.headline, a.social_headline, a.standfirst, a.language, a.section_id, a.published_at, a.updated_at, a.word_count, a.comment_count, i.url, i.caption, i.credit, i.alt_text, i.width, i.height, a.audio::text, a.body::text, null from articles a left join images i on i.id = a.hero_image_id  where a.slug = :slug and a.status in ('published', 'scheduled') and a.published_at <= now() and (a.expire_at is null or a.expire_at > now());
\if :linked
select a.id, a.slug, a.type, a.headline, a.social_headline, a.standfirst, a.language, a.section_id, a.published_at, a.updated_at, a.word_count, a.comment_count, i.url, i.caption, i.credit, i.alt_text, i.width, i.height, a.audio::text, null, null from articles a left join images i on i.id = a.hero_image_id where a.slug = any(:links) and a.status in ('published', 'scheduled') and a.published_at <= now() and (a.expire_at is null or a.expire_at > now());
\endif
select a.id, a.slug, a.type, a.headline, a.social_headline, a.standfirst, a.language, a.section_id, a.published_at, a.updated_at, a.word_count, a.comment_count, i.url, i.caption, i.credit, i.alt_text, i.width, i.height, a.audio::text, null, null, r.article_id from articles a left join images i on i.id = a.hero_image_id join article_related r on r.related_id = a.id where r.article_id = any(:article_ids) and a.status in ('published', 'scheduled') and a.published_at <= now() and (a.expire_at is null or a.expire_at > now()) order by r.article_id, r.position;
select at.article_id, t.slug, t.name from article_tags at join tags t on t.id = at.tag_id where at.article_id = any(:ids) order by at.article_id, at.position;
select aa.article_id, au.slug, au.name from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = any(:ids) order by aa.article_id, aa.position;
select article_id, kind, text, created_at from article_corrections where article_id = any(:article_ids) order by article_id, created_at, id;
