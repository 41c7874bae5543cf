package io.openwaas.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

/**
 * A process-local view of a compacted topic: record key → the latest parsed value. A dedicated daemon thread reads
 * the topic from the beginning with an unassigned-group consumer (no group, no rebalance waits, nothing committed),
 * then follows it with short polls. The view is {@linkplain #caughtUp() caught up} once it has read up to the end
 * offsets it saw when it (re)connected for the first time. A tombstone (null value) removes the key; a value the
 * parser refuses (returns null or throws) is logged and ignored.
 *
 * <p>Not a CDI bean: a bean owns one and calls {@link #start()} / {@link #stop()} from its lifecycle observers.
 *
 * @param <V> the parsed value
 */
public final class CompactedTopicView<V> {

    /** Turns one record into a value; null (or an exception) means "ignore this record". */
    @FunctionalInterface
    public interface Parser<V> {
        V parse(String key, String value) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final String bootstrapServers;
    private final String clientId;
    private final Parser<V> parser;
    private final BinaryOperator<V> merge;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /**
     * @param topic            the compacted topic
     * @param bootstrapServers Kafka bootstrap servers
     * @param clientId         the consumer's client id (also the thread's name)
     * @param parser           record → value
     * @param merge            (current, incoming) → the value to keep, e.g. the one with the higher version
     */
    public CompactedTopicView(String topic, String bootstrapServers, String clientId, Parser<V> parser,
                              BinaryOperator<V> merge) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.parser = parser;
        this.merge = merge;
    }

    /** Starts following the topic on its own thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread (waits up to 5 s). */
    public void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The key's current value, if any. */
    public Optional<V> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(values.get(key));
    }

    /** A snapshot of every current value, by key. */
    public Map<String, V> snapshot() {
        return Map.copyOf(values);
    }

    /** Whether the view has read everything that was on the topic when it first connected. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Applies one record as if read from the topic (the thread calls it; tests may too). */
    public void apply(String key, String value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            values.remove(key);
            return;
        }
        V parsed;
        try {
            parsed = parser.parse(key, value);
        } catch (Exception e) {
            LOG.warnf("ignoring malformed %s record for key %s: %s", topic, key, e.getClass().getSimpleName());
            return;
        }
        if (parsed != null) {
            values.merge(key, parsed, merge);
        }
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
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
                LOG.warnf("%s consumer failed (%s), retrying", clientId, e.getMessage());
                sleepQuietly(1000);
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> c) {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = Optional.ofNullable(c.partitionsFor(topic, Duration.ofSeconds(5))).orElse(List.of());
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
                LOG.infof("%s caught up: %d keys", clientId, values.size());
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
