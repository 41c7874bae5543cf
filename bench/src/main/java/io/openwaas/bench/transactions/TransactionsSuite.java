package io.openwaas.bench.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openwaas.bench.BenchSuite;
import io.openwaas.bench.Credentials;
import io.openwaas.bench.Metric;
import io.openwaas.bench.Vaults;
import io.openwaas.bench.WaasApi;
import io.openwaas.bench.api.ApiSuite;
import io.openwaas.testkit.auth.CoboAuthSigner;
import io.openwaas.testkit.infra.DevChainClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.openwaas.bench.BenchSuite.option;

/**
 * {@code bin/waas bench transactions [--deposits 10] [--withdrawals 10] [--rate 500] [--seconds 5]
 * [--credentials .waas/credentials.env] [--kafka 127.0.0.1:59092]}: deposits and withdrawals on the dev chain of a
 * running {@code bin/waas up}, through the gateway, with a new vault (KeyGen on the three nodes), wallet and address.
 *
 * <ul>
 *   <li>{@code tx.deposit.block_to_event.p50_ms}: dev ETH sent to the address from anvil's account 0; from the moment
 *       its receipt exists (polled every 5 ms) to the moment {@code transaction.created} with its hash arrives on
 *       Kafka.</li>
 *   <li>{@code tx.withdrawal.submit_to_broadcast.p50_ms}, {@code .submit_to_completed.p50_ms}: one withdrawal at a
 *       time; from the POST to the moment the node has the signed transaction ({@code eth_getTransactionByHash}) and
 *       to {@code transaction.succeeded} (3 confirmations at one block a second).</li>
 *   <li>{@code tx.transfer.accept.rps}, {@code .p99_ms}: open-loop signed {@code POST /v2/transactions/transfer} at
 *       {@code --rate} for {@code --seconds} (validation, request-id lock, ledger reservation, outbox); signing goes
 *       on asynchronously, one at a time per address, and the ones still queued are cancelled afterwards.
 *       {@code tx.transfer.duplicates}: transaction ids answered twice (must be 0).</li>
 * </ul>
 */
public final class TransactionsSuite implements BenchSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public List<Metric> run(List<String> args) throws Exception {
        int deposits = Integer.parseInt(option(args, "--deposits", "10"));
        int withdrawals = Integer.parseInt(option(args, "--withdrawals", "10"));
        int rate = Integer.parseInt(option(args, "--rate", "500"));
        int seconds = Integer.parseInt(option(args, "--seconds", "5"));
        Path file = Path.of(option(args, "--credentials", ".waas/credentials.env"));
        String kafka = option(args, "--kafka", "127.0.0.1:59092");
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Credentials credentials = Credentials.read(file);
        if (credentials.devEthRpc().isEmpty()) {
            throw new IllegalStateException(file + " has no WAAS_DEV_ETH_RPC: the dev chain is off");
        }
        WaasApi api = WaasApi.fromCredentials(file, JSON);
        Rpc rpc = new Rpc(URI.create(credentials.devEthRpc()));
        Events events = new Events(kafka);
        events.start();
        try {
            Vaults.requireNodesOnline(api, Vaults.NODES);
            Vaults.Vault vault = Vaults.create(api, JSON, "bench-tx-" + System.currentTimeMillis(), Vaults.NODES,
                    Duration.ofSeconds(120), 200).vault();
            String wallet = api.post("/v2/wallets", JSON.createObjectNode().put("name", "bench-tx")
                    .put("wallet_type", "MPC").put("wallet_subtype", "Org-Controlled").put("vault_id", vault.vaultId()))
                    .path("wallet_id").asText();
            String address = api.post("/v2/wallets/" + wallet + "/addresses",
                    JSON.createObjectNode().put("chain_id", "DEV_ETH").put("count", 1)).get(0).path("address").asText();
            awaitConsumed(kafka, "transaction-service", "wallet.address.created"); // then it watches the address
            System.err.printf("transactions: vault %s, wallet %s, address %s%n", vault.vaultId(), wallet, address);

            List<Metric> metrics = new ArrayList<>();
            long[] blockToEvent = new long[deposits];
            for (int i = 0; i < deposits; i++) {
                String hash = rpc.send(ACCOUNT_0, address, i == 0 ? new BigDecimal("50") : new BigDecimal("0.01"));
                long mined = rpc.awaitReceipt(hash);
                long seen = events.await("transaction.created", "/transaction_hash", hash, Duration.ofSeconds(30));
                blockToEvent[i] = seen - mined;
            }
            metrics.add(Metric.of("tx.deposit.block_to_event.p50_ms", p50(blockToEvent) / 1e6, "ms"));
            awaitCompleted(api, wallet, deposits);

            long[] toBroadcast = new long[withdrawals];
            long[] toCompleted = new long[withdrawals];
            for (int i = 0; i < withdrawals; i++) {
                long t0 = System.nanoTime();
                String id = api.post("/v2/transactions/transfer", transfer(UUID.randomUUID().toString(), wallet,
                        address, randomAddress(), "0.001")).path("transaction_id").asText();
                String hash = events.awaitValue("transaction.updated", id, "/status", "Broadcasting", "/transaction_hash",
                        Duration.ofSeconds(60));
                rpc.awaitKnown(hash);
                toBroadcast[i] = System.nanoTime() - t0;
                events.await("transaction.succeeded", "/transaction_id", id, Duration.ofSeconds(60));
                toCompleted[i] = events.lastSeen() - t0;
            }
            metrics.add(Metric.of("tx.withdrawal.submit_to_broadcast.p50_ms", p50(toBroadcast) / 1e6, "ms"));
            metrics.add(Metric.of("tx.withdrawal.submit_to_completed.p50_ms", p50(toCompleted) / 1e6, "ms"));

            metrics.addAll(accept(credentials, api, wallet, address, rate, seconds));
            return metrics;
        } finally {
            events.stop();
        }
    }

    /** The open-loop accept run, then the queued transfers cancelled. */
    private List<Metric> accept(Credentials credentials, WaasApi api, String wallet, String address, int rate,
                                int seconds) throws Exception {
        CoboAuthSigner signer = credentials.signer();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        String to = randomAddress();
        String prefix = "bench-" + UUID.randomUUID() + "-";
        List<String> ids = new CopyOnWriteArrayList<>();
        URI uri = credentials.url().resolve("/v2/transactions/transfer");
        try {
            ApiSuite.Run run = new ApiSuite.Run(http, credentials, rate, rate * seconds, i -> {
                String body = transfer(prefix + i, wallet, address, to, "0.000001").toString();
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(ApiSuite.REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                signer.headers("POST", "/v2/transactions/transfer", "", body).forEach(b::header);
                return b.build();
            }, "tx.transfer.accept", response -> {
                try {
                    ids.add(JSON.readTree(response.body()).path("transaction_id").asText());
                } catch (Exception e) {
                    // counted as answered; the id check below sees it missing
                }
            });
            run.execute();
            List<Metric> metrics = new ArrayList<>(run.metrics());
            long duplicates = ids.size() - ids.stream().distinct().count();
            metrics.add(Metric.of("tx.transfer.duplicates", duplicates, "count"));
            int cancelled = 0;
            for (String id : ids) {
                try {
                    api.post("/v2/transactions/" + id + "/cancel", "{}");
                    cancelled++;
                } catch (Exception e) {
                    // being signed or already sent: it completes normally
                }
            }
            System.err.printf("transactions: %d accepted, %d cancelled afterwards, the rest sent%n", ids.size(), cancelled);
            return metrics;
        } finally {
            executor.shutdownNow();
        }
    }

    /** Waits until a consumer group has committed every record of a topic written so far (it has applied them). */
    private static void awaitConsumed(String bootstrap, String group, String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
            var end = admin.listOffsets(latest).all().get();
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                if (end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset()))) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(group + " did not consume " + topic + " within 30 s");
        }
    }

    private static void awaitCompleted(WaasApi api, String wallet, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode page = api.get("/v2/transactions?wallet_ids=" + wallet + "&statuses=Completed&limit=50");
            if (page.path("pagination").path("total_count").asInt() >= n) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the deposits did not complete");
    }

    private static ObjectNode transfer(String requestId, String wallet, String from, String to, String amount) {
        ObjectNode body = JSON.createObjectNode().put("request_id", requestId).put("token_id", "DEV_ETH");
        body.putObject("source").put("source_type", "Org-Controlled").put("wallet_id", wallet).put("address", from);
        body.putObject("destination").put("destination_type", "Address").putObject("account_output")
                .put("address", to).put("amount", amount);
        return body;
    }

    private static String randomAddress() {
        byte[] a = new byte[20];
        RANDOM.nextBytes(a);
        return "0x" + HexFormat.of().formatHex(a);
    }

    private static double p50(long[] values) {
        long[] sorted = Arrays.copyOf(values, values.length);
        Arrays.sort(sorted);
        return ApiSuite.percentile(sorted, 0.50);
    }

    /** The dev chain (testkit's JSON-RPC client; anvil's account 0 is unlocked for eth_sendTransaction). */
    private static final class Rpc {
        private final DevChainClient chain;

        Rpc(URI url) {
            this.chain = new DevChainClient(url.toString(), false);
        }

        String send(String from, String to, BigDecimal eth) {
            String wei = "0x" + eth.movePointRight(18).toBigIntegerExact().toString(16);
            return chain.call("eth_sendTransaction", Map.of("from", from, "to", to, "value", wei)).asText();
        }

        /** Polls for the receipt; returns System.nanoTime() when it was first seen. */
        long awaitReceipt(String hash) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (chain.receipt(hash) != null) {
                    return System.nanoTime();
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException(hash + " was not mined");
        }

        void awaitKnown(String hash) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!chain.call("eth_getTransactionByHash", hash).isNull()) {
                    return;
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException(hash + " never reached the node");
        }
    }

    /** transaction.* events as they arrive, with their arrival time (System.nanoTime()). */
    private static final class Events {
        private final KafkaConsumer<String, String> consumer;
        private final List<Seen> seen = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private volatile long last;
        private Thread thread;

        private record Seen(String topic, JsonNode data, long at) {
        }

        Events(String bootstrap) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-transactions-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
            consumer = new KafkaConsumer<>(p);
        }

        void start() throws InterruptedException {
            consumer.subscribe(List.of("transaction.created", "transaction.updated", "transaction.succeeded",
                    "transaction.failed"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        try {
                            seen.add(new Seen(r.topic(), JSON.readTree(r.value()), System.nanoTime()));
                        } catch (Exception e) {
                            // not ours
                        }
                    }
                }
                consumer.close();
            }, "bench-transaction-events");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        long await(String topic, String pointer, String value, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                for (Seen s : seen) {
                    if (s.topic().equals(topic) && value.equalsIgnoreCase(s.data().at(pointer).asText())) {
                        last = s.at();
                        return s.at();
                    }
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("no " + topic + " with " + pointer + " = " + value);
        }

        String awaitValue(String topic, String id, String pointer, String value, String want, Duration limit)
                throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                for (Seen s : seen) {
                    if (s.topic().equals(topic) && id.equals(s.data().path("transaction_id").asText())
                            && value.equals(s.data().at(pointer).asText())) {
                        return s.data().at(want).asText();
                    }
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("transaction " + id + " never reached " + value);
        }

        long lastSeen() {
            return last;
        }
    }
}
