package io.openwaas.testkit.launcher;

import io.openwaas.platform.events.Topics;
import io.openwaas.testkit.infra.EmbeddedPostgresServer;
import io.openwaas.testkit.infra.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The infrastructure process of {@code bin/waas}: embedded PostgreSQL on 55432 and a real Kafka broker on 59092,
 * both keeping their data under {@code <home>/data}. It creates the services' databases and the platform's topics,
 * writes {@code <home>/run/infra.ready} once both answer, and on SIGTERM stops the broker, then PostgreSQL.
 *
 * <p>Usage: {@code InfraMain [--home .waas] [--postgres-port 55432] [--kafka-port 59092]}.
 */
public final class InfraMain {

    /** One database per service (ARCHITECTURE.md), plus one per TSS node. */
    public static final List<String> DATABASES = List.of(
            "wallet", "transaction", "webhook", "travel_rule", "tss_node_0", "tss_node_1", "tss_node_2");

    /** The topics of ARCHITECTURE.md, as libs/platform defines them. */
    public static final List<String> TOPICS = Topics.ALL;

    /** Compacted topics: the latest record per key is the state. */
    public static final List<String> COMPACTED = Topics.COMPACTED;

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".waas")).toAbsolutePath();
        int pgPort = Integer.parseInt(option(args, "--postgres-port", "55432"));
        int kafkaPort = Integer.parseInt(option(args, "--kafka-port", "59092"));
        Path run = Files.createDirectories(home.resolve("run"));
        Path ready = run.resolve("infra.ready");
        Files.deleteIfExists(ready);

        Infra infra = new Infra(home);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // best effort
            }
            infra.close();
            stopped.countDown();
        }, "infra-shutdown"));

        long t0 = System.nanoTime();
        try {
            infra.start(pgPort, kafkaPort);
        } catch (Exception | Error e) { // an Error too: an OutOfMemoryError while unpacking PostgreSQL is the classic
            log("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }

        // Pids of the processes this one started (the broker JVM, the postmaster), so that `bin/waas down`
        // can still stop them if this process had to be killed.
        String children = ProcessHandle.current().descendants().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining("\n"));
        String postmaster = readPostmasterPid(infra.postgresData());
        Files.writeString(run.resolve("infra.children"),
                children + (postmaster == null ? "" : "\n" + postmaster) + "\n", StandardCharsets.UTF_8);
        Files.writeString(ready, "postgres=127.0.0.1:" + infra.postgres().port() + "\nkafka="
                + infra.kafka().bootstrapServers() + "\n", StandardCharsets.UTF_8);
        log(String.format("infrastructure ready in %.1f s", (System.nanoTime() - t0) / 1e9));
        // A first start unpacks the PostgreSQL binaries (tens of MB of buffers); give that heap back: this process
        // only waits from now on.
        System.gc();
        stopped.await();
    }

    /**
     * PostgreSQL and Kafka with their data under {@code <home>/data}; {@link #close()} stops whatever has started,
     * also in the middle of {@link #start}.
     */
    public static final class Infra implements AutoCloseable {

        private final Path home;
        private final AtomicReference<EmbeddedPostgresServer> postgres = new AtomicReference<>();
        private final AtomicReference<KafkaBroker> kafka = new AtomicReference<>();
        /** The broker's start, running beside PostgreSQL's; {@link #close()} waits for it. */
        private volatile CompletableFuture<Void> brokerStart = CompletableFuture.completedFuture(null);

        public Infra(Path home) {
            this.home = home;
        }

        Path postgresData() {
            return home.resolve("data").resolve("postgres");
        }

        /** Where the PostgreSQL binaries are unpacked: under the home, never the shared JVM temp folder. */
        Path postgresBinaries() {
            return home.resolve("cache").resolve("embedded-pg");
        }

        Path kafkaHome() {
            return home.resolve("data").resolve("kafka");
        }

        public EmbeddedPostgresServer postgres() {
            return postgres.get();
        }

        public KafkaBroker kafka() {
            return kafka.get();
        }

        /**
         * Starts both (ports 0: free ones), the broker's JVM while PostgreSQL starts; creates the databases and the
         * topics that do not exist yet.
         */
        public void start(int pgPort, int kafkaPort) throws Exception {
            long t0 = System.nanoTime();
            Files.createDirectories(postgresData().getParent());
            log("starting Kafka on 127.0.0.1:" + kafkaPort + " (home " + kafkaHome() + ")");
            CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
                try {
                    KafkaBroker b = KafkaBroker.start(kafkaHome(), kafkaPort);
                    kafka.set(b);
                    b.createTopics(TOPICS, COMPACTED);
                    log(String.format("Kafka ready in %.1f s, %d topics", secondsSince(t0), TOPICS.size()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            brokerStart = broker;

            boolean fresh = !Files.exists(postgresData().resolve("PG_VERSION"));
            log("starting PostgreSQL on 127.0.0.1:" + pgPort + (fresh ? " (new data directory " : " (data ")
                    + postgresData() + ")");
            postgres.set(EmbeddedPostgresServer.start(pgPort, postgresData(), postgresBinaries()));
            for (String db : DATABASES) {
                postgres.get().ensureDatabase(db);
            }
            log(String.format("PostgreSQL ready in %.1f s, databases %s", secondsSince(t0), DATABASES));
            try {
                broker.join();
            } catch (CompletionException e) {
                throw new IOException("Kafka did not start", e.getCause());
            }
        }

        /**
         * Stops the broker, then PostgreSQL. A broker still starting (PostgreSQL failed first) is waited for and
         * stopped too, so that no broker outlives a failed start holding its port and data directory.
         */
        @Override
        public void close() {
            try {
                brokerStart.get(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // failed or still starting: stop whatever runs, below
            }
            KafkaBroker b = kafka.getAndSet(null);
            if (b == null && Files.exists(kafkaHome().resolve("broker.pid"))) {
                b = KafkaBroker.open(kafkaHome(), 0);
            }
            if (b != null) {
                b.stop();
                log("Kafka stopped");
            }
            EmbeddedPostgresServer pg = postgres.getAndSet(null);
            if (pg != null) {
                try {
                    pg.close();
                    log("PostgreSQL stopped");
                } catch (IOException e) {
                    log("stopping PostgreSQL failed: " + e);
                }
            }
        }
    }

    private static String readPostmasterPid(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? null : lines.get(0).trim();
        } catch (IOException e) {
            return null;
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void log(String message) {
        System.out.println(java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"))
                + " [infra] " + message);
    }
}
