package io.productsync.report.web;

import io.productsync.report.alias.AliasPublisher.AliasNotStored;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error, ours or Spring MVC's (unreadable body, unsupported method...), as application/problem+json. */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(AliasNotStored.class)
    ProblemDetail notStored(AliasNotStored e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; retry the request");
    }
}
