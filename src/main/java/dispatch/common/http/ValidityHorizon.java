package dispatch.common.http;

import java.time.Instant;

/** When what readers see next changes by itself (not by a write); cached responses expire by then. */
public interface ValidityHorizon {

    /** The next such moment, or null when none is planned. */
    Instant next();
}
