package dispatch.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Dispatch. Before Quarkus starts, it turns off the HTTP layer's {@link java.net.URI} check of
 * request targets, which answers the query characters browsers send raw ({@code |}, {@code {}},
 * {@code ^}) with an empty 400 that a page cannot read; {@code common/http/RequestTargets} checks every
 * target instead, and answers what it refuses with a problem. The property is read once, when Quarkus's
 * HTTP recorder is loaded, so it must be set here, ahead of everything.
 */
@QuarkusMain
public class Main {

    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
