package io.productsync.report.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of who may sign in, under {@code productsync.security.*}.
 *
 * @param localAdminPassword        the operator account's password; blank = generated on first start and logged once
 * @param announceGeneratedPassword whether this service logs a generated password itself; the launcher turns it off
 *                                  and prints it in its own banner ({@link LocalAdmin#takeGeneratedPassword()})
 * @param lastUsedFlush             how often the API keys' last-used times are written (kept in memory between)
 */
@ConfigurationProperties("productsync.security")
record SecuritySettings(
        String localAdminPassword,
        @DefaultValue("true") boolean announceGeneratedPassword,
        @DefaultValue("30s") Duration lastUsedFlush) {

    @Override
    public String toString() {
        return "SecuritySettings[localAdminPassword=" + (localAdminPassword == null ? "none" : "(set)")
                + ", announceGeneratedPassword=" + announceGeneratedPassword + ", lastUsedFlush=" + lastUsedFlush
                + "]";
    }
}
