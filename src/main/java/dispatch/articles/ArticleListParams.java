package dispatch.articles;

import jakarta.ws.rs.QueryParam;

/** The query parameters of {@code GET /api/v1/articles}; values are parsed by {@link ArticleFilter}. */
public record ArticleListParams(
        @QueryParam("section") String section,
        @QueryParam("tag") String tag,
        @QueryParam("author") String author,
        @QueryParam("type") String type,
        @QueryParam("lang") String lang,
        @QueryParam("ids") String ids,
        @QueryParam("q") String q,
        @QueryParam("from") String from,
        @QueryParam("to") String to,
        @QueryParam("sort") String sort,
        @QueryParam("limit") String limit,
        @QueryParam("cursor") String cursor,
        @QueryParam("fields") String fields,
        @QueryParam("include") String include) {
}
