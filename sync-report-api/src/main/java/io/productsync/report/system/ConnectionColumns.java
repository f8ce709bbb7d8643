package io.productsync.report.system;

import io.productsync.events.EventJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * The columns carts and WMS connections share ({@code platform, settings, sealed_credentials, credentials_set_at}):
 * written by both projections, read by the connection read model. Settings are a jsonb object of strings.
 */
public final class ConnectionColumns {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private ConnectionColumns() {}

    /** Binds the four columns from parameter {@code first} on; settings go through {@code CAST(? AS jsonb)}. */
    public static void bind(
            PreparedStatement ps,
            int first,
            String platform,
            Map<String, String> settings,
            String sealedCredentials,
            Instant credentialsSetAt)
            throws SQLException {
        ps.setString(first, platform);
        ps.setString(first + 1, EventJson.MAPPER.writeValueAsString(settings));
        ps.setString(first + 2, sealedCredentials);
        ps.setObject(first + 3, utc(credentialsSetAt), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Map<String, String> settings(ResultSet rs) throws SQLException {
        return EventJson.MAPPER.readValue(rs.getString("settings"), SETTINGS);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
