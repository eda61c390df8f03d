package dispatch.common.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters are allow-listed: a parameter the matched operation does not declare, one given
 * twice, or one given empty, is a 400 naming it. Filters on undeclared (hidden) columns have leaked data in other CMSs;
 * here they cannot even be expressed.
 */
public class QueryParameterAllowList {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = DECLARED.computeIfAbsent(method, QueryParameterAllowList::declaredBy);
        List<Problem.FieldError> errors = new ArrayList<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                errors.add(Problem.FieldError.parameter(name, allowed.isEmpty() ? "this operation takes no query parameters"
                        : "unknown parameter; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
            } else if (values.size() > 1) {
                errors.add(Problem.FieldError.parameter(name, "given more than once"));
            } else if (values.get(0) == null || values.get(0).isBlank()) {
                errors.add(Problem.FieldError.parameter(name, "must not be empty; leave the parameter out instead"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
    }

    /** The query parameters a resource method declares, directly or through {@code @BeanParam} classes. */
    static Set<String> declaredBy(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter p : method.getParameters()) {
            addName(names, p.getAnnotation(QueryParam.class), p.getAnnotation(RestQuery.class), p.getName());
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        addName(names, f.getAnnotation(QueryParam.class), f.getAnnotation(RestQuery.class), f.getName());
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void addName(Set<String> names, QueryParam query, RestQuery rest, String fallback) {
        if (query != null) {
            names.add(query.value());
        } else if (rest != null) {
            names.add(rest.value().isEmpty() ? fallback : rest.value());
        }
    }
}
