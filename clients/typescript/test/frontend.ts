/**
 * What a front end does with the API, written against the generated types: an article page (breadcrumb,
 * hero image, blocks by type, related, comments, social card), a section front with paging, a mirror
 * reading changes, a live blog. Compiled with `tsc --strict` (no casts, no non-null assertions), then run
 * against a running API: `node dist/test/frontend.js http://localhost:8080`. Exits non-zero on the first
 * thing that is not as a page needs it.
 */
import assert from "node:assert/strict";
import { type Article, type Block, type Change, DispatchProblem, createDispatch } from "../src/index.js";

const SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";
const baseUrl = process.argv[2] ?? "http://localhost:8080";
const api = createDispatch({ baseUrl });
const checks: string[] = [];

function check(name: string, fn: () => void): void {
  fn();
  checks.push(name);
}

/** One block as the page renders it: each type has its own members, and the compiler knows which. */
function render(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${block.text}</p>`;
    case "heading":
      return `<h${block.level ?? 2}>${block.text}</h${block.level ?? 2}>`;
    case "quote":
      return `<blockquote>${block.text}${block.attribution ? ` — ${block.attribution}` : ""}</blockquote>`;
    case "list":
      return block.items.map((item) => `<li>${item}</li>`).join("");
    case "image":
      return `<img src="${block.image.url}" alt="${block.image.alt ?? ""}">`;
    case "embed":
      return `<a href="${block.url}">${block.title ?? block.url}</a>`;
    case "related":
      return `<aside>Related: <a href="${block.webUrl}">${block.headline}</a></aside>`;
    case "audio":
      return `<audio src="${block.url}" type="${block.mimeType}"></audio>`;
    default: {
      const unknown: never = block;
      throw new Error(`a block type the page does not know: ${JSON.stringify(unknown)}`);
    }
  }
}

function breadcrumb(article: Article): string {
  return article.section.path.map((item) => item.name).join(" > ");
}

function describeChange(change: Change): string {
  if (change.type === "article") {
    return change.data === null ? `${change.event} ${change.id}` : `${change.event} ${change.data.headline}`;
  }
  return change.data === null ? `${change.event} ${change.slug ?? change.id}` : `${change.event} ${change.data.name}`;
}

const article = await api.article(SAMPLE);
check("article page: breadcrumb, headline, type label, date", () => {
  assert.equal(breadcrumb(article), "News > Russia");
  assert.equal(article.headline, "Russian Military Delegation Arrives in Libya Invited by Haftar");
  assert.equal(article.type, "opinion");
  assert.equal(article.publishedAt === null ? null : new Date(article.publishedAt).toISOString(), "2023-08-22T15:30:00.000Z");
  assert.ok(article.standfirst?.startsWith("\"Discussions are planned"));
});
check("article page: hero image with caption and credit", () => {
  const hero = article.heroImage;
  assert.ok(hero !== null, "the sample article has a photo");
  assert.equal(hero.credit, "Photo: X/ @LibyaReview");
  assert.match(hero.caption ?? "", /arrives in Benghazi/);
  assert.equal(hero.width, 1200);
});
check("article page: blocks rendered by type, the inline related link resolved", () => {
  const blocks = article.body ?? [];
  const html = blocks.map(render).join("\n");
  assert.ok(blocks.length > 5);
  const related = blocks.find((block) => block.type === "related");
  assert.ok(related !== undefined && related.type === "related");
  assert.equal(related.headline, "55 Killed During Clashes in Libyan Capital");
  assert.match(html, /<aside>Related: <a href="http[^"]+\/55-killed-during-clashes-in-libyan-capital">/);
  assert.equal(article.related[0]?.slug, "55-killed-during-clashes-in-libyan-capital");
  assert.equal(article.corrections.length, 0);
});

const comments = await api.comments(SAMPLE, { limit: 10 });
check("article page: comment count and comments", () => {
  assert.equal(comments.count, article.commentCount);
  assert.equal(comments.items.length, Math.min(10, comments.count));
  assert.equal(typeof comments.open, "boolean");
});

const card = await api.card(SAMPLE);
check("social card: Open Graph members and JSON-LD", () => {
  assert.equal(card.url, article.links.web);
  assert.equal(card.locale, "en");
  assert.equal(card.jsonLd["@type"], "NewsArticle");
  assert.equal(card.jsonLd.author[0]?.["@type"], "Organization");
  assert.ok(card.jsonLd.publisher.logo.url.startsWith("http"));
  assert.equal(card.image?.width, 1200);
});

const section = await api.section("news");
const first = await api.articles({ section: section.slug, limit: 5 });
check("section front: first page and the next one", () => {
  assert.equal(first.items.length, 5);
  assert.ok(first.next !== null);
  for (const item of first.items) {
    assert.equal(item.section.path[0]?.slug, "news");
    assert.equal(typeof item.headline, "string");
  }
});
const second = first.next === null ? null : await api.articles({ section: "news", limit: 5, cursor: first.next });
check("section front: pages do not overlap", () => {
  assert.ok(second !== null);
  const seen = new Set(first.items.map((item) => item.id));
  assert.ok(second.items.every((item) => !seen.has(item.id)));
});
const filtered = await api.articles({ tag: "libya|egypt,-sport", limit: 3 });
check("lists: tag filter with any-of and none-of", () => {
  assert.ok(filtered.items.length > 0);
  for (const item of filtered.items) {
    assert.ok(item.tags.some((tag) => tag.slug === "libya" || tag.slug === "egypt"));
    assert.ok(item.tags.every((tag) => tag.slug !== "sport"));
  }
});

const changes = await api.changes({ limit: 20 });
check("mirror: changes are typed by what changed", () => {
  assert.ok(changes.items.length > 0);
  const lines = changes.items.map(describeChange);
  assert.ok(lines.every((line) => line.length > 0));
  assert.equal(typeof changes.next, "string");
});

const live = await api.articles({ type: "live", limit: 1 });
const blog = live.items[0];
const entries = blog === undefined ? null : await api.liveEntries(blog.slug, { limit: 5 });
check("live blog: entries page", () => {
  assert.ok(blog !== undefined, "the demo content has live coverage");
  assert.ok(entries !== null);
  assert.equal(typeof entries.closed, "boolean");
  for (const entry of entries.items) {
    assert.equal(typeof entry.bodyHtml, "string");
    entry.body.forEach(render);
  }
});

const feed = await api.latestFeed();
check("feed: JSON Feed items say their language", () => {
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.ok(feed.items.every((item) => item.language.length >= 2));
});

try {
  await api.article("no-such-article-anywhere");
  assert.fail("a missing article is a 404");
} catch (error) {
  check("errors: a missing article is a problem document", () => {
    assert.ok(error instanceof DispatchProblem);
    assert.equal(error.status, 404);
    assert.equal(error.problem?.code, "NOT_FOUND");
  });
}

console.log(JSON.stringify({ passed: checks }));
