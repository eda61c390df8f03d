package dispatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become responses: every 4xx/5xx is {@code application/problem+json}
 * (RFC 9457). Bodies never carry a stack trace, class name or SQL; 5xx bodies carry the request id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, RoutingContext rc) {
        Problem problem = problem(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), uri, rc, e.currentVersion());
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Cache-Control", "no-store");
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Missing, malformed, forged or expired credentials, or a disabled account: one and the same 401. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e, UriInfo uri, RoutingContext rc) {
        return respond(401, "UNAUTHORIZED", "Unauthorized", "Valid credentials are required: send a bearer token", null, uri, rc)
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, RoutingContext rc) {
        return respond(403, "FORBIDDEN", "Forbidden", "Your role does not allow this action", null, uri, rc).build();
    }

    /** Two writers raced on one row: the loser learns that it changed under it. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response staleWrite(Exception e, UriInfo uri, RoutingContext rc) {
        return respond(412, "PRECONDITION_FAILED", "Precondition Failed",
                "The resource changed while this request was being handled; reload it and retry", null, uri, rc).build();
    }

    /** A unique or foreign-key rule of the database refused the write (names and SQL stay private). */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri, RoutingContext rc) {
        LOG.debugf("Constraint violation on %s: %s", uri.getPath(), e.getConstraintName());
        return respond(409, "CONFLICT", "Conflict", "The request conflicts with existing data (a name or slug in use, or a reference)",
                null, uri, rc).build();
    }

    /** What a request gets when the database cannot answer: a 503 worth retrying shortly. */
    public static ProblemException databaseUnavailable() {
        return new ProblemException(503, "DATABASE_UNAVAILABLE", "Service Unavailable", "The database is unavailable; try again shortly",
                null, java.util.Map.of("Retry-After", "5"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, RoutingContext rc) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(Problem.FieldError.pointer(pointerOf(v.getPropertyPath().toString()), v.getMessage()));
        }
        return respond(400, "VALIDATION_FAILED", "Validation failed", "The request is invalid: see errors", errors, uri, rc)
                .build();
    }

    /** Jackson's own failures, including the subtypes Quarkus would otherwise answer with its own JSON shape. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class, UnrecognizedPropertyException.class,
        InvalidFormatException.class, com.fasterxml.jackson.core.JsonParseException.class}, priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformedJson(JsonProcessingException e, UriInfo uri, RoutingContext rc) {
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "': it does not exist or cannot be set by clients";
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            m.getPath().forEach(ref -> pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex())));
            detail = "Field '" + pointer + "' has the wrong JSON type or format";
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            detail = "A field has the wrong JSON type or format";
        } else {
            detail = "The request body is not well-formed JSON";
        }
        return respond(400, "MALFORMED_BODY", "Malformed request body", detail, null, uri, rc).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, RoutingContext rc) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, rc);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, rc);
        }
        Response.ResponseBuilder builder = switch (status) {
            case 404 -> respond(404, "NOT_FOUND", "Not Found", "No resource at " + uri.getPath(), null, uri, rc);
            case 405 -> respond(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
                    "Method " + rc.request().method() + " is not allowed on " + uri.getPath(), null, uri, rc);
            case 406 -> respond(406, "NOT_ACCEPTABLE", "Not Acceptable",
                    "This resource cannot be represented in the requested media type", null, uri, rc);
            case 415 -> respond(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                    "The request body must be application/json", null, uri, rc);
            case 413 -> respond(413, "PAYLOAD_TOO_LARGE", "Payload Too Large", "The request body is too large", null, uri, rc);
            default -> respond(status, "BAD_REQUEST", "Bad Request",
                    e.getCause() instanceof JsonProcessingException ? "The request body is not well-formed JSON"
                            : "The request could not be understood", null, uri, rc);
        };
        if (e instanceof NotAllowedException && e.getResponse() != null) {
            String allow = e.getResponse().getHeaderString("Allow");
            if (allow != null) {
                builder.header("Allow", allow);
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, RoutingContext rc) {
        // The database is down, slow or refusing connections (SQLSTATE classes 08, 53, 57, lock
        // timeout 55P03), whatever wraps it: 503 with Retry-After, so clients and CDNs retry or serve what they have.
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable for %s %s: %s", rc.request().method(), uri.getPath(), e.getMessage());
            return problem(databaseUnavailable(), uri, rc);
        }
        String requestId = RequestIds.of(rc);
        LOG.errorf(e, "Unexpected error handling %s %s (request %s)", rc.request().method(), uri.getPath(), requestId);
        return respond(500, "INTERNAL_ERROR", "Internal Server Error",
                "An unexpected error occurred; quote request id " + requestId + " when reporting it", null, uri, rc)
                .build();
    }

    static Response.ResponseBuilder respond(int status, String code, String title, String detail,
            List<Problem.FieldError> errors, UriInfo uri, RoutingContext rc) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem(status, code, title, detail, errors, uri, rc, null))
                .header("Cache-Control", "no-store");
    }

    private static Problem problem(int status, String code, String title, String detail, List<Problem.FieldError> errors, UriInfo uri,
            RoutingContext rc, Integer currentVersion) {
        return new Problem(typeOf(code), title, status, detail, uri == null ? null : uri.getPath(), code, RequestIds.of(rc),
                errors == null || errors.isEmpty() ? null : errors, currentVersion);
    }

    /** The stable type URI of a kind of problem, e.g. {@code urn:dispatch:problem:not-found}. */
    /**
     * Ends a request with a problem before any resource runs (filters on the event loop): the same
     * body the mappers write, with {@code Cache-Control: no-store}.
     */
    static void end(RoutingContext rc, int status, String code, String title, String detail, java.util.Map<String, String> headers) {
        io.vertx.core.json.JsonObject body = body(status, code, title, detail, rc.request().path(), RequestIds.of(rc));
        io.vertx.core.http.HttpServerResponse response = rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store");
        headers.forEach(response::putHeader);
        response.end(body.encode());
    }

    /** A problem body as filters write it, before any resource runs; {@code instance} is left out when null. */
    static io.vertx.core.json.JsonObject body(int status, String code, String title, String detail, String instance, String requestId) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject().put("type", typeOf(code)).put("title", title)
                .put("status", status).put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body.put("code", code).put("requestId", requestId);
    }

    public static String typeOf(String code) {
        return Problem.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "create.arg0.headline" or "headline" → "/headline". */
    private static String pointerOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i < 2 && parts.length > 2) {
                continue; // method name and parameter name
            }
            pointer.append('/').append(parts[i].replaceAll("\\[(\\d+)]", "/$1"));
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

}
