package io.productsync.report.security;

import io.productsync.report.web.Problems;
import io.productsync.report.web.RequestParams;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API keys, for its admins: create (the key shown once), list (never the key), revoke. */
@RestController
@AdminOnly
@RequestMapping("/api/v1/tenants/{tenantId}/api-keys")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    ResponseEntity<NewApiKey> create(@PathVariable String tenantId, @RequestBody ApiKeyRequest request) {
        RequestParams.id(tenantId, "tenantId");
        NewApiKey created = keys.create(tenantId, request.name(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/api-keys/" + created.keyId()))
                .body(created);
    }

    @GetMapping
    Map<String, List<ApiKeyView>> list(@PathVariable String tenantId) {
        RequestParams.id(tenantId, "tenantId");
        return Map.of("items", keys.list(tenantId));
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String tenantId, @PathVariable String keyId) {
        RequestParams.id(tenantId, "tenantId");
        if (!keys.revoke(tenantId, ApiKeys.keyId(keyId))) {
            throw Problems.notFound("tenant '" + tenantId + "' has no API key '" + keyId + "' that is not revoked");
        }
        return ResponseEntity.noContent().build();
    }
}
