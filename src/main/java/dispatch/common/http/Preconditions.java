package dispatch.common.http;

/**
 * Optimistic concurrency over HTTP: a write must name, in {@code If-Match}, the version it was based
 * on ({@code ETag: "<version>"}). Without it: 428; with an older one: 412 carrying the current version.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etagOf(int version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED", "Precondition Required",
                    "Send If-Match with the ETag of the version you edited (current: " + etagOf(currentVersion) + ")", null, null)
                    .withCurrentVersion(currentVersion);
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etagOf(currentVersion))) {
                return;
            }
        }
        throw new ProblemException(412, "PRECONDITION_FAILED", "Precondition Failed",
                "The article changed since you read it: it is now at version " + currentVersion + "; reload, merge and retry",
                null, java.util.Map.of("ETag", etagOf(currentVersion))).withCurrentVersion(currentVersion);
    }
}
