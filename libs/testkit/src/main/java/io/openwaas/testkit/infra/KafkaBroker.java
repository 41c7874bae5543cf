package io.openwaas.testkit.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker + controller) in its own JVM. Its classpath comes from the
 * {@code openwaas-kafka-broker} artifact, so none of Kafka's server jars are on the caller's classpath.
 *
 * <p>The data directory survives {@link #stop()} / {@link #start()}, so a test can take the broker away and bring
 * the same one back, and {@code bin/waas} keeps its topics across restarts. The broker's process is found through
 * the pid file in its directory, so any {@code KafkaBroker} opened on the same directory ({@link #open}) controls
 * the same process — whichever class loader it lives in.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "META-INF/openwaas/kafka-broker.classpath";
    private static final String LOG4J_RESOURCE = "META-INF/openwaas/kafka-broker-log4j2.properties";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Path pidFile;

    private KafkaBroker(Path dir, int port, int ignored) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = port + 1;
        this.logFile = dir.resolve("broker.log");
        this.pidFile = dir.resolve("broker.pid");
    }

    /** A handle on a broker prepared before in {@code dir} with the given client port (controller on port + 1). */
    public static KafkaBroker open(Path dir, int port) {
        return new KafkaBroker(dir, port, port + 1);
    }

    /**
     * Prepares (formats on first use) and starts a broker.
     *
     * @param dir  its home: {@code server.properties}, data and log live below it
     * @param port client port on 127.0.0.1 (the controller listens on {@code port + 1}), or 0 for free ones
     */
    public static KafkaBroker start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        // A broker of this directory still running is a leftover of a start whose owner died: it holds the data
        // directory's lock (and perhaps the port), so the new one could not start.
        open(dir, port).kill();
        KafkaBroker broker = new KafkaBroker(dir, port > 0 ? port : freePortPair(), 0);
        broker.configure();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process().map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts the (stopped) broker again with the same data and port; waits until it answers. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        Process process = java("kafka.Kafka", dir.resolve("server.properties").toString()).start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        awaitReady(process.toHandle(), Duration.ofSeconds(60));
    }

    /**
     * Kills the broker (SIGKILL: no controlled shutdown, which can take many seconds) and waits until it is gone: a
     * throwaway test broker when its JVM exits, or one that ignored SIGTERM.
     */
    public synchronized void kill() {
        process().ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // SIGKILL sent: nothing more can be done
            }
        });
    }

    /** Stops the broker (SIGTERM, then kill) and waits until it is gone. Its data stay. */
    public synchronized void stop() {
        process().ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                kill();
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: the pid is checked for liveness
        }
    }

    private java.util.Optional<ProcessHandle> process() {
        try {
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // only a broker of this directory: a stale pid file's number may belong to another process by now
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Creates topics that do not exist yet: 1 partition each unless given, {@code compacted} ones with cleanup.policy=compact. */
    public void createTopics(Collection<String> topics, Collection<String> compacted) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String t : topics) {
                NewTopic topic = new NewTopic(t, 1, (short) 1);
                if (compacted.contains(t)) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                wanted.add(topic);
            }
            admin.createTopics(wanted).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void configure() throws IOException {
        Path props = dir.resolve("server.properties");
        Path data = dir.resolve("data");
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.cleaner.min.compaction.lag.ms=0",
                "log.segment.bytes=16777216",
                // the broker stamps every record: control records' signing times are checked against it (replays)
                "log.message.timestamp.type=LogAppendTime",
                "");
        Files.writeString(props, config, StandardCharsets.UTF_8);
        if (!Files.exists(data.resolve("meta.properties"))) {
            // No meta.properties: never formatted, or a format that was interrupted. Whatever is there is no broker
            // data; a second format would refuse it.
            if (Files.exists(data)) {
                Trees.deleteQuietly(data);
            }
            String clusterId = clusterId();
            Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toString()).start();
            try {
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IOException("formatting Kafka storage failed, see " + logFile);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while formatting Kafka storage", e);
            }
        }
    }

    private ProcessBuilder java(String mainClass, String... args) throws IOException {
        Path log4j = dir.resolve("log4j2.properties");
        try (InputStream in = resource(LOG4J_RESOURCE)) {
            Files.write(log4j, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                // the caller's temp directory (bin/waas: under .waas/), not the shared default
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", brokerClasspath(),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private void awaitReady(ProcessHandle process, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited, see " + logFile);
            }
            if (answers()) {
                return;
            }
            try {
                process.onExit().get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | ExecutionException stillRunning) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Kafka", e);
            }
        }
        throw new IOException("Kafka broker not ready after " + timeout + ", see " + logFile);
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static String brokerClasspath() {
        try (InputStream in = resource(CLASSPATH_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not on the classpath: build libs/kafka-broker first");
        }
        return in;
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (22 characters), not starting with '-'
     * (the storage tool would read it as an option, as Kafka's own generator also avoids).
     */
    private static String clusterId() {
        String id;
        do {
            UUID u = UUID.randomUUID();
            byte[] b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array();
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (id.startsWith("-"));
        return id;
    }

    /** A free port whose successor is free too (client and controller listeners). */
    static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            if (port < 65535 && free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two consecutive free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 0, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
