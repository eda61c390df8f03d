package dispatch.auth;

import java.util.Set;

/** The newsroom roles. */
public final class Roles {

    /** Everything, including users and API keys. */
    public static final String ADMIN = "admin";
    /** All articles, publishing, sections, tags, authors, collections, audit. */
    public static final String EDITOR = "editor";
    /** Creates drafts and edits their own drafts; cannot publish or touch others' work. */
    public static final String WRITER = "writer";
    /** Comments only. */
    public static final String MODERATOR = "moderator";

    public static final Set<String> ALL = Set.of(ADMIN, EDITOR, WRITER, MODERATOR);

    private Roles() {
    }
}
