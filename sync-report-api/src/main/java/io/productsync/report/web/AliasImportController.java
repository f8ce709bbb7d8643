package io.productsync.report.web;

import io.productsync.report.alias.AliasCsv;
import io.productsync.report.alias.AliasCsvLine;
import io.productsync.report.alias.AliasImport;
import io.productsync.report.alias.ImportReport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An alias file for scripts: {@code POST .../aliases/import} with a text/csv body. With {@code dryRun=true} it answers
 * what would be added, changed and refused and publishes nothing; without, it publishes the lines that pass and
 * answers the same report. A file that cannot be read at all (not UTF-8, no header, over a limit) applies nothing.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/aliases/import")
class AliasImportController {

    private final AliasImport imports;
    private final KnownScope scope;

    AliasImportController(AliasImport imports, KnownScope scope) {
        this.imports = imports;
        this.scope = scope;
    }

    @PostMapping(consumes = "text/csv")
    ImportReport importFile(
            @PathVariable String tenantId, @RequestParam(required = false) String dryRun, HttpServletRequest request)
            throws IOException {
        scope.tenant(tenantId);
        boolean preview = Boolean.TRUE.equals(RequestParams.optionalBoolean(dryRun, "dryRun"));
        List<AliasCsvLine> lines = AliasCsv.read(body(request));
        return preview ? imports.preview(tenantId, lines) : imports.apply(tenantId, lines);
    }

    /** The body, read no further than the limit (a longer one is refused without holding it). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > AliasCsv.MAX_BYTES) {
            throw AliasCsv.tooManyBytes();
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(AliasCsv.MAX_BYTES + 1);
        }
    }

    @ExceptionHandler(AliasCsv.Unreadable.class)
    ProblemDetail unreadable(AliasCsv.Unreadable e) {
        return ProblemDetail.forStatusAndDetail(
                e instanceof AliasCsv.TooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
