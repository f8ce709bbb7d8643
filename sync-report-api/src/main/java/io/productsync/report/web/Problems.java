package io.productsync.report.web;

import io.productsync.report.system.Shown;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problems answered as application/problem+json; the detail always says what to fix. */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** A 400 that also names the request field to fix in its {@code field} property, e.g. {@code settings.shopDomain}. */
    public static ErrorResponseException badRequest(String field, String detail) {
        ErrorResponseException problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.getBody().setProperty("field", field);
        return problem;
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    /**
     * A tenant nobody has configured or reported, and equally one the caller was not granted: the same answer, so a
     * caller cannot tell them apart.
     */
    public static ErrorResponseException unknownTenant(String tenantId) {
        return notFound("tenant '" + shown(tenantId) + "' is not known: connect one of its carts first");
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** A value echoed in a detail: long ones cut, control characters escaped, so the answer stays readable. */
    public static String shown(String value) {
        return Shown.value(value);
    }
}
