package io.openwaas.platform.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.config.AuthConfig;
import io.openwaas.platform.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's local view of the compacted topic {@code iam.api-keys}: API key → organisation, scopes, status.
 * Every service verifies requests against it, so no service calls another to authenticate.
 *
 * <p>A dedicated thread reads the topic from the beginning with an unassigned-group consumer (no rebalance waits),
 * then follows it with short polls, so a revocation reaches every service within a poll interval of its
 * publication. The view is {@linkplain #caughtUp() caught up} once it has read up to the end offsets it saw at
 * start; readiness reports that.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final AuthConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public ApiKeyRegistry(ObjectMapper mapper, AuthConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "quarkus.application.name", defaultValue = "openwaas") String applicationName) {
        this.mapper = mapper;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent event) {
        if (!config.registryEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "api-key-registry");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The key's current record, if the view has one (active or revoked). */
    public Optional<ApiKeyRecord> find(String apiKey) {
        return Optional.ofNullable(keys.get(apiKey));
    }

    /** Whether the view has read everything that was on the topic when the service started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Applies one record: newer versions replace older ones; a tombstone removes the key. */
    void apply(String apiKey, String value) {
        if (apiKey == null) {
            return;
        }
        if (value == null) {
            keys.remove(apiKey);
            return;
        }
        try {
            ApiKeyRecord record = mapper.readValue(value, ApiKeyRecord.class);
            if (!apiKey.equals(record.apiKey())) {
                LOG.warnf("ignoring iam.api-keys record whose key %s differs from its api_key", apiKey);
                return;
            }
            keys.merge(apiKey, record, (old, neu) -> neu.version() >= old.version() ? neu : old);
        } catch (Exception e) {
            LOG.warnf("ignoring malformed iam.api-keys record for key %s: %s", apiKey, e.getClass().getSimpleName());
        }
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-api-key-registry");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                LOG.warnf("api-key registry consumer failed (%s), retrying", e.getMessage());
                sleepQuietly(1000);
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> c) {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = Optional.ofNullable(c.partitionsFor(Topics.IAM_API_KEYS, Duration.ofSeconds(5))).orElse(List.of());
            if (partitions.isEmpty()) {
                sleepQuietly(500);
            }
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(assigned);
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = c.endOffsets(assigned, Duration.ofSeconds(10));
        while (running) {
            for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                apply(r.key(), r.value());
            }
            if (!caughtUp && assigned.stream().allMatch(tp -> c.position(tp) >= end.getOrDefault(tp, 0L))) {
                caughtUp = true;
                LOG.infof("api-key registry caught up: %d keys", keys.size());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
