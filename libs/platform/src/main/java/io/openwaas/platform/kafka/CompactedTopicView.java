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
 * parser refuses (returns null or throws) is logged and ignored, or, for a view made {@linkplain Refused#REMOVES_KEY
 * fail closed}, removes the key as a tombstone would (an unreadable revocation must not leave a key usable). A view
 * with a {@link Gate} (the signature check of a control topic) first asks it about every record, tombstones included:
 * a record the gate refuses changes nothing at all — a forged record must not even remove a key.
 *
 * <p>{@link #lastContact()} is when the thread last heard from the broker (a poll that returned records, or a check
 * of the end offsets every {@value #CONTACT_CHECK_MS} ms): a consumer that keeps failing or a broker that has gone
 * leaves it behind, which {@link #fresh(Duration)} reports (readiness).
 *
 * <p>Not a CDI bean: a bean owns one and calls {@link #start()} / {@link #stop()} from its lifecycle observers.
 *
 * @param <V> the parsed value
 */
public final class CompactedTopicView<V> {

    /**
     * Turns one record into a value; null (or an exception) means "ignore this record". It gets the whole record:
     * key, value, headers (who signed it), timestamp.
     */
    @FunctionalInterface
    public interface Parser<V> {
        V parse(ConsumerRecord<String, String> record) throws Exception;
    }

    /** Whether a record may touch the view at all (e.g. its producer's signature verifies). */
    @FunctionalInterface
    public interface Gate {
        boolean admits(ConsumerRecord<String, String> record);
    }

    /** What a record the parser refuses does to the view. */
    public enum Refused {
        /** It is ignored: the key keeps its current value. */
        IGNORED,
        /** It removes the key's value, like a tombstone (fail closed). */
        REMOVES_KEY
    }

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);
    private static final Duration POLL = Duration.ofMillis(100);
    static final long CONTACT_CHECK_MS = 2000;

    private final String topic;
    private final String bootstrapServers;
    private final String clientId;
    private final Parser<V> parser;
    private final BinaryOperator<V> merge;
    private final Refused refused;
    private final Gate gate;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile long lastContactMillis;
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
        this(topic, bootstrapServers, clientId, parser, merge, Refused.IGNORED, record -> true);
    }

    /**
     * @param refused what a record the parser refuses does ({@link Refused#REMOVES_KEY}: fail closed)
     * @see #CompactedTopicView(String, String, String, Parser, BinaryOperator)
     */
    public CompactedTopicView(String topic, String bootstrapServers, String clientId, Parser<V> parser,
                              BinaryOperator<V> merge, Refused refused) {
        this(topic, bootstrapServers, clientId, parser, merge, refused, record -> true);
    }

    /**
     * @param gate asked first about every record, tombstones included; a record it refuses changes nothing
     * @see #CompactedTopicView(String, String, String, Parser, BinaryOperator, Refused)
     */
    public CompactedTopicView(String topic, String bootstrapServers, String clientId, Parser<V> parser,
                              BinaryOperator<V> merge, Refused refused, Gate gate) {
        this.gate = gate;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.parser = parser;
        this.merge = merge;
        this.refused = refused;
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

    /** When the view last heard from the broker (epoch ms; 0 before the first contact). */
    public long lastContact() {
        return lastContactMillis;
    }

    /**
     * Whether the view has caught up and heard from the broker within {@code staleAfter}: false while its consumer
     * keeps failing or the broker is gone (then newer records, revocations among them, cannot reach it).
     */
    public boolean fresh(Duration staleAfter) {
        return caughtUp && System.currentTimeMillis() - lastContactMillis <= staleAfter.toMillis();
    }

    /** Applies one record as if read from the topic (the thread calls it; tests may too). */
    public void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        String value = record.value();
        if (key == null || !gate.admits(record)) {
            return;
        }
        if (value == null) {
            values.remove(key);
            return;
        }
        V parsed;
        try {
            parsed = parser.parse(record);
        } catch (Exception e) {
            refuse(key, e.getClass().getSimpleName());
            return;
        }
        if (parsed != null) {
            values.merge(key, parsed, merge);
        } else if (refused == Refused.REMOVES_KEY) {
            refuse(key, "refused by the parser");
        }
    }

    private void refuse(String key, String why) {
        if (refused == Refused.REMOVES_KEY) {
            values.remove(key);
            LOG.warnf("malformed %s record for key %s (%s): the key is removed (fail closed)", topic, key, why);
        } else {
            LOG.warnf("ignoring malformed %s record for key %s: %s", topic, key, why);
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
        long checked = System.currentTimeMillis();
        lastContactMillis = checked;
        while (running) {
            var records = c.poll(POLL);
            for (ConsumerRecord<String, String> r : records) {
                apply(r);
            }
            long now = System.currentTimeMillis();
            if (!records.isEmpty()) {
                lastContactMillis = now;
            } else if (now - checked >= CONTACT_CHECK_MS) {
                // A poll returns nothing both when nothing is new and when the broker is gone: ask it.
                c.endOffsets(assigned, Duration.ofSeconds(5));
                checked = now;
                lastContactMillis = System.currentTimeMillis();
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
