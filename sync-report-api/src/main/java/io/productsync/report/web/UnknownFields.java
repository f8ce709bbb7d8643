package io.productsync.report.web;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body field no request takes is refused, never ignored: a client cannot set what the service owns (the tenant and
 * ids, which the path names; times; flags such as {@code credentialsSet}), and a misspelt field is not silently lost.
 */
final class UnknownFields {

    /** A name shown back as it was sent; anything else (it may be a secret pasted as a name) is not repeated. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private UnknownFields() {}

    static ProblemDetail problem(UnrecognizedPropertyException unknown) {
        String name = unknown.getPropertyName();
        String taken = taken(unknown.getKnownPropertyIds());
        ProblemDetail problem;
        if (name != null && FIELD_NAME.matcher(name).matches()) {
            String field = path(unknown);
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "'" + field + "' is not a field of this body (ids come from the path; times and flags are set by "
                            + "the service); it takes " + taken);
            problem.setProperty("field", field);
        } else {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "the body has a field it does not take; it takes " + taken);
        }
        return problem;
    }

    /** The field's path in the body, e.g. {@code settings.locationId}. */
    static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String taken(Collection<Object> known) {
        return known == null
                ? "only the fields the README shows"
                : known.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }
}
