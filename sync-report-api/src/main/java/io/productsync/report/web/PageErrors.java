package io.productsync.report.web;

import io.productsync.report.alias.AliasCsv;
import io.productsync.report.system.DatabaseOutage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the pages as a page that says what went wrong (the API's problem+json stays for the API). */
@ControllerAdvice(assignableTypes = {CartsPage.class, ProductSyncPage.class, AliasesPage.class, AliasImportPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final LogAccessor LOG = new LogAccessor(PageErrors.class);

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException e) {
        return page(e.getStatusCode(), e.getBody().getDetail());
    }

    /** A file over the upload limit of the container (larger still than the import's own limit). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, AliasCsv.tooManyBytes().getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView unexpected(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn(e, "database unavailable");
            return page(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; reload the page in a moment.");
        }
        LOG.error(e, "unexpected failure");
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it is logged there.");
    }

    private static ModelAndView page(HttpStatusCode status, String message) {
        ModelAndView page = new ModelAndView("error-page");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
