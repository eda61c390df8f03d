package dispatch.articles;

import jakarta.ws.rs.QueryParam;

/** The query parameters of the editorial article list: the public list's filters plus {@code status}. */
public record ArticleAdminParams(
        @QueryParam("section") String section,
        @QueryParam("tag") String tag,
        @QueryParam("author") String author,
        @QueryParam("type") String type,
        @QueryParam("lang") String lang,
        @QueryParam("ids") String ids,
        @QueryParam("q") String q,
        @QueryParam("from") String from,
        @QueryParam("to") String to,
        @QueryParam("status") String status,
        @QueryParam("limit") String limit,
        @QueryParam("cursor") String cursor) {

    ArticleListParams asListParams() {
        return new ArticleListParams(section, tag, author, type, lang, ids, q, from, to, null, limit, cursor, null, null);
    }
}
