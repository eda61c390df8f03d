package dispatch.common.http;

import java.sql.SQLException;

/** Tells a database outage (retry later) from a bug (fix it). */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Connection failures (08), insufficient resources (53), operator intervention and timeouts (57), lock timeouts (55P03). */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null && sql.getMessage() != null && sql.getMessage().toLowerCase().contains("acquisition timeout")) {
                    return true;
                }
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("55P03"))) {
                    return true;
                }
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
