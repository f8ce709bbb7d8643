package io.productsync.deploy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pair that keeps connection credentials sealed (Tink hybrid encryption, HPKE X25519 + AES-256-GCM):
 * sync-report-api seals with the public keyset, only inventory-poller opens with the private one. The local run keeps
 * both in {@code <data-dir>/keys/}, created on first start, the private one readable by its owner only; on a real
 * cluster they come from settings instead.
 */
record CredentialKeys(Path privateKeyset, Path publicKeyset) {

    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);
    private static final String TEMPLATE = "DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM";

    /** The key pair in {@code <dataDir>/keys}, created there if it is not yet; an existing one is kept. */
    static CredentialKeys inDataDir(Path dataDir) {
        Path dir = dataDir.resolve("keys");
        CredentialKeys keys =
                new CredentialKeys(dir.resolve("credentials-private.json"), dir.resolve("credentials-public.json"));
        try {
            HybridConfig.register();
            createOwnerOnly(dir, true);
            KeysetHandle privateKeyset;
            if (Files.exists(keys.privateKeyset())) {
                privateKeyset = TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(keys.privateKeyset(), StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            } else {
                privateKeyset = KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
                write(
                        keys.privateKeyset(),
                        TinkJsonProtoKeysetFormat.serializeKeyset(privateKeyset, InsecureSecretKeyAccess.get()),
                        true);
                log.info("Created the key pair for connection credentials in {}", dir);
            }
            if (!Files.exists(keys.publicKeyset())) {
                write(
                        keys.publicKeyset(),
                        TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeyset.getPublicKeysetHandle()),
                        false);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the credentials key pair in " + dir, e);
        } catch (GeneralSecurityException e) {
            // Never the keyset's content: only what kind of failure.
            throw new IllegalStateException(keys.privateKeyset() + " is not a Tink keyset: "
                    + e.getClass().getSimpleName());
        }
    }

    /** What each service is given: the public keyset to the report, the private one to the poller only. */
    Map<String, Map<String, Object>> serviceProperties() {
        Map<String, Map<String, Object>> properties = new HashMap<>();
        properties.put(
                ProductSyncServices.REPORT, Map.of("productsync.credentials.public-keyset", publicKeyset.toString()));
        properties.put(
                ProductSyncServices.POLLER, Map.of("productsync.credentials.private-keyset", privateKeyset.toString()));
        return properties;
    }

    /** Through a temporary file (owner-only from its creation when it is secret), then an atomic rename. */
    private static void write(Path file, String content, boolean secret) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createOwnerOnly(temp, false);
        if (!secret && posix()) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createOwnerOnly(Path path, boolean directory) throws IOException {
        if (directory && Files.isDirectory(path)) {
            return;
        }
        if (!posix()) {
            if (directory) {
                Files.createDirectories(path);
            } else {
                Files.createFile(path);
            }
            return;
        }
        FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
        if (directory) {
            Files.createDirectories(path.getParent());
            Files.createDirectory(path, ownerOnly);
        } else {
            Files.createFile(path, ownerOnly);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
