-- The statements of GET /api/v1/articles?fields=id&limit=20&cursor=<page 1000> as the app binds them: keyset
-- after the cursor's (published_at, id), no OFFSET; then the tags and authors of the page's 20 articles.
-- run.sh passes :cursor_at, :cursor_id and :deep_ids.
select a.id, a.slug, a.type, a.headline, a.social_headline, a.standfirst, a.language, a.section_id, a.published_at, a.updated_at, a.word_count, a.comment_count, i.url, i.caption, i.credit, i.alt_text, i.width, i.height, a.audio::text, null, null from articles a left join images i on i.id = a.hero_image_id where a.status in ('published', 'scheduled') and a.published_at <= now() and (a.expire_at is null or a.expire_at > now()) and (a.published_at, a.id) < (:cursor_at, :cursor_id) order by a.published_at desc, a.id desc limit 21;
select at.article_id, t.slug, t.name from article_tags at join tags t on t.id = at.tag_id where at.article_id = any(:deep_ids) order by at.article_id, at.position;
select aa.article_id, au.slug, au.name from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = any(:deep_ids) order by aa.article_id, aa.position;
