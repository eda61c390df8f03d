// Loads the reference page in Debian's Chromium (driven by playwright-core) from an origin of its own,
// against a running API, and checks what a reader sees: the article page of the sample article and a
// section front with paging. Screenshots go to the folder given.
//   node test/browser.mjs <api base URL> <screenshot folder>
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../static-server.mjs";

const [api = "http://localhost:8080", shots = "target/screenshots"] = process.argv.slice(2);
const SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

// the page's own origin: a static file server on another port than the API
const { server: site, origin } = await startStaticServer();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic"],
});
const passed = [];
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, locale: "en-GB" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  // the demo photos live on a host this machine cannot reach (the media library is another issue):
  // a grey picture of the right size stands in for them; every other request goes where it would
  await page.route("https://media.dispatch.example/**", (route) => route.fulfill({
    contentType: "image/svg+xml",
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="100%" height="100%" fill="#c9ccd1"/>'
      + '<text x="50%" y="50%" font-family="sans-serif" font-size="48" text-anchor="middle" fill="#555">photo</text></svg>',
  }));

  await page.goto(`${origin}/index.html?article=${SAMPLE}&api=${encodeURIComponent(api)}`);
  await page.waitForSelector("body[data-ready]", { timeout: 15000 });
  const text = async (selector) => (await page.locator(selector).first().textContent())?.trim();
  assert.equal(await text(".breadcrumb"), "News>Russia");
  assert.equal(await page.locator(".breadcrumb a").allTextContents().then((names) => names.join(" > ")), "News > Russia");
  assert.equal(await text("h1"), "Russian Military Delegation Arrives in Libya Invited by Haftar");
  assert.equal(await text(".meta .label"), "Opinion");
  assert.equal(await text(".meta time"), "Published 22 August 2023");
  assert.match(await text("figure figcaption"), /arrives in Benghazi, Libya, Aug\. 22, 2023\. \| Photo: X\/ @LibyaReview$/);
  assert.equal(await page.locator("figure img").first().evaluate((img) => img.complete && img.naturalWidth > 0), true);
  assert.match(await text(".standfirst"), /^"Discussions are planned/);
  assert.ok(await page.locator(".body p").count() > 5, "the body's paragraphs");
  assert.equal(await text("aside.related a"), "55 Killed During Clashes in Libyan Capital");
  assert.equal(await text(".meta .comment-count"), `Comment ${await text("#comments .count")}`);
  assert.deepEqual(await page.locator(".share a").allTextContents(), ["facebook", "twitter", "linkedin", "email"]);
  assert.match(await page.locator(".share a").first().getAttribute("href"), /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http/);
  assert.equal(await page.locator('meta[property="og:title"]').getAttribute("content"), "Russian military delegation in Libya at Haftar's invitation");
  const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(jsonLd["@type"], "NewsArticle");
  passed.push("article page");
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "article.png"), fullPage: true });

  // the inline related link leads to the related article's page
  await page.locator("aside.related a").click();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await text("h1"), "55 Killed During Clashes in Libyan Capital");
  passed.push("related link");

  await page.goto(`${origin}/index.html?section=news&api=${encodeURIComponent(api)}`);
  await page.waitForSelector("body[data-ready]");
  assert.equal(await text("h1"), "News");
  const firstPage = await page.locator(".teaser h2").allTextContents();
  assert.equal(firstPage.length, 10);
  await page.screenshot({ path: join(shots, "section.png"), fullPage: false });
  await page.locator("button.next").click();
  await page.waitForFunction((before) => document.querySelector(".teaser h2")?.textContent !== before, firstPage[0]);
  const secondPage = await page.locator(".teaser h2").allTextContents();
  assert.ok(secondPage.length > 0 && secondPage.every((headline) => !firstPage.includes(headline)), "the next page holds other articles");
  passed.push("section front with paging");

  assert.deepEqual(problems, [], "no errors in the page's console (a CORS refusal would be one)");
  passed.push("no console errors");
  console.log(JSON.stringify({ passed, origin, screenshots: shots }));
} finally {
  await browser.close();
  site.close();
}
