package io.openwaas.testkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Quarkus test resource: the platform's response-signing Ed25519 seed, generated for this test run only (nothing
 * committed), and the control-plane keys of {@link ControlKeys}: the service signs as init arg {@code control-signer}
 * (default wallet-service) and pins every test producer. Operator JWTs in tests use the key pair smallrye-jwt generates in memory in test mode.
 */
public class PlatformKeysTestResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> properties;
    private String signer = ControlKeys.WALLET_SERVICE;

    /** Init arg {@code control-signer}: the producer name the service signs control records as (wallet-service). */
    @Override
    public void init(Map<String, String> initArgs) {
        signer = initArgs.getOrDefault("control-signer", signer);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (properties == null) {
            try {
                properties = generate(signer);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot generate test keys", e);
            }
        }
        return properties;
    }

    private static Map<String, String> generate(String signer) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Map<String, String> p = new java.util.HashMap<>(ControlKeys.properties(signer));
        p.put("openwaas.auth.response-signing-key", HexFormat.of().formatHex(seed));
        return Map.copyOf(p);
    }

    @Override
    public void stop() {
        // Same keys for every test class of the JVM.
    }
}
