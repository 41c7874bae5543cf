package io.openwaas.testkit.infra;

import io.openwaas.testkit.process.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: real TSS nodes ({@code tss-node-0..n-1}, party ids 1..n) as their own processes, from the
 * packaged {@code tss-service} ({@code ../tss-service/target/quarkus-app/quarkus-run.jar}: a module whose tests use
 * this depends on tss-service, so the reactor packages it first). They share the test JVM's embedded PostgreSQL (one
 * database each) and Kafka broker, have no callback server and run in the approve-all test mode (they approve every
 * request and say so in {@code /admin/status}), sign and verify control records with the keys of {@link ControlKeys},
 * and are ready before the first test. One set per test JVM; init arg {@code nodes} (default 3). Node logs go to
 * {@code target/tss-nodes/}.
 */
public class TssNodesTestResource implements QuarkusTestResourceLifecycleManager {

    private static final List<ServiceProcess> NODES = new ArrayList<>();
    private int count = 3;

    @Override
    public void init(Map<String, String> initArgs) {
        count = Integer.parseInt(initArgs.getOrDefault("nodes", "3"));
    }

    @Override
    public Map<String, String> start() {
        try {
            return startNodes(count);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the TSS nodes: " + e.getMessage(), e);
        }
    }

    private static synchronized Map<String, String> startNodes(int count) throws Exception {
        if (NODES.isEmpty()) {
            EmbeddedPostgresServer pg = PostgresTestResource.server();
            KafkaBroker kafka = KafkaTestResource.broker();
            kafka.createTopics(List.of("tss.nodes", "tss.requests", "tss.results", "tss.peer"), List.of("tss.nodes"));
            Path module = Path.of(System.getProperty("user.dir"));
            Path jar = module.resolveSibling("tss-service").resolve("target/quarkus-app/quarkus-run.jar");
            Path logs = module.resolve("target/tss-nodes");
            Files.createDirectories(logs);
            SecureRandom rnd = new SecureRandom();
            for (int i = 0; i < count; i++) {
                String db = "tss_node_" + i;
                pg.ensureDatabase(db);
                byte[] kek = new byte[32];
                rnd.nextBytes(kek);
                Map<String, String> env = new HashMap<>(nodeEnvironment(i, kek, pg, kafka));
                env.put("OPENWAAS_TSS_CALLBACK_APPROVE_ALL_TEST_MODE", "true");
                NODES.add(ServiceProcess.start("tss-node-" + i, jar, env, freePort(), logs.resolve("tss-node-" + i + ".log"))
                        .withOperatorToken(TestOperator.token()));
            }
            // At JVM exit the tests are over: a graceful stop would wait for a broker and database going away too.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> NODES.forEach(ServiceProcess::kill)));
            for (ServiceProcess n : NODES) {
                n.awaitReady(Duration.ofSeconds(180));
            }
        }
        return Map.of();
    }

    /**
     * The environment of node {@code index} ({@code tss-node-<index>}, party id {@code index + 1}, database
     * {@code tss_node_<index>}, which must exist): what every test that runs nodes starts them with. Secrets go in
     * files of mode 0600 (the KEK, the node's control identity key), as bin/waas passes them. No callback server and
     * no approve-all mode: such a node refuses every request.
     */
    public static Map<String, String> nodeEnvironment(int index, byte[] kek, EmbeddedPostgresServer pg,
                                                      KafkaBroker kafka) {
        String db = "tss_node_" + index;
        Map<String, String> env = new HashMap<>();
        env.put("OPENWAAS_TSS_NODE_ID", "tss-node-" + index);
        env.put("OPENWAAS_TSS_PARTY_ID", Integer.toString(index + 1));
        env.put("OPENWAAS_TSS_KEK_FILE", kekFile(index, kek).toString());
        env.putAll(ControlKeys.environment("tss-node-" + index));
        env.put("OPENWAAS_TSS_HEARTBEAT_INTERVAL", "2s");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(db));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl(db));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestOperator.publicKeyFile().toString());
        return env;
    }

    private static Path kekFile(int index, byte[] kek) {
        try {
            Path file = Files.createTempFile("openwaas-test-tss-node-" + index + "-", ".kek",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(kek) + "\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the test KEK file", e);
        }
    }

    /** The running nodes (e.g. to read {@code /admin/keys}: their {@code get} sends the operator token). */
    public static synchronized List<ServiceProcess> nodes() {
        return List.copyOf(NODES);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped by the shutdown hook at JVM exit.
    }
}
