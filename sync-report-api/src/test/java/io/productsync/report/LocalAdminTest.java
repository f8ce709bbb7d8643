package io.productsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.productsync.report.security.LocalAdmin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The operator's password: generated on the first start and shown in exactly one log line, never again on later
 * starts, stored only as a hash; a password set in the settings replaces it.
 */
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class LocalAdminTest {

    private static final Pattern BANNER = Pattern.compile("Sign in as 'admin' with the password (\\S+) ");
    private static final String PATH = "local/api-keys";

    @Test
    void aGeneratedPasswordIsShownOnceOnTheFirstStartAndASetOneReplacesIt(
            EmbeddedKafkaBroker broker, CapturedOutput output) {
        String brokers = broker.getBrokersAsString();
        WriterTopics.create(brokers, 1);
        String url = TestDatabase.newDatabaseUrl("local_admin");
        String generated;
        try (ConfigurableApplicationContext first = start(brokers, url, "")) {
            Matcher banner = BANNER.matcher(output.getAll());
            assertThat(banner.find()).as("the banner line").isTrue();
            generated = banner.group(1);
            assertThat(Base64.getUrlDecoder().decode(generated)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(output.getAll().split(Pattern.quote(generated), -1))
                    .as("shown once")
                    .hasSize(2);
            assertThat(first.getBean(LocalAdmin.class).takeGeneratedPassword()).isEmpty();
            assertThat(as(first, generated).get(PATH).status()).isEqualTo(200);
            assertThat(as(first, generated + "x").get(PATH).status()).isEqualTo(401);
        }
        int shownBefore = output.getAll().length();

        try (ConfigurableApplicationContext again = start(brokers, url, "")) {
            assertThat(output.getAll().substring(shownBefore))
                    .contains("password as generated on the first start (shown then)")
                    .doesNotContain(generated);
            assertThat(as(again, generated).get(PATH).status()).isEqualTo(200);
        }

        String chosen = "chosen-" + Operator.password();
        try (ConfigurableApplicationContext set = start(brokers, url, chosen)) {
            assertThat(as(set, chosen).get(PATH).status()).isEqualTo(200);
            assertThat(as(set, generated).get(PATH).status()).isEqualTo(401);
        }
        assertThat(output.getAll()).doesNotContain(chosen);
    }

    private static ConfigurableApplicationContext start(String brokers, String url, String password) {
        return RunningService.start(
                brokers,
                url,
                "--productsync.kafka.partitions=1",
                "--spring.kafka.listener.auto-startup=false",
                "--productsync.security.local-admin-password=" + password);
    }

    private static ApiClient as(ConfigurableApplicationContext app, String password) {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), basic);
    }
}
