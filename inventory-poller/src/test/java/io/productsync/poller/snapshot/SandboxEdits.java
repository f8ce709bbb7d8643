package io.productsync.poller.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Sandbox files changed the way an editor saves them, for the tests that poll a sandbox directory. */
final class SandboxEdits {

    static final String CART_HEADER = "sku,inventory_tracked,product_active,quantity\n";

    private SandboxEdits() {}

    /** Written beside and renamed into place, so a poll never reads half a file. */
    static void write(Path tenantDir, String relative, String content) throws IOException {
        Path file = tenantDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
