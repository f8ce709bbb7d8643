package io.productsync.report.connection;

import io.productsync.events.CartPlatform;
import io.productsync.events.WmsPlatform;
import io.productsync.report.web.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What one platform takes: its settings (checked by name and value) and its credentials (checked by name only: a
 * credential's value is never looked at beyond being non-blank, and never echoed in an answer).
 */
record PlatformRules(
        String platform,
        Set<String> settingNames,
        Consumer<Map<String, String>> checkSettings,
        List<String> requiredCredentials,
        List<String> optionalCredentials) {

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern LOCATION_ID = Pattern.compile("(gid://shopify/Location/)?[1-9][0-9]{0,18}");
    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,18}");
    private static final int MAX_SETTING_LENGTH = 2048;
    private static final int MAX_CREDENTIAL_LENGTH = 8192;

    static final PlatformRules SANDBOX_CART =
            new PlatformRules("sandbox", Set.of(), settings -> {}, List.of(), List.of());

    static final PlatformRules SHOPIFY = new PlatformRules(
            "shopify",
            Set.of("shopDomain", "apiVersion", "locationId", "baseUrl"),
            PlatformRules::checkShopify,
            List.of("accessToken"),
            List.of("apiSecretKey"));

    static final PlatformRules SANDBOX_WMS =
            new PlatformRules("sandbox", Set.of(), settings -> {}, List.of(), List.of());

    static final PlatformRules EXTENSIV = new PlatformRules(
            "extensiv",
            Set.of("baseUrl", "customerId", "facilityIds"),
            PlatformRules::checkExtensiv,
            List.of("clientId", "clientSecret", "userLogin"),
            List.of("tpl"));

    static PlatformRules of(CartPlatform platform) {
        return switch (platform) {
            case SANDBOX -> SANDBOX_CART;
            case SHOPIFY -> SHOPIFY;
        };
    }

    static PlatformRules of(WmsPlatform platform) {
        return switch (platform) {
            case SANDBOX -> SANDBOX_WMS;
            case EXTENSIV -> EXTENSIV;
        };
    }

    boolean takesCredentials() {
        return !requiredCredentials.isEmpty();
    }

    /** @throws org.springframework.web.ErrorResponseException 400 naming the setting */
    Map<String, String> settings(Map<String, String> settings) {
        Map<String, String> given = settings == null ? Map.of() : settings;
        for (Map.Entry<String, String> setting : given.entrySet()) {
            if (!settingNames.contains(setting.getKey())) {
                throw Problems.badRequest(
                        "settings." + setting.getKey(),
                        "settings." + Problems.shown(setting.getKey()) + " is not a setting of " + platform + "; "
                                + (settingNames.isEmpty()
                                        ? "it takes none"
                                        : "it takes " + String.join(", ", sorted(settingNames))));
            }
            if (setting.getValue() == null) {
                throw Problems.badRequest(
                        "settings." + setting.getKey(), "settings." + setting.getKey() + " is null: leave it out");
            }
            checkText("settings." + setting.getKey(), setting.getValue(), MAX_SETTING_LENGTH);
        }
        checkSettings.accept(given);
        return given;
    }

    /**
     * @param credentials the credentials given, or null
     * @throws org.springframework.web.ErrorResponseException 400 naming the missing field; an unknown field is not
     *     named, in case a secret was sent as a name
     */
    void checkCredentials(Map<String, String> credentials) {
        if (!takesCredentials()) {
            throw Problems.badRequest("credentials", platform + " takes no credentials: leave them out");
        }
        for (String name : credentials.keySet()) {
            if (!requiredCredentials.contains(name) && !optionalCredentials.contains(name)) {
                throw Problems.badRequest(
                        "credentials", "credentials has a field " + platform + " does not take; " + described());
            }
        }
        for (String name : requiredCredentials) {
            String value = credentials.get(name);
            if (value == null || value.isBlank()) {
                throw Problems.badRequest(
                        "credentials." + name,
                        "credentials." + name + " is required for " + platform + "; " + described());
            }
        }
        for (String name : optionalCredentials) {
            if (credentials.containsKey(name)
                    && (credentials.get(name) == null || credentials.get(name).isBlank())) {
                throw Problems.badRequest("credentials." + name, "credentials." + name + " is blank: leave it out");
            }
        }
        credentials.forEach((name, value) -> checkText("credentials." + name, value, MAX_CREDENTIAL_LENGTH));
    }

    /** A value's length and characters, said without repeating the value (a credential's must never be echoed). */
    private static void checkText(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw Problems.badRequest(field, field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw Problems.badRequest(field, field + " contains a control character at position " + i);
            }
        }
    }

    String described() {
        String described = "it takes " + String.join(", ", requiredCredentials);
        return optionalCredentials.isEmpty()
                ? described
                : described + " and optionally " + String.join(", ", optionalCredentials);
    }

    private static void checkShopify(Map<String, String> settings) {
        String baseUrl = settings.get("baseUrl");
        if (baseUrl != null) {
            httpUrl("settings.baseUrl", baseUrl);
        }
        String shopDomain = required(settings, "shopDomain", "e.g. acme-goods.myshopify.com");
        if (baseUrl == null && !SHOP_DOMAIN.matcher(shopDomain).matches()) {
            throw Problems.badRequest(
                    "settings.shopDomain",
                    "settings.shopDomain '" + Problems.shown(shopDomain)
                            + "' must be the shop's *.myshopify.com domain "
                            + "(lowercase, e.g. acme-goods.myshopify.com); set settings.baseUrl to reach another server");
        }
        String apiVersion = settings.get("apiVersion");
        if (apiVersion != null && !API_VERSION.matcher(apiVersion).matches()) {
            throw Problems.badRequest(
                    "settings.apiVersion",
                    "settings.apiVersion '" + Problems.shown(apiVersion) + "' must be a Shopify API version YYYY-MM, "
                            + "e.g. 2026-04 (leave it out for the connector's default)");
        }
        String locationId = required(settings, "locationId", "the id of the Shopify location whose stock is synced");
        if (!LOCATION_ID.matcher(locationId).matches()) {
            throw Problems.badRequest(
                    "settings.locationId",
                    "settings.locationId '" + Problems.shown(locationId) + "' must be a location id, e.g. 76543210987 "
                            + "or gid://shopify/Location/76543210987");
        }
    }

    private static void checkExtensiv(Map<String, String> settings) {
        String baseUrl = settings.get("baseUrl");
        if (baseUrl != null) {
            httpUrl("settings.baseUrl", baseUrl);
        }
        String customerId = required(settings, "customerId", "the Extensiv customer whose inventory is read");
        if (!POSITIVE_INTEGER.matcher(customerId).matches()) {
            throw Problems.badRequest(
                    "settings.customerId",
                    "settings.customerId '" + Problems.shown(customerId) + "' must be a positive whole number");
        }
        String facilityIds = required(settings, "facilityIds", "comma-separated facility ids, e.g. 3,7");
        List<String> ids = new ArrayList<>();
        for (String id : facilityIds.split(",", -1)) {
            ids.add(id.strip());
        }
        if (ids.stream().anyMatch(id -> !POSITIVE_INTEGER.matcher(id).matches())) {
            throw Problems.badRequest(
                    "settings.facilityIds",
                    "settings.facilityIds '" + Problems.shown(facilityIds) + "' must be positive whole numbers "
                            + "separated by commas, e.g. 3,7");
        }
    }

    private static String required(Map<String, String> settings, String name, String what) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw Problems.badRequest("settings." + name, "settings." + name + " is required: " + what);
        }
        return value;
    }

    private static void httpUrl(String field, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getRawUserInfo() != null) {
                // not echoed: what stands before '@' may be a password
                throw Problems.badRequest(field, field + " must not carry a user or password: those go in credentials");
            }
            if (uri.isAbsolute()
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw Problems.badRequest(
                field,
                field + " '" + Problems.shown(value) + "' must be an absolute http(s) URL, e.g. https://host:8443");
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
