package io.openwaas.bench.tss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openwaas.bench.BenchSuite;
import io.openwaas.bench.Credentials;
import io.openwaas.bench.Metric;
import io.openwaas.bench.Vaults;
import io.openwaas.bench.WaasApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.openwaas.bench.BenchSuite.option;

/**
 * {@code bin/waas bench tss [--signatures 200] [--concurrency 20] [--warmup 200] [--sequential 30] [--vaults 3]
 * [--timeout-seconds 30] [--credentials .waas/credentials.env] [--kafka 127.0.0.1:59092]
 * [--node-admin-ports 8083,8093,8103] [--vault VAULT_ID] [--types ecdsa,eddsa,schnorr]}: the TSS nodes of a running
 * {@code bin/waas up}. {@code --vault} signs with an existing vault of the organisation (its MainGroup) and skips key
 * generation; {@code --types} limits the signature types (for looking into one).
 *
 * <ol>
 *   <li>Key generation through the API (Cobo-Auth-signed, through the gateway): per run a new Org-Controlled vault, a
 *       2-of-3 MainGroup of tss-node-0/1/2, then {@code POST …/tss_requests {"type":"KeyGen"}} and polls (every
 *       15 ms) until the request is {@code Success} and the vault shows both root keys. Each run starts with the
 *       nodes idle and their Paillier pools full. {@code tss.keygen.vault_ms} is the median of the runs (each run is
 *       printed too).</li>
 *   <li>Signing straight on Kafka, as transaction-service will: KeySign commands on {@code tss.requests} with the last
 *       vault's root keys, signers tss-node-0 and tss-node-1, one random 32-byte message per request under
 *       {@code m/44/60/0/0/i}; the signature report is read from {@code tss.results}. Closed loop: {@code
 *       --concurrency} requests outstanding; per type (ECDSA, EdDSA, Schnorr) a warm-up ({@code --warmup}, not
 *       counted: the services' JIT compilers are busy for the first few hundred signatures of a fresh
 *       {@code bin/waas up}, which would otherwise be measured) and then {@code --signatures} measured. Latency =
 *       publish → the report carrying the signature received. Also ECDSA one at a time ({@code --sequential}).</li>
 * </ol>
 *
 * <p>Every signature is checked ({@link SignatureCheck}) before it counts. {@code tss.errors}: failed key
 * generations, Failed / Rejected reports, requests without a decisive report after {@code --timeout-seconds}, bad
 * signatures — in warm-ups too; nothing is skipped.
 */
public final class TssSuite implements BenchSuite {

    static final List<String> NODES = List.of("tss-node-0", "tss-node-1", "tss-node-2");
    static final List<String> SIGNERS = List.of("tss-node-0", "tss-node-1");
    static final long POLL_MS = 15;
    static final Duration KEYGEN_TIMEOUT = Duration.ofSeconds(180);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(180);

    private static final HexFormat HEX = HexFormat.of();

    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom rnd = new SecureRandom();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    private final AtomicLong pathIndex = new AtomicLong();
    private final HttpClient admin = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private List<Integer> adminPorts;
    /**
     * The bench issues signing commands as transaction-service does: signed with its control identity key, which
     * bin/waas keeps next to the credentials ({@code keys/transaction-service.ed25519}); the nodes refuse unsigned
     * commands.
     */
    static io.openwaas.platform.events.signing.RecordSigner issuer(Path credentials) throws IOException {
        Path seed = credentials.toAbsolutePath().resolveSibling("keys").resolve("transaction-service.ed25519");
        return io.openwaas.platform.events.signing.RecordSigner.parse("transaction-service",
                java.nio.file.Files.readString(seed));
    }

    /** The operator token the node admin APIs need (from the credentials file). */
    private String operatorToken;
    private Duration signTimeout;

    @Override
    public String name() {
        return "tss";
    }

    @Override
    public List<Metric> run(List<String> args) throws Exception {
        int signatures = Integer.parseInt(option(args, "--signatures", "200"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "20"));
        int warmup = Integer.parseInt(option(args, "--warmup", "200"));
        int sequential = Integer.parseInt(option(args, "--sequential", "30"));
        int vaults = Integer.parseInt(option(args, "--vaults", "3"));
        String existingVault = option(args, "--vault", null);
        List<String> types = List.of(option(args, "--types", "ecdsa,eddsa,schnorr").split(","));
        signTimeout = Duration.ofSeconds(Integer.parseInt(option(args, "--timeout-seconds", "30")));
        Path credentials = Path.of(option(args, "--credentials", ".waas/credentials.env"));
        String kafka = option(args, "--kafka", "127.0.0.1:59092");
        adminPorts = Arrays.stream(option(args, "--node-admin-ports", "8083,8093,8103").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        if (signatures < 1 || signatures > 100_000 || concurrency < 1 || concurrency > 500 || warmup < 0
                || sequential < 1 || vaults < 1 || vaults > 20) {
            throw new IllegalArgumentException("--signatures 1..100000, --concurrency 1..500, --warmup >= 0, "
                    + "--sequential >= 1, --vaults 1..20");
        }
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");

        WaasApi api = WaasApi.fromCredentials(credentials, mapper);
        operatorToken = Credentials.read(credentials).operatorToken();
        requireNodesOnline(api);
        String orgId = api.get("/v2/organizations/info").path("org_id").asText();

        // ---------------------------------------------------------------- key generation through the API
        List<Metric> metrics = new ArrayList<>();
        List<Double> keygenMs = new ArrayList<>();
        Vaults.Vault vault = existingVault == null ? null : existing(api, existingVault);
        for (int run = 1; existingVault == null && run <= vaults; run++) {
            awaitNodesIdle();
            try {
                Vaults.Keyed k = keygen(api, run);
                keygenMs.add(k.ms());
                vault = k.vault();
                System.err.printf("tss: keygen run %d: %.1f ms (vault %s)%n", run, k.ms(), k.vault().vaultId());
            } catch (IOException | RuntimeException e) {
                error("keygen: " + e.getMessage());
                System.err.println("tss: keygen run " + run + " FAILED: " + e.getMessage());
            }
        }
        if (vault == null) {
            throw new IllegalStateException("no key generation succeeded; nothing to sign with");
        }
        double[] sortedKeygen = keygenMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sortedKeygen.length > 0) {
            metrics.add(Metric.of("tss.keygen.vault_ms", median(sortedKeygen), "ms"));
        }
        for (int i = 0; i < keygenMs.size(); i++) {
            metrics.add(Metric.of("tss.keygen.vault_ms.run_" + (i + 1), keygenMs.get(i), "ms"));
        }

        // ---------------------------------------------------------------- signing on Kafka
        awaitNodesIdle();
        try (TssBus bus = new TssBus(kafka, mapper, issuer(credentials))) {
            ExecutorService verifier = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-tss-verify");
                t.setDaemon(true);
                return t;
            });
            try {
                Signing s = new Signing(bus, verifier, orgId, vault);
                if (types.contains("ecdsa")) {
                    s.run("ECDSA", warmup, concurrency, "ecdsa warm-up");
                    Run seq = s.run("ECDSA", sequential, 1, "ecdsa sequential");
                    Run ecdsa = s.run("ECDSA", signatures, concurrency, "ecdsa");
                    metrics.add(Metric.of("tss.sign.ecdsa.p50_ms", ecdsa.percentileMs(0.50), "ms"));
                    metrics.add(Metric.of("tss.sign.ecdsa.p99_ms", ecdsa.percentileMs(0.99), "ms"));
                    metrics.add(Metric.of("tss.sign.ecdsa.per_s", ecdsa.perSecond(), "signatures/s"));
                    metrics.add(Metric.of("tss.sign.ecdsa.sequential_p50_ms", seq.percentileMs(0.50), "ms"));
                }
                if (types.contains("eddsa")) {
                    s.run("EdDSA", warmup, concurrency, "eddsa warm-up");
                    Run eddsa = s.run("EdDSA", signatures, concurrency, "eddsa");
                    metrics.add(Metric.of("tss.sign.eddsa.p50_ms", eddsa.percentileMs(0.50), "ms"));
                    metrics.add(Metric.of("tss.sign.eddsa.p99_ms", eddsa.percentileMs(0.99), "ms"));
                }
                if (types.contains("schnorr")) {
                    s.run("Schnorr", warmup, concurrency, "schnorr warm-up");
                    Run schnorr = s.run("Schnorr", signatures, concurrency, "schnorr");
                    metrics.add(Metric.of("tss.sign.schnorr.p50_ms", schnorr.percentileMs(0.50), "ms"));
                    metrics.add(Metric.of("tss.sign.schnorr.p99_ms", schnorr.percentileMs(0.99), "ms"));
                }
            } finally {
                verifier.shutdownNow();
            }
        }
        metrics.add(Metric.of("tss.errors", (long) errors.get(), "count"));
        if (!errorKinds.isEmpty()) {
            System.err.println("tss: errors by kind " + new TreeMap<>(errorKinds));
        }
        return metrics;
    }

    // -------------------------------------------------------------------------------------------------- key gen

    private Vaults.Vault existing(WaasApi api, String vaultId) throws IOException, InterruptedException {
        return Vaults.existing(api, vaultId);
    }

    private void requireNodesOnline(WaasApi api) throws IOException, InterruptedException {
        Vaults.requireNodesOnline(api, NODES);
    }

    private Vaults.Keyed keygen(WaasApi api, int run) throws IOException, InterruptedException {
        return Vaults.create(api, mapper, "bench-tss-" + System.currentTimeMillis() + "-" + run, NODES, KEYGEN_TIMEOUT,
                POLL_MS);
    }

    /**
     * Waits until every node runs no session and its Paillier pool is full again (a key generation takes fresh
     * Paillier keys; the pool refills in the background and would otherwise compete with the next run for CPU).
     */
    private void awaitNodesIdle() throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + IDLE_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean idle = true;
            StringBuilder state = new StringBuilder();
            for (int port : adminPorts) {
                try {
                    HttpResponse<String> r = admin.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/admin/status"))
                            .header("Authorization", "Bearer " + operatorToken)
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("node admin :" + port + " answered " + r.statusCode()
                                + " (is WAAS_OPERATOR_TOKEN in the credentials file current? bin/waas up renews it)");
                    }
                    JsonNode s = mapper.readTree(r.body());
                    int sessions = field(s, "running_sessions", "runningSessions");
                    int paillier = field(s, "paillier_keys_ready", "paillierKeysReady");
                    state.append(' ').append(port).append(": sessions ").append(sessions)
                            .append(", paillier ").append(paillier);
                    idle &= sessions == 0 && paillier >= 2;
                } catch (IOException e) {
                    state.append(' ').append(port).append(": ").append(e.getMessage());
                    idle = false;
                }
            }
            last = state.toString();
            if (idle) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 100) {
                    System.err.printf("tss: waited %d ms for the nodes to be idle with full Paillier pools%n", ms);
                }
                return;
            }
            Thread.sleep(250);
        }
        System.err.println("tss: nodes not idle after " + IDLE_TIMEOUT.toSeconds() + " s, going on:" + last);
    }

    private static int field(JsonNode s, String snake, String camel) {
        return s.has(snake) ? s.get(snake).asInt() : s.path(camel).asInt(-1);
    }

    // -------------------------------------------------------------------------------------------------- signing

    /** One measured (or warm-up) run of one signature type. */
    static final class Run {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> toReport = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> fromReport = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong lastReceived = new AtomicLong();
        long start;

        double percentileMs(double p) {
            return percentile(sorted(latencies), p) / 1e6;
        }

        double perSecond() {
            long elapsed = lastReceived.get() - start;
            return elapsed <= 0 ? 0 : latencies.size() / (elapsed / 1e9);
        }
    }

    final class Signing {
        final TssBus bus;
        final ExecutorService verifier;
        final String orgId;
        final Vaults.Vault vault;

        Signing(TssBus bus, ExecutorService verifier, String orgId, Vaults.Vault vault) {
            this.bus = bus;
            this.verifier = verifier;
            this.orgId = orgId;
            this.vault = vault;
        }

        Run run(String type, int count, int concurrency, String label) throws Exception {
            Run run = new Run();
            if (count == 0) {
                return run;
            }
            String root = type.equals("EdDSA") ? vault.cpub() : vault.xpub();
            Semaphore slots = new Semaphore(concurrency);
            List<CompletableFuture<?>> done = new ArrayList<>(count);
            run.start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                slots.acquire();
                String id = requestId();
                String path = "m/44/60/0/0/" + pathIndex.getAndIncrement();
                byte[] msg = new byte[32];
                rnd.nextBytes(msg);
                String msgHex = HEX.formatHex(msg);
                ObjectNode request = TssBus.keySign(mapper, id, orgId, vault.groupId(), root, SIGNERS, path, msgHex, type);
                long publishedWallMs = request.get("created_timestamp").asLong();
                long t0 = System.nanoTime();
                CompletableFuture<TssBus.Report> f;
                try {
                    f = bus.publish(request);
                } catch (Exception e) {
                    slots.release();
                    fail(run, "publish: " + e.getMessage());
                    continue;
                }
                CompletableFuture<Void> verified = new CompletableFuture<>();
                done.add(verified);
                f.orTimeout(signTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((report, failure) -> {
                    slots.release();
                    if (failure != null) {
                        bus.forget(id);
                        Throwable c = failure instanceof java.util.concurrent.CompletionException && failure.getCause()
                                != null ? failure.getCause() : failure;
                        fail(run, c instanceof TimeoutException ? "no signature after " + signTimeout.toSeconds()
                                + " s" : "publish: " + c);
                        verified.complete(null);
                        return;
                    }
                    if (!report.signed()) {
                        fail(run, report.status() + " at " + report.nodeId() + ": " + report.error());
                        verified.complete(null);
                        return;
                    }
                    long latency = report.receivedNanos() - t0;
                    run.lastReceived.accumulateAndGet(report.receivedNanos(), Math::max);
                    long receivedWallMs = System.currentTimeMillis() - (System.nanoTime() - report.receivedNanos())
                            / 1_000_000;
                    verifier.execute(() -> {
                        String problem = SignatureCheck.problem(type, root, path, msgHex, report.signatures());
                        if (problem != null) {
                            fail(run, "bad signature: " + problem);
                        } else {
                            run.latencies.add(latency);
                            if (report.timestamp() > 0) {
                                run.toReport.add(report.timestamp() - publishedWallMs);
                                run.fromReport.add(receivedWallMs - report.timestamp());
                            }
                        }
                        verified.complete(null);
                    });
                });
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                    .get(signTimeout.toSeconds() + 30, TimeUnit.SECONDS);
            // No signature came back (all failed): the run lasted until the last failure was known.
            run.lastReceived.compareAndSet(0, System.nanoTime());
            long[] lat = sorted(run.latencies);
            double elapsed = (run.lastReceived.get() - run.start) / 1e9;
            System.err.printf("tss: %-17s %4d signatures, %d ok, %d errors, concurrency %d, %.1f s, %.1f/s; "
                            + "latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f; publish→node report p50 %d ms, "
                            + "node report→received p50 %d ms%n",
                    label, count, lat.length, run.errors.get(), concurrency, elapsed, run.perSecond(),
                    percentile(lat, 0.5) / 1e6, percentile(lat, 0.9) / 1e6, percentile(lat, 0.99) / 1e6,
                    percentile(lat, 1.0) / 1e6, (long) percentile(sorted(run.toReport), 0.5),
                    (long) percentile(sorted(run.fromReport), 0.5));
            return run;
        }
    }

    private void fail(Run run, String why) {
        run.errors.incrementAndGet();
        error(why);
    }

    private void error(String why) {
        errors.incrementAndGet();
        String kind = why.length() > 120 ? why.substring(0, 120) : why;
        if (errorKinds.size() < 50 || errorKinds.containsKey(kind)) {
            errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** 32 digits like the platform's request ids: ms now and 19 random digits. */
    private String requestId() {
        return System.currentTimeMillis() + String.format("%019d", rnd.nextLong() & Long.MAX_VALUE);
    }

    // -------------------------------------------------------------------------------------------------- numbers

    static long[] sorted(java.util.Collection<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
