package io.productsync.report.web;

import io.productsync.report.alias.AliasCsv;
import io.productsync.report.alias.AliasImport;
import io.productsync.report.alias.ImportLine.Action;
import io.productsync.report.alias.ImportReport;
import io.productsync.report.system.EventPublisher.NotStored;
import io.productsync.report.web.PendingImports.Pending;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading an alias file: the upload is read and kept ({@link PendingImports}), its preview says what would be added,
 * changed and refused, and nothing is published until the user confirms; the confirmation checks the lines again and
 * publishes those that pass, through the same {@link AliasImport} the API uses. Each step redirects, so a reload never
 * uploads or applies twice.
 */
@Controller
@RequestMapping("/tenants/{tenantId}/aliases/import")
class AliasImportPage {

    private final AliasImport imports;
    private final PendingImports pending;
    private final KnownScope scope;

    AliasImportPage(AliasImport imports, PendingImports pending, KnownScope scope) {
        this.imports = imports;
        this.pending = pending;
        this.scope = scope;
    }

    @PostMapping
    String upload(
            @PathVariable String tenantId, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        scope.tenant(tenantId);
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("importError", "Choose a CSV file (" + AliasCsv.HEADER + ") to upload.");
            return "redirect:/tenants/" + tenantId + "/aliases";
        }
        try {
            if (file.getSize() > AliasCsv.MAX_BYTES) {
                throw AliasCsv.tooManyBytes();
            }
            Pending upload = pending.add(tenantId, file.getOriginalFilename(), AliasCsv.read(file.getBytes()));
            return "redirect:/tenants/" + tenantId + "/aliases/import/" + upload.token();
        } catch (AliasCsv.Unreadable e) {
            flash.addFlashAttribute("importError", "Nothing was imported: " + e.getMessage() + ".");
            return "redirect:/tenants/" + tenantId + "/aliases";
        }
    }

    @GetMapping("/{token}")
    String preview(@PathVariable String tenantId, @PathVariable String token, Model model) {
        scope.tenant(tenantId);
        Pending upload = find(tenantId, token);
        ImportReport report = upload.result() != null ? upload.result() : imports.preview(tenantId, upload.lines());
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("upload", upload);
        model.addAttribute("report", report);
        model.addAttribute("refused", report.only(Action.REFUSE));
        model.addAttribute("added", report.only(Action.ADD));
        model.addAttribute("changed", report.only(Action.CHANGE));
        return "alias-import";
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String tenantId, @PathVariable String token, RedirectAttributes flash) {
        scope.tenant(tenantId);
        Pending upload = find(tenantId, token);
        if (pending.startApplying(upload)) {
            try {
                pending.applied(upload, imports.apply(tenantId, upload.lines()));
            } catch (NotStored e) {
                pending.failed(upload);
                flash.addFlashAttribute("error", e.getMessage() + "; confirm again.");
            } catch (RuntimeException e) {
                pending.failed(upload);
                throw e;
            }
        }
        return "redirect:/tenants/" + tenantId + "/aliases/import/" + token;
    }

    private Pending find(String tenantId, String token) {
        Optional<Pending> upload;
        try {
            upload = pending.find(tenantId, UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            upload = Optional.empty();
        }
        return upload.orElseThrow(
                () -> Problems.notFound("this upload is not known here or has expired (an upload is kept "
                        + PendingImports.KEPT.toMinutes() + " minutes until it is confirmed): upload the file again"));
    }
}
