package io.openwaas.tss.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.testkit.infra.ControlKeys;
import io.openwaas.testkit.infra.EmbeddedPostgresServer;
import io.openwaas.testkit.infra.KafkaBroker;
import io.openwaas.testkit.infra.TestOperator;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.openwaas.testkit.process.ServiceProcess;
import io.openwaas.tsscallback.RsaPem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real thing, on one machine: embedded PostgreSQL (one database per node), a Kafka broker in its own JVM, the
 * reference callback server and three TSS node processes from the packaged jars. Node 2 reaches the callback
 * server through a {@link CallbackGate} the tests can silence; node 1 speaks Cobo's {@code package_data} envelope
 * to it, the others the plain one. Tests talk to the nodes only as wallet-service and
 * transaction-service do: commands on {@code tss.requests}, reports from {@code tss.results}.
 */
final class TssCluster implements AutoCloseable {

    static final ObjectMapper MAPPER = JsonConfig.newMapper();
    static final int NODES = 3;

    final Path dir;
    final EmbeddedPostgresServer postgres;
    final KafkaBroker kafka;
    final ServiceProcess callbackServer;
    final CallbackGate gate;
    final List<ServiceProcess> nodes = new ArrayList<>();
    final List<byte[]> keks = new ArrayList<>();
    final Path rulesFile;
    private final KafkaProducer<String, String> producer;
    private final KafkaProducer<String, byte[]> rawProducer;
    private final Map<String, List<TssResult>> results = new ConcurrentHashMap<>();
    private final List<byte[]> peerRecords = new CopyOnWriteArrayList<>();
    private volatile boolean reading = true;

    static String nodeId(int i) {
        return "tss-node-" + i;
    }

    TssCluster() throws Exception {
        dir = Files.createTempDirectory("openwaas-tss-it-");
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        postgres = EmbeddedPostgresServer.start(0, null);
        kafka = KafkaBroker.start(dir.resolve("kafka"), 0);
        // if starting the rest fails, the broker JVM and the processes must not outlive the tests
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopProcesses));
        kafka.createTopics(Topics.ALL, Topics.COMPACTED);
        SecureRandom rnd = new SecureRandom();

        KeyPair serverKey = RsaPem.randomKeyPair();
        RsaPem.write(dir.resolve("callback-server.pem"), serverKey.getPrivate());
        RsaPem.write(dir.resolve("callback-server.pub.pem"), serverKey.getPublic());
        List<String> nodePubs = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            KeyPair k = RsaPem.randomKeyPair();
            RsaPem.write(dir.resolve("node-" + i + ".pem"), k.getPrivate());
            RsaPem.write(dir.resolve("node-" + i + ".pub.pem"), k.getPublic());
            nodePubs.add(dir.resolve("node-" + i + ".pub.pem").toString());
        }
        rulesFile = dir.resolve("rules.json");
        Files.writeString(rulesFile, """
                {"allowed_request_types": ["Ping", "KeyGen", "KeySign", "KeyReshare"],
                 "address_allowlist": [],
                 "allow_sign_without_destination": true,
                 "allow_sign_without_amount": true,
                 "max_amount_per_token": {"ETH": "1000000000000000000"}}
                """);
        int callbackPort = freePort();
        callbackServer = ServiceProcess.start("tss-callback-server",
                repo.resolve("tss-callback-server/target/quarkus-app/quarkus-run.jar"),
                Map.of("OPENWAAS_CALLBACK_NODE_PUBLIC_KEYS", String.join(",", nodePubs),
                        "OPENWAAS_CALLBACK_PRIVATE_KEY", dir.resolve("callback-server.pem").toString(),
                        "OPENWAAS_CALLBACK_RULES_FILE", rulesFile.toString(),
                        "OPENWAAS_CALLBACK_DECISION_LOG", dir.resolve("decisions.jsonl").toString(),
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestOperator.publicKeyFile().toString()),
                callbackPort, dir.resolve("logs/callback-server.log"));
        gate = new CallbackGate(freePort(), callbackPort);
        callbackServer.awaitReady(Duration.ofSeconds(90));

        Path nodeJar = repo.resolve("tss-service/target/quarkus-app/quarkus-run.jar");
        for (int i = 0; i < NODES; i++) {
            String db = "tss_node_" + i;
            postgres.ensureDatabase(db);
            byte[] kek = new byte[32];
            rnd.nextBytes(kek);
            keks.add(kek);
            int callbackVia = i == 2 ? gate.port() : callbackPort;
            Map<String, String> env = new HashMap<>(TssNodesTestResource.nodeEnvironment(i, kek, postgres, kafka));
            env.put("OPENWAAS_TSS_SESSION_TIMEOUT", "8s");
            env.put("OPENWAAS_TSS_CALLBACK_URL", "http://127.0.0.1:" + callbackVia);
            env.put("OPENWAAS_TSS_CALLBACK_SERVER_PUBLIC_KEY", dir.resolve("callback-server.pub.pem").toString());
            env.put("OPENWAAS_TSS_CALLBACK_NODE_PRIVATE_KEY", dir.resolve("node-" + i + ".pem").toString());
            env.put("OPENWAAS_TSS_CALLBACK_MAX_ATTEMPTS", "2");
            env.put("OPENWAAS_TSS_CALLBACK_ATTEMPT_TIMEOUT", "1s");
            env.put("OPENWAAS_TSS_CALLBACK_INITIAL_BACKOFF", "100ms");
            if (i == 1) {
                env.put("OPENWAAS_TSS_CALLBACK_ENVELOPE", "package-data"); // Cobo's envelope, for one node
            }
            nodes.add(ServiceProcess.start(nodeId(i), nodeJar, env, freePort(), dir.resolve("logs/" + nodeId(i) + ".log"))
                    .withOperatorToken(TestOperator.token()));
        }
        producer = new KafkaProducer<>(producerProps(StringSerializer.class));
        rawProducer = new KafkaProducer<>(producerProps(ByteArraySerializer.class));
        startReaders();
        for (ServiceProcess n : nodes) {
            n.awaitReady(Duration.ofSeconds(180));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Properties producerProps(Class<?> valueSerializer) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", valueSerializer.getName());
        p.put("acks", "all");
        p.put("linger.ms", "0");
        return p;
    }

    private void startReaders() {
        Thread t = new Thread(() -> {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("key.deserializer", StringDeserializer.class.getName());
            p.put("value.deserializer", StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = new ArrayList<>();
                c.partitionsFor(Topics.TSS_RESULTS).forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(parts);
                c.seekToBeginning(parts);
                while (reading) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        try {
                            TssResult res = MAPPER.readValue(r.value(), TssResult.class);
                            results.computeIfAbsent(res.requestId(), k -> new CopyOnWriteArrayList<>()).add(res);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }, "it-results-reader");
        t.setDaemon(true);
        t.start();
        Thread peers = new Thread(() -> {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("key.deserializer", StringDeserializer.class.getName());
            p.put("value.deserializer", ByteArrayDeserializer.class.getName());
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = new ArrayList<>();
                c.partitionsFor(Topics.TSS_PEER).forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(parts);
                c.seekToEnd(parts);
                while (reading) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        peerRecords.add(r.value());
                    }
                }
            }
        }, "it-peer-reader");
        peers.setDaemon(true);
        peers.start();
    }

    /** Publishes a command as wallet-service does (CloudEvents binary mode, key = request id, signed by it). */
    void submit(TssRequest request) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(Topics.TSS_REQUESTS, request.requestId(),
                MAPPER.writeValueAsString(request));
        CloudEventHeaders.write(r.headers(), UUID.randomUUID().toString(), "/it", EventType.TSS_REQUEST_SUBMITTED,
                request.requestId(), System.currentTimeMillis(), request.orgId(), 1);
        producer.send(ControlKeys.sign(r, ControlKeys.WALLET_SERVICE)).get();
    }

    /** Publishes raw bytes on {@code tss.peer} (forgery and replay tests). */
    void publishPeer(String key, byte[] value) throws Exception {
        rawProducer.send(new ProducerRecord<>(Topics.TSS_PEER, key, value)).get();
    }

    List<byte[]> peerRecords() {
        return List.copyOf(peerRecords);
    }

    List<TssResult> results(String requestId) {
        return List.copyOf(results.getOrDefault(requestId, List.of()));
    }

    private synchronized void stopProcesses() {
        for (ServiceProcess n : nodes) {
            n.stop();
        }
        if (callbackServer != null) {
            callbackServer.stop();
        }
        kafka.stop();
    }

    @Override
    public void close() {
        reading = false;
        gate.close();
        producer.close();
        rawProducer.close();
        stopProcesses();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // temporary directory
        }
    }
}
