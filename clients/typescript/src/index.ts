/**
 * A typed client for the Dispatch content API. The types come from openapi.yaml (openapi-typescript);
 * the calls go through openapi-fetch. Each method answers the response body, typed, or throws a
 * {@link DispatchProblem} carrying the RFC 9457 problem the API answered with.
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";

type Schemas = components["schemas"];
export type Article = Schemas["Article"];
export type ArticleSummary = Schemas["ArticleSummary"];
export type ArticleListItem = Schemas["ArticleListItem"];
export type ArticlePage = Schemas["ArticlePage"];
export type Block = Schemas["Block"];
export type Image = Schemas["Image"];
export type Section = Schemas["Section"];
export type Comment = Schemas["Comment"];
export type CommentPage = Schemas["CommentPage"];
export type Card = Schemas["Card"];
export type Change = Schemas["Change"];
export type ChangePage = Schemas["ChangePage"];
export type LiveEntry = Schemas["LiveEntry"];
export type LiveEntryPage = Schemas["LiveEntryPage"];
export type JsonFeed = Schemas["JsonFeed"];
export type Problem = Schemas["Problem"];

export type ArticleQuery = NonNullable<paths["/api/v1/articles"]["get"]["parameters"]["query"]>;
export type CommentQuery = NonNullable<paths["/api/v1/articles/{slug}/comments"]["get"]["parameters"]["query"]>;
export type ChangeQuery = NonNullable<paths["/api/v1/changes"]["get"]["parameters"]["query"]>;
export type LiveQuery = NonNullable<paths["/api/v1/articles/{slug}/live-entries"]["get"]["parameters"]["query"]>;

/** What the API answered instead of the resource: its status and its problem document. */
export class DispatchProblem extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem ? `${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}` : `HTTP ${status}`);
    this.name = "DispatchProblem";
    this.status = status;
    this.problem = problem;
  }
}

export interface DispatchOptions {
  /** The API's base URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** A partner's API key, sent as `X-API-Key`. */
  apiKey?: string;
  /** A fetch of your own (tests, server-side rendering); the global one otherwise. */
  fetch?: typeof globalThis.fetch;
}

type Answer<T> = { data: T; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

async function body<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    throw new DispatchProblem(response.status, isProblem(error) ? error : undefined);
  }
  return data;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}

export interface Dispatch {
  /** The openapi-fetch client itself, for every other operation of openapi.yaml. */
  readonly raw: Client<paths>;
  articles(query?: ArticleQuery): Promise<ArticlePage>;
  /** Every page of a list, following `next` until the last one. */
  allArticles(query?: ArticleQuery): AsyncGenerator<ArticleListItem, void, undefined>;
  article(slug: string): Promise<Article>;
  related(slug: string, limit?: number): Promise<Schemas["ArticleSummaryPage"]>;
  section(slug: string): Promise<Section>;
  comments(slug: string, query?: CommentQuery): Promise<CommentPage>;
  card(slug: string): Promise<Card>;
  changes(query?: ChangeQuery): Promise<ChangePage>;
  liveEntries(slug: string, query?: LiveQuery): Promise<LiveEntryPage>;
  latestFeed(): Promise<JsonFeed>;
}

export function createDispatch(options: DispatchOptions): Dispatch {
  const raw = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    ...(options.apiKey ? { headers: { "X-API-Key": options.apiKey } } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const api: Dispatch = {
    raw,
    articles: (query) => body(raw.GET("/api/v1/articles", { params: { query: query ?? {} } })),
    async *allArticles(query) {
      let cursor: string | null = null;
      do {
        const page: ArticlePage = await api.articles(cursor === null ? query : { ...query, cursor });
        yield* page.items;
        cursor = page.next;
      } while (cursor !== null);
    },
    article: (slug) => body(raw.GET("/api/v1/articles/{slug}", { params: { path: { slug } } })),
    related: (slug, limit) =>
      body(raw.GET("/api/v1/articles/{slug}/related", { params: { path: { slug }, query: limit === undefined ? {} : { limit } } })),
    section: (slug) => body(raw.GET("/api/v1/sections/{slug}", { params: { path: { slug } } })),
    comments: (slug, query) => body(raw.GET("/api/v1/articles/{slug}/comments", { params: { path: { slug }, query: query ?? {} } })),
    card: (slug) => body(raw.GET("/api/v1/articles/{slug}/card", { params: { path: { slug } } })),
    changes: (query) => body(raw.GET("/api/v1/changes", { params: { query: query ?? {} } })),
    liveEntries: (slug, query) =>
      body(raw.GET("/api/v1/articles/{slug}/live-entries", { params: { path: { slug }, query: query ?? {} } })),
    latestFeed: () => body(raw.GET("/feeds/latest.json", {})),
  };
  return api;
}
