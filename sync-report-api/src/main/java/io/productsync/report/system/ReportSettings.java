package io.productsync.report.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Settings of sync-report-api, under {@code productsync.*}. */
@ConfigurationProperties("productsync")
public record ReportSettings(
        @DefaultValue Kafka kafka,
        @DefaultValue Report report,
        @DefaultValue Credentials credentials) {

    /** How the topics this service declares (those it writes) are created. */
    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    /**
     * @param sendTimeout   how long an alias change or a confirmation waits for the broker's acknowledgement before answering 503
     * @param retryInterval pause between attempts at a batch that failed for a reason other than unreadable data
     * @param retryAttempts attempts after the first before the failing records go to the dead-letter topic; a
     *                      database outage never dead-letters, its batch is retried until the database is back
     * @param databaseRetryMaxInterval the longest pause between attempts while the database is unreachable (the
     *                      pauses start at {@code retryInterval} and double)
     * @param readModelWait how long a connection PUT or DELETE, once Kafka has it, waits for this service's read model
     *                      to show it before answering 503 (so a request after the answer sees the change)
     * @param limits        what one tenant (or one client address) may send
     */
    public record Report(
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("500ms") Duration retryInterval,
            @DefaultValue("2") long retryAttempts,
            @DefaultValue("10s") Duration databaseRetryMaxInterval,
            @DefaultValue("5s") Duration readModelWait,
            @DefaultValue Limits limits) {}

    /**
     * @param requestsPerSecond the sustained request rate of one tenant (of one client address for paths that name
     *                          no tenant) before it is answered 429
     * @param burst             how many requests it may send at once (the bucket's capacity, refilled at that rate)
     * @param jsonBody          the largest JSON request body (413 above it); CSV files have their own bounds
     */
    public record Limits(
            @DefaultValue("1000") long requestsPerSecond,
            @DefaultValue("10000") long burst,
            @DefaultValue("64KB") DataSize jsonBody) {}

    /**
     * @param publicKeyset inventory-poller's Tink public keyset that connection credentials are sealed with: the JSON
     *                     keyset itself (it starts with '{') or the path of a file holding it; blank = none, and a
     *                     request carrying credentials is refused with 503
     */
    public record Credentials(String publicKeyset) {}
}
