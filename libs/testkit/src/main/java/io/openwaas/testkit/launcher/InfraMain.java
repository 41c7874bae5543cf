package io.openwaas.testkit.launcher;

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

    /** The topics of ARCHITECTURE.md; their {@code .dlq} twins are created on first use. */
    public static final List<String> TOPICS = List.of(
            "transaction.created", "transaction.updated", "transaction.succeeded", "transaction.failed",
            "wallet.balance.updated", "wallet.address.created",
            "iam.api-keys",
            "tss.requests", "tss.results", "tss.peer", "tss.nodes",
            "approval.requested", "approval.decided",
            "travel-rule.challenge.updated");

    /** Compacted topics: the latest record per key is the state. */
    public static final List<String> COMPACTED = List.of("iam.api-keys", "tss.nodes");

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".waas")).toAbsolutePath();
        int pgPort = Integer.parseInt(option(args, "--postgres-port", "55432"));
        int kafkaPort = Integer.parseInt(option(args, "--kafka-port", "59092"));
        Path run = Files.createDirectories(home.resolve("run"));
        Path ready = run.resolve("infra.ready");
        Files.deleteIfExists(ready);

        long t0 = System.nanoTime();
        Path kafkaHome = home.resolve("data").resolve("kafka");
        Path pgData = home.resolve("data").resolve("postgres");
        Files.createDirectories(pgData.getParent());
        AtomicReference<KafkaBroker> broker = new AtomicReference<>();
        AtomicReference<EmbeddedPostgresServer> postgres = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // best effort
            }
            KafkaBroker b = broker.get();
            if (b != null) {
                b.stop();
                log("Kafka stopped");
            }
            try {
                if (postgres.get() != null) {
                    postgres.get().close();
                    log("PostgreSQL stopped");
                }
            } catch (IOException e) {
                log("stopping PostgreSQL failed: " + e);
            }
            stopped.countDown();
        }, "infra-shutdown"));

        // The broker (its own JVM, ~5-10 s) starts while PostgreSQL starts and gets its databases.
        log("starting Kafka on 127.0.0.1:" + kafkaPort + " (home " + kafkaHome + ")");
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
            try {
                KafkaBroker b = KafkaBroker.start(kafkaHome, kafkaPort);
                broker.set(b);
                b.createTopics(TOPICS, COMPACTED);
                log(String.format("Kafka ready in %.1f s, %d topics", secondsSince(t0), TOPICS.size()));
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        log("starting PostgreSQL on 127.0.0.1:" + pgPort + (fresh ? " (new data directory " : " (data ") + pgData + ")");
        postgres.set(EmbeddedPostgresServer.start(pgPort, pgData));
        for (String db : DATABASES) {
            postgres.get().ensureDatabase(db);
        }
        log(String.format("PostgreSQL ready in %.1f s, databases %s", secondsSince(t0), DATABASES));
        try {
            kafka.join();
        } catch (CompletionException e) {
            log("Kafka did not start: " + e.getCause());
            System.exit(1);
        }

        // Pids of the processes this one started (the broker JVM, the postmaster), so that `bin/waas down`
        // can still stop them if this process had to be killed.
        String children = ProcessHandle.current().descendants().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining("\n"));
        String postmaster = readPostmasterPid(pgData);
        Files.writeString(run.resolve("infra.children"),
                children + (postmaster == null ? "" : "\n" + postmaster) + "\n", StandardCharsets.UTF_8);
        Files.writeString(ready, "postgres=127.0.0.1:" + pgPort + "\nkafka=127.0.0.1:" + kafkaPort + "\n",
                StandardCharsets.UTF_8);
        log(String.format("infrastructure ready in %.1f s", secondsSince(t0)));
        stopped.await();
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
        System.out.println(java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + " [infra] " + message);
    }
}
