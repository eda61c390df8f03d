package dispatch.comments.api;

import java.util.List;

/** A page of comments, with whether the article takes new ones and its approved-comment count. */
public record CommentPage(List<CommentResponse> items, String next, boolean open, int count) {
}
