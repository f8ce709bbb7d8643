package io.productsync.report.web;

import io.productsync.report.system.DatabaseOutage;
import io.productsync.report.system.EventPublisher.NotStored;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error, ours or Spring MVC's (unreadable body, unsupported method...), as application/problem+json. What the
 * container itself refuses is answered by {@link ProblemErrorReportValve}, the error path by {@link ErrorEndpoint}.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final LogAccessor LOG = new LogAccessor(ProblemHandling.class);

    @ExceptionHandler(NotStored.class)
    ProblemDetail notStored(NotStored e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; retry the request");
    }

    /** Nothing the caller can fix, except by retrying; anything else unexpected is ours to fix. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn(e, "database unavailable");
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "the database is unavailable; retry the request");
        }
        LOG.error(e, "unexpected failure");
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "unexpected failure; it is logged on the server");
    }

    /**
     * Says what is wrong with a body that cannot be read: over the size bound (413); a field it does not take, such as
     * one only the service sets ({@code tenantId}, a time, {@code credentialsSet}), named; or a field with the wrong
     * JSON type ({@code "wmsSku": 123} is refused, not read as "123"), by its path ({@code settings.locationId}).
     * Never echoes a value, which may be a credential.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        JsonBodyLimitFilter.TooLarge tooLarge = cause(e, JsonBodyLimitFilter.TooLarge.class);
        if (tooLarge != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        } else if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            problem = UnknownFields.problem(unknown);
        } else if (e.getMostSpecificCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = UnknownFields.path(mismatch);
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "'" + field + "' has the wrong JSON type: text goes in quotes, flags are true or false, "
                            + "settings and credentials are objects of text values");
            problem.setProperty("field", field);
        } else {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "the body must be a JSON object, as the README shows for this endpoint");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
