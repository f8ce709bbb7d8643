package io.productsync.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for {@code localhost} and its private key as PEM files, made by the JDK's keytool (so no
 * library is needed): the certificate is its own CA.
 */
record SelfSignedCertificate(Path certificate, Path privateKey) {

    private static final String ALIAS = "server";
    private static final String STORE_PASSWORD = "test-only";

    static SelfSignedCertificate forLocalhost(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve(name + ".p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            STORE_PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD.toCharArray());
            }
            Path certificate = dir.resolve(name + ".crt");
            Files.writeString(
                    certificate, pem("CERTIFICATE", keys.getCertificate(ALIAS).getEncoded()));
            Path privateKey = dir.resolve(name + ".key");
            Files.writeString(
                    privateKey,
                    pem(
                            "PRIVATE KEY",
                            keys.getKey(ALIAS, STORE_PASSWORD.toCharArray()).getEncoded()));
            // PostgreSQL refuses a key file that others may read.
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            return new SelfSignedCertificate(certificate, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
