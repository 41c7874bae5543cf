package io.openwaas.testkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quarkus test resource: one real Kafka broker (own JVM) per test JVM, shared by every test class of a module.
 * Init args: {@code topics} (comma list to pre-create, which saves the consumers' waits) and {@code compacted}
 * (those of them to create with cleanup.policy=compact).
 *
 * <p>Tests stop and start the broker with {@link #stopBroker()} / {@link #startBroker()}, which work whichever class
 * loader the test runs in (the broker is found through system properties holding its directory and port).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOME_PROPERTY = "openwaas-testkit.kafka.home";
    private static final String PORT_PROPERTY = "openwaas-testkit.kafka.port";
    private static KafkaBroker broker;

    private List<String> topics = List.of();
    private Set<String> compacted = Set.of();

    @Override
    public void init(Map<String, String> initArgs) {
        topics = split(initArgs.get("topics"));
        compacted = Set.copyOf(split(initArgs.get("compacted")));
    }

    @Override
    public Map<String, String> start() {
        try {
            KafkaBroker b = broker();
            b.createTopics(topics, compacted);
            return Map.of("kafka.bootstrap.servers", b.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded Kafka", e);
        }
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped by the shutdown hook at JVM exit.
    }

    /** Stops the shared broker; its data stay. */
    public static void stopBroker() {
        shared().stop();
    }

    /** Starts the shared broker again (same data and port) and waits until it answers. */
    public static void startBroker() {
        try {
            shared().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static KafkaBroker shared() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            throw new IllegalStateException("KafkaTestResource has not started a broker in this JVM");
        }
        return KafkaBroker.open(Path.of(home), Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }

    static synchronized KafkaBroker broker() throws Exception {
        if (broker == null) {
            Path dir = testDirectory("kafka-");
            KafkaBroker started = KafkaBroker.start(dir, 0);
            // At JVM exit the tests are over: no controlled shutdown (it waits for clients that are going too).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.kill();
                Trees.deleteQuietly(dir);
            }));
            System.setProperty(HOME_PROPERTY, dir.toString());
            System.setProperty(PORT_PROPERTY, Integer.toString(started.port()));
            broker = started;
        }
        return broker;
    }

    /**
     * A new directory for one test JVM's infrastructure under {@code openwaas.test.dir} (the parent POM sets it to the
     * module's {@code target/openwaas-test}), else under the JVM temp directory.
     */
    static Path testDirectory(String prefix) throws java.io.IOException {
        String base = System.getProperty("openwaas.test.dir");
        if (base == null || base.isBlank()) {
            return Files.createTempDirectory("openwaas-" + prefix);
        }
        Path parent = Files.createDirectories(Path.of(base));
        return Files.createTempDirectory(parent, prefix);
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
