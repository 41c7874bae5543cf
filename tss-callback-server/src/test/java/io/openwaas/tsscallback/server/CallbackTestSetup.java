package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.RsaPem;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

/**
 * Generates the keys of a test run into {@code target/callback-test/} — two TSS node key pairs, the server's key
 * pair, and a key pair no server knows — writes the default test rules, and points the server at them.
 */
public class CallbackTestSetup implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target", "callback-test").toAbsolutePath();
    static final Path RULES = DIR.resolve("rules.json");
    static final Path DECISIONS = DIR.resolve("decisions.jsonl");

    /** The rules every test starts from; tests that change the file restore this. */
    static final String DEFAULT_RULES = """
            {
              "allowed_request_types": ["Ping", "KeyGen", "KeySign", "KeyReshare"],
              "address_allowlist": ["0xAbCdEf0000000000000000000000000000000001", "bc1qallowed1", "bc1qallowed2",
                                    "TAllowedTronAddress"],
              "allow_sign_without_destination": false,
              "max_amount_per_token": {"ETH_USDT": "1000000", "BTC": "50000"},
              "allow_sign_without_amount": false
            }
            """;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            for (String name : new String[]{"node-0", "node-1", "server", "stranger"}) {
                KeyPair pair = RsaPem.randomKeyPair();
                RsaPem.write(DIR.resolve(name + ".pem"), pair.getPrivate());
                RsaPem.write(DIR.resolve(name + ".pub.pem"), pair.getPublic());
            }
            Files.writeString(RULES, DEFAULT_RULES);
            Files.deleteIfExists(DECISIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "openwaas.callback.node-public-keys", DIR.resolve("node-0.pub.pem") + "," + DIR.resolve("node-1.pub.pem"),
                "openwaas.callback.private-key", DIR.resolve("server.pem").toString(),
                "openwaas.callback.rules-file", RULES.toString(),
                "openwaas.callback.decision-log", DECISIONS.toString());
    }

    @Override
    public void stop() {
    }
}
