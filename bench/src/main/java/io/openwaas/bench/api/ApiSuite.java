package io.openwaas.bench.api;

import io.openwaas.bench.BenchSuite;
import io.openwaas.bench.Credentials;
import io.openwaas.bench.Metric;
import io.openwaas.bench.WaasApi;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.CoboAuthSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static io.openwaas.bench.BenchSuite.option;

/**
 * {@code bin/waas bench api [--rate 100] [--seconds 30] [--warmup-seconds 10] [--credentials .waas/credentials.env]
 * [--address-runs 5] [--address-vault VAULT_ID] [--addresses-only]}: signed {@code GET /v2/wallets?limit=10} through
 * the gateway of a running {@code bin/waas up}, at a fixed rate; then {@link AddressBench} (1000 addresses per
 * request; {@code --address-runs 0} skips it, {@code --addresses-only} skips the GET run).
 *
 * <p>Open loop: request {@code i} is due at {@code t0 + i / rate} and is sent then whether or not earlier ones have
 * answered; its latency is measured from that due time, so time spent queueing (in the client, the gateway or the
 * service) counts — no coordinated omission. The run is bounded: {@code rate × seconds} requests, each with a
 * 10 s timeout. Only loopback addresses are accepted.
 *
 * <p>Metrics: {@code api.get_wallets.p50_ms}, {@code api.get_wallets.p99_ms} (of the 2xx answers),
 * {@code api.get_wallets.rps} (2xx answers per second achieved), {@code api.errors} (non-2xx, failures, timeouts, and
 * sampled responses whose signature does not verify against {@code WAAS_RESPONSE_PUBLIC_KEY}).
 */
public final class ApiSuite implements BenchSuite {

    static final String PATH = "/v2/wallets";
    static final String QUERY = "limit=10";
    /** Every n-th response (and the first) has its response signature verified. */
    static final int SIGNATURE_SAMPLE = 50;
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "api";
    }

    @Override
    public List<Metric> run(List<String> args) throws Exception {
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        int warmup = args.contains("--addresses-only") ? 0
                : Integer.parseInt(option(args, "--warmup-seconds", "10"));
        int addressRuns = Integer.parseInt(option(args, "--address-runs", "5"));
        int serverWalletCreates = Integer.parseInt(option(args, "--server-wallets", "3"));
        int serverWalletSignatures = Integer.parseInt(option(args, "--server-wallet-signatures", "100"));
        Path file = Path.of(option(args, "--credentials", ".waas/credentials.env"));
        if (rate < 1 || rate > 5000 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 60 || addressRuns < 0
                || addressRuns > 50) {
            throw new IllegalArgumentException("--rate 1..5000, --seconds 1..600, --warmup-seconds 0..60, "
                    + "--address-runs 0..50");
        }
        // The JDK HTTP client logs through System.Logger, which the JBoss LogManager on this classpath serves.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Credentials credentials = Credentials.read(file);
        CoboAuthSigner signer = credentials.signer();
        WaasApi api = WaasApi.fromCredentials(file, new com.fasterxml.jackson.databind.ObjectMapper());

        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "api-bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        try {
            if (warmup > 0) {
                Run w = Run.getWallets(http, signer, credentials, rate, rate * warmup);
                w.execute();
                System.err.printf("api: warm-up %d requests, %d ok, outcomes %s (not counted)%n",
                        w.total, w.ok.get(), new TreeMap<>(w.outcomes));
            }
            List<Metric> metrics = new ArrayList<>();
            if (!args.contains("--addresses-only")) {
                Run run = Run.getWallets(http, signer, credentials, rate, rate * seconds);
                run.execute();
                metrics.addAll(run.metrics());
            }
            if (addressRuns > 0) {
                metrics.addAll(new AddressBench(http, credentials, api).run(addressRuns,
                        option(args, "--address-vault", null)));
            }
            if (serverWalletSignatures > 0) {
                metrics.addAll(new ServerWalletBench(api).run(serverWalletCreates, serverWalletSignatures));
            }
            return metrics;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * One open-loop run of {@code total} requests at {@code rate} per second: request {@code i} is made by
     * {@code request}, its metrics are named {@code <prefix>.p50_ms}, {@code .p99_ms}, {@code .rps},
     * {@code .errors}; each 2xx answer goes to {@code onOk}.
     */
    public static final class Run {

        final HttpClient http;
        final Credentials credentials;
        final int rate;
        final int total;
        final IntFunction<HttpRequest> request;
        final String prefix;
        final Consumer<HttpResponse<byte[]>> onOk;
        final long[] latencyNanos;
        final boolean[] success;
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        long start;
        volatile long lastCompletion;

        public Run(HttpClient http, Credentials credentials, int rate, int total, IntFunction<HttpRequest> request,
                   String prefix, Consumer<HttpResponse<byte[]>> onOk) {
            this.http = http;
            this.credentials = credentials;
            this.rate = rate;
            this.total = total;
            this.request = request;
            this.prefix = prefix;
            this.onOk = onOk;
            this.latencyNanos = new long[total];
            this.success = new boolean[total];
        }

        /** Signed {@code GET /v2/wallets?limit=10}. */
        static Run getWallets(HttpClient http, CoboAuthSigner signer, Credentials credentials, int rate, int total) {
            URI uri = credentials.url().resolve(PATH + "?" + QUERY);
            return new Run(http, credentials, rate, total, i -> {
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
                signer.headers("GET", PATH, QUERY, "").forEach(builder::header);
                return builder.build();
            }, "api.get_wallets", r -> { });
        }

        public void execute() throws InterruptedException {
            List<CompletableFuture<Void>> inflight = new ArrayList<>(total);
            double intervalNanos = 1e9 / rate;
            start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * intervalNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                inflight.add(send(i, due));
            }
            try {
                CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new))
                        .get(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Requests still open are counted as errors below.
            }
        }

        private CompletableFuture<Void> send(int i, long due) {
            return http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        long done = System.nanoTime();
                        lastCompletion = Math.max(lastCompletion, done);
                        if (failure != null) {
                            count("failure " + rootCause(failure).getClass().getSimpleName());
                            errors.incrementAndGet();
                            return null;
                        }
                        int status = response.statusCode();
                        count(Integer.toString(status));
                        if (status < 200 || status >= 300) {
                            errors.incrementAndGet();
                            return null;
                        }
                        if ((i % SIGNATURE_SAMPLE == 0) && !signatureValid(response)) {
                            badSignatures.incrementAndGet();
                            errors.incrementAndGet();
                            return null;
                        }
                        latencyNanos[i] = done - due;
                        success[i] = true;
                        onOk.accept(response);
                        ok.incrementAndGet();
                        return null;
                    });
        }

        private boolean signatureValid(HttpResponse<byte[]> response) {
            String ts = response.headers().firstValue(ResponseSignature.TIMESTAMP_UNDERSCORE).orElse("");
            String sig = response.headers().firstValue(ResponseSignature.SIGNATURE_UNDERSCORE).orElse("");
            String tsHyphen = response.headers().firstValue(ResponseSignature.TIMESTAMP_HYPHEN).orElse("");
            String sigHyphen = response.headers().firstValue(ResponseSignature.SIGNATURE_HYPHEN).orElse("");
            return ts.equals(tsHyphen) && sig.equals(sigHyphen)
                    && ResponseSignature.verify(credentials.responsePublicKey(), response.body(), ts, sig);
        }

        private void count(String outcome) {
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        public List<Metric> metrics() {
            long[] ms = new long[ok.get()];
            int n = 0;
            for (int i = 0; i < total && n < ms.length; i++) {
                if (success[i]) {
                    ms[n++] = latencyNanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(ms, n);
            Arrays.sort(sorted);
            int answered = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
            int unanswered = total - answered;
            int errorCount = errors.get() + unanswered;
            double elapsed = Math.max(1, lastCompletion - start) / 1e9;
            System.err.printf(prefix + ": %d requests at %d/s over %.1f s; outcomes %s%s; %d bad signatures%n",
                    total, rate, elapsed, new TreeMap<>(outcomes),
                    unanswered > 0 ? "; " + unanswered + " unanswered" : "", badSignatures.get());
            return List.of(
                    Metric.of(prefix + ".p50_ms", percentile(sorted, 0.50) / 1e6, "ms"),
                    Metric.of(prefix + ".p99_ms", percentile(sorted, 0.99) / 1e6, "ms"),
                    Metric.of(prefix + ".rps", ok.get() / elapsed, "rps"),
                    Metric.of(prefix.equals("api.get_wallets") ? "api.errors" : prefix + ".errors", (long) errorCount,
                            "count"));
        }
    }

    /** Nearest-rank percentile of sorted values; NaN-free: 0 when there are none. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
