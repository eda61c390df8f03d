// The reference front end: an article page and a section front, built from the Dispatch API with
// fetch() from another origin, as a news site's page would. No framework, no build step.
//   index.html?article=<slug>     the article page
//   index.html?section=<slug>     a section front, paged
//   index.html                    the front page: the latest articles
//   &api=http://localhost:8080    where the API is (this is the default)
const params = new URLSearchParams(location.search);
const api = (params.get("api") ?? "http://localhost:8080").replace(/\/$/, "");
const page = document.getElementById("page");
document.getElementById("api").textContent = api;

class ApiProblem extends Error {}

async function get(path) {
  const response = await fetch(api + path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    throw new ApiProblem(`${body.title ?? response.status}: ${body.detail ?? ""} (request ${body.requestId ?? "?"})`);
  }
  return body;
}

/** An element with attributes and children; text is always set as text, never parsed as HTML. */
function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const link = (href, text) => el("a", { href }, text);
const here = (query) => "?" + new URLSearchParams({ ...query, api }).toString();
const date = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const LABELS = { news: "News", opinion: "Opinion", analysis: "Analysis", feature: "Feature", live: "Live", audio: "Audio", video: "Video", gallery: "Gallery" };

function breadcrumb(section) {
  const items = section.path.flatMap((item, i) => [
    i > 0 ? el("span", { "aria-hidden": "true" }, ">") : null,
    link(here({ section: item.slug }), item.name),
  ]);
  return el("nav", { class: "breadcrumb", "aria-label": "Breadcrumb" }, items);
}

function block(b) {
  switch (b.type) {
    case "paragraph": return el("p", {}, b.text);
    case "heading": return el("h" + (b.level ?? 2), {}, b.text);
    case "quote": return el("blockquote", {}, el("p", {}, b.text), b.attribution ? el("footer", {}, b.attribution) : null);
    case "list": return el(b.style === "numbered" ? "ol" : "ul", {}, b.items.map((item) => el("li", {}, item)));
    case "image": return figure(b.image);
    case "embed": return el("p", { class: "embed" }, link(b.url, b.title ?? b.provider ?? b.url));
    case "related": return el("aside", { class: "related" }, el("b", {}, "RELATED:"), link(here({ article: b.slug }), b.headline));
    case "audio": return el("audio", { controls: "", src: b.url, preload: "none" });
    default: return null; // a block type this page does not know yet is left out
  }
}

function figure(image) {
  const caption = [image.caption, image.credit].filter(Boolean).join(" | ");
  return el("figure", {},
    el("img", { src: image.url, alt: image.alt ?? "", width: image.width, height: image.height, loading: "lazy" }),
    caption ? el("figcaption", {}, caption) : null);
}

function share(card) {
  const url = encodeURIComponent(card.url);
  const text = encodeURIComponent(card.title);
  return el("div", { class: "share", "aria-label": "Share" },
    link(`https://www.facebook.com/sharer/sharer.php?u=${url}`, "facebook"),
    link(`https://twitter.com/intent/tweet?url=${url}&text=${text}`, "twitter"),
    link(`https://www.linkedin.com/sharing/share-offsite/?url=${url}`, "linkedin"),
    link(`mailto:?subject=${text}&body=${url}`, "email"));
}

/** What social networks and search engines read: Open Graph tags and the JSON-LD, from the card. */
function head(card) {
  const meta = (property, content) => content && document.head.append(el("meta", { property, content }));
  meta("og:title", card.title);
  meta("og:description", card.description);
  meta("og:url", card.url);
  meta("og:type", card.type);
  meta("og:site_name", card.siteName);
  meta("og:locale", card.locale);
  meta("og:image", card.image?.url);
  meta("article:published_time", card.publishedTime);
  meta("article:section", card.section);
  card.authors.forEach((author) => meta("article:author", author.url));
  document.head.append(el("meta", { name: "twitter:card", content: card.twitterCard }));
  document.head.append(el("script", { type: "application/ld+json" }, JSON.stringify(card.jsonLd)));
}

function comments(list) {
  const heading = el("h2", {}, "Comments ", el("span", { class: "count" }, String(list.count)));
  const items = list.items.length === 0
    ? [el("p", {}, list.open ? "No comments yet. Be the first." : "Comments are closed.")]
    : list.items.map((c) => {
      const body = el("div", { class: "body" });
      body.innerHTML = c.body; // the API's safe HTML: text escaped, only http(s) links
      return el("article", { class: "comment" }, el("strong", {}, c.authorName), " ", el("time", { datetime: c.createdAt }, date(c.createdAt)), body);
    });
  return el("section", { class: "comments", id: "comments" }, heading, items);
}

async function articlePage(slug) {
  const [article, card, thread] = await Promise.all([
    get(`/api/v1/articles/${encodeURIComponent(slug)}`),
    get(`/api/v1/articles/${encodeURIComponent(slug)}/card`),
    get(`/api/v1/articles/${encodeURIComponent(slug)}/comments?limit=20`),
  ]);
  document.title = `${article.headline} | ${card.siteName}`;
  document.documentElement.lang = article.language;
  head(card);
  const byline = article.authors.map((a) => a.name).join(", ");
  const updated = article.updatedAt > article.publishedAt && date(article.updatedAt) !== date(article.publishedAt);
  page.replaceChildren(el("article", { class: "story" },
    breadcrumb(article.section),
    el("h1", {}, article.headline),
    el("div", { class: "meta" },
      el("span", { class: "label" }, LABELS[article.type] ?? article.type),
      el("time", { datetime: article.publishedAt }, "Published " + date(article.publishedAt)),
      updated ? el("span", {}, "Updated " + date(article.updatedAt)) : null,
      byline ? el("span", { class: "byline" }, "By " + byline) : null,
      el("a", { href: "#comments", class: "comment-count" }, `Comment ${article.commentCount}`)),
    share(card),
    article.heroImage ? figure(article.heroImage) : null,
    article.standfirst ? el("p", { class: "standfirst" }, article.standfirst) : null,
    el("div", { class: "body" }, (article.body ?? []).map(block)),
    article.corrections.map((c) => el("p", { class: "correction" }, `${c.kind}: ${c.text}`)),
    article.related.length ? el("section", { class: "more" }, el("h2", {}, "Related"), article.related.map(teaser)) : null,
    comments(thread)));
}

function teaser(item) {
  return el("article", { class: "teaser" },
    el("span", { class: "label" }, LABELS[item.type] ?? item.type),
    el("h2", {}, link(here({ article: item.slug }), item.headline)),
    item.standfirst ? el("p", {}, item.standfirst) : null,
    el("time", { datetime: item.publishedAt }, date(item.publishedAt)));
}

async function front(sectionSlug, cursor) {
  const section = sectionSlug ? await get(`/api/v1/sections/${encodeURIComponent(sectionSlug)}`) : null;
  const query = new URLSearchParams({ limit: "10" });
  if (sectionSlug) query.set("section", sectionSlug);
  if (cursor) query.set("cursor", cursor);
  const list = await get(`/api/v1/articles?${query}`);
  document.title = `${section ? section.name : "Latest"} | Dispatch`;
  const next = list.next
    ? el("button", { type: "button", class: "next" }, "Next page")
    : el("p", {}, "That is all.");
  if (list.next) next.addEventListener("click", () => front(sectionSlug, list.next).catch(fail));
  page.replaceChildren(el("section", { class: "front" },
    section ? breadcrumb(section) : null,
    el("h1", {}, section ? section.name : "Latest"),
    section && section.children.length ? el("nav", { class: "children" }, section.children.map((c) => link(here({ section: c.slug }), c.name + " "))) : null,
    el("div", { class: "teasers" }, list.items.map(teaser)),
    el("div", { class: "pager" }, next)));
  window.scrollTo(0, 0);
}

async function navigation() {
  const tree = await get("/api/v1/sections");
  document.getElementById("sections").replaceChildren(...tree.items.map((s) => link(here({ section: s.slug }), s.name)));
}

function fail(error) {
  page.replaceChildren(el("p", { class: "status error", role: "alert" }, error instanceof ApiProblem ? error.message : `The API could not be reached: ${error.message}`));
}

navigation().catch(fail);
(params.has("article") ? articlePage(params.get("article")) : front(params.get("section"), null))
  .then(() => document.body.setAttribute("data-ready", "true"))
  .catch(fail);
