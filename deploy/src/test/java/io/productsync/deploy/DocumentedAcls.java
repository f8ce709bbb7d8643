package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACL table of the root README ("Running on a real cluster: security"), read as Kafka ACL bindings, so the test
 * grants exactly what the operators are told to grant.
 */
record DocumentedAcls(List<Row> rows) {

    static final Path README = Path.of("..", "README.md");
    private static final String HEADER = "| service | resource | name | pattern | operations | why |";

    /** One row of the table: a service's operations on one resource. */
    record Row(String service, ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {

        ResourcePattern resource() {
            return new ResourcePattern(type, name, pattern);
        }

        List<AclBinding> bindings(String principal) {
            return operations.stream()
                    .map(operation -> new AclBinding(
                            resource(), new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)))
                    .toList();
        }
    }

    static DocumentedAcls fromReadme() {
        List<String> lines;
        try {
            lines = Files.readAllLines(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new IllegalStateException(README + " has no ACL table starting with " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(row(line));
        }
        return new DocumentedAcls(List.copyOf(rows));
    }

    private static Row row(String line) {
        String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                .map(cell -> cell.strip().replace("`", ""))
                .toArray(String[]::new);
        return new Row(
                cells[0],
                ResourceType.valueOf(constant(cells[1])),
                cells[2],
                PatternType.valueOf(constant(cells[3])),
                Arrays.stream(cells[4].split(","))
                        .map(operation -> AclOperation.valueOf(constant(operation)))
                        .toList());
    }

    private static String constant(String word) {
        return word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The service's rows, as bindings for {@code principal} (e.g. {@code User:sync-matcher}). */
    List<AclBinding> of(String service, String principal) {
        return rows.stream()
                .filter(row -> row.service().equals(service))
                .flatMap(row -> row.bindings(principal).stream())
                .toList();
    }

    List<Row> of(String service) {
        return rows.stream().filter(row -> row.service().equals(service)).toList();
    }
}
