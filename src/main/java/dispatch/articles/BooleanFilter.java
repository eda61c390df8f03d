package dispatch.articles;

import dispatch.common.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Guardian's boolean filter syntax for a list of values: {@code a,b} all of, {@code a|b} any of,
 * {@code -c} none of, combinable ({@code a|b,-c}). Parsed into a conjunction of disjunctions of
 * possibly negated terms.
 */
record BooleanFilter(List<List<Term>> allOf) {

    static final int MAX_TERMS = 20;
    private static final Pattern VALUE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    record Term(String value, boolean negated) {
    }

    static BooleanFilter parse(String raw, String parameter) {
        if (raw == null) {
            return null;
        }
        List<List<Term>> groups = new ArrayList<>();
        int count = 0;
        for (String group : raw.split(",", -1)) {
            List<Term> anyOf = new ArrayList<>();
            for (String token : group.split("\\|", -1)) {
                String t = token.trim();
                boolean negated = t.startsWith("-");
                String value = negated ? t.substring(1) : t;
                if (!VALUE.matcher(value).matches()) {
                    throw ProblemException.badParameter(parameter, "'" + token + "' is not a slug; use a,b (all of), a|b (any of), -a (none of)");
                }
                anyOf.add(new Term(value, negated));
                count++;
            }
            groups.add(List.copyOf(anyOf));
        }
        if (count > MAX_TERMS) {
            throw ProblemException.badParameter(parameter, "at most " + MAX_TERMS + " values");
        }
        return new BooleanFilter(List.copyOf(groups));
    }

    List<String> values() {
        return allOf.stream().flatMap(List::stream).map(Term::value).toList();
    }
}
