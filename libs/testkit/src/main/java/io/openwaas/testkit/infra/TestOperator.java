package io.openwaas.testkit.infra;

import io.openwaas.testkit.launcher.OperatorKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The operator key of a test JVM, for services run as their own processes (TSS nodes, the callback server): made once
 * in a temporary directory; {@link #publicKeyFile()} goes to {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, {@link #token()}
 * is the bearer token their admin APIs need (as {@code bin/waas} makes it).
 */
public final class TestOperator {

    private static OperatorKeys keys;
    private static Path home;

    private TestOperator() {
    }

    private static synchronized OperatorKeys keys() {
        if (keys == null) {
            try {
                home = Files.createTempDirectory("openwaas-test-operator-");
                keys = OperatorKeys.ensure(home);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test operator key: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** The operator's RSA public key (PEM). */
    public static Path publicKeyFile() {
        keys();
        return OperatorKeys.publicKeyFile(home);
    }

    /** A fresh operator JWT, valid for an hour. */
    public static String token() {
        try {
            return keys().operatorToken(Instant.now(), Duration.ofHours(1));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
