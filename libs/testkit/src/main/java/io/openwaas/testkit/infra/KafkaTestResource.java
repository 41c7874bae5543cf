package io.openwaas.testkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Quarkus test resource: one real Kafka broker (own JVM) per test JVM, shared by every test class of a module.
 * Init args: {@code topics} (comma list to pre-create, which saves the consumers' waits) and {@code compacted}
 * (those of them to create with cleanup.policy=compact).
 *
 * <p>Tests control the broker through {@link #control()} (stop/start), which works whichever class loader the test
 * runs in.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String CONTROL_KEY = "openwaas.testkit.kafka.control";
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

    /** Stop and start the shared broker from a test: {@code control().accept("stop")} / {@code "start"}. */
    @SuppressWarnings("unchecked")
    public static Consumer<String> control() {
        Object c = System.getProperties().get(CONTROL_KEY);
        if (c == null) {
            throw new IllegalStateException("KafkaTestResource has not started a broker in this JVM");
        }
        return (Consumer<String>) c;
    }

    static synchronized KafkaBroker broker() throws Exception {
        if (broker == null) {
            Path dir = Files.createTempDirectory("openwaas-kafka-");
            KafkaBroker started = KafkaBroker.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            Consumer<String> control = command -> {
                try {
                    switch (command) {
                        case "stop" -> started.stop();
                        case "start" -> started.start();
                        default -> throw new IllegalArgumentException("unknown broker command " + command);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            System.getProperties().put(CONTROL_KEY, control);
            broker = started;
        }
        return broker;
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
