package io.openwaas.testkit.infra;

import io.openwaas.platform.events.signing.RecordSigner;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control-plane keys of tests: every producer's Ed25519 seed is derived from its name (SHA-256 of a test-only
 * tag and the name), so every module's tests, every node process and every fake producer agree on the keys and the
 * pins without passing files around. Never for anything but tests. Pinned: {@code wallet-service},
 * {@code transaction-service}, the real nodes {@code tss-node-0..}{@value #REAL_NODES}{@code -1}, and a pool of
 * {@value #FAKE_NODES} fake node ids ({@link #fakeNodes(int)}) that tests playing a node's side may sign as.
 */
public final class ControlKeys {

    public static final String WALLET_SERVICE = "wallet-service";
    public static final String TRANSACTION_SERVICE = "transaction-service";
    public static final int REAL_NODES = 5;
    public static final int FAKE_NODES = 300;

    private static final AtomicInteger NEXT_FAKE = new AtomicInteger();
    private static Path dir;

    private ControlKeys() {
    }

    /** The seed of a producer (32 bytes). */
    public static byte[] seed(String name) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("openwaas-test-only-control-key|" + name).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String seedHex(String name) {
        return HexFormat.of().formatHex(seed(name));
    }

    /** The producer's signer. */
    public static RecordSigner signer(String name) {
        return RecordSigner.wrap(name, seed(name));
    }

    public static String publicKeyHex(String name) {
        return signer(name).publicKeyHex();
    }

    /** Signs a record now as {@code name} (CloudEvent headers first). */
    public static <R extends ProducerRecord<String, String>> R sign(R record, String name) {
        signer(name).sign(record.topic(), record.key(), record.headers(),
                record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static String realNode(int i) {
        return "tss-node-" + i;
    }

    /** {@code n} fake node ids never handed out before in this JVM (pinned like real nodes). */
    public static List<String> fakeNodes(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = NEXT_FAKE.getAndIncrement();
            if (k >= FAKE_NODES) {
                throw new IllegalStateException("the pool of " + FAKE_NODES + " pinned fake node ids is used up");
            }
            ids.add(fakeNode(k));
        }
        return ids;
    }

    private static String fakeNode(int k) {
        return String.format("fake-node-%03d", k);
    }

    /** Every node id pinned: the real ones, then the fake ones. */
    public static List<String> nodes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < REAL_NODES; i++) {
            out.add(realNode(i));
        }
        for (int k = 0; k < FAKE_NODES; k++) {
            out.add(fakeNode(k));
        }
        return out;
    }

    /** The file of pinned keys ({@code name:hex} a line) every test service reads; made once per JVM. */
    public static synchronized Path trustedKeysFile() {
        Path file = directory().resolve("control-trusted-keys");
        if (!Files.exists(file)) {
            StringBuilder s = new StringBuilder("# test-only control-plane pins (ControlKeys)\n");
            List<String> names = new ArrayList<>(List.of(WALLET_SERVICE, TRANSACTION_SERVICE));
            names.addAll(nodes());
            for (String name : names) {
                s.append(name).append(':').append(publicKeyHex(name)).append('\n');
            }
            write(file, s.toString());
        }
        return file;
    }

    /** A 0600 file holding {@code name}'s seed (hex), as bin/waas writes them. */
    public static synchronized Path seedFile(String name) {
        Path file = directory().resolve(name + ".ed25519");
        if (!Files.exists(file)) {
            write(file, seedHex(name) + "\n");
        }
        return file;
    }

    /** The Quarkus properties of a service signing as {@code name} and trusting every test producer. */
    public static Map<String, String> properties(String name) {
        Map<String, String> p = new HashMap<>();
        p.put("openwaas.control.signing-key-file", seedFile(name).toString());
        p.put("openwaas.control.trusted-keys-file", trustedKeysFile().toString());
        p.put("openwaas.control.nodes", String.join(",", nodes()));
        return p;
    }

    /** The same as environment variables (for service processes). */
    public static Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        properties(name).forEach((k, v) -> env.put(k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        return env;
    }

    private static Path directory() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("openwaas-test-control-keys-");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static void write(Path file, String content) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
