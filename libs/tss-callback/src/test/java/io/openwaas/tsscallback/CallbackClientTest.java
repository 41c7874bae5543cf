package io.openwaas.tsscallback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node-side client against a scripted in-process HTTP server. */
class CallbackClientTest {

    private static final KeyPair NODE = RsaPem.randomKeyPair();
    private static final KeyPair SERVER = RsaPem.randomKeyPair();
    private static final KeyPair IMPOSTOR = RsaPem.randomKeyPair();
    private static final CallbackClient.RetryPolicy FAST =
            new CallbackClient.RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(800));

    /** One scripted answer per attempt; the last one repeats. */
    interface Answer {
        void answer(HttpExchange exchange, CallbackRequest request) throws IOException;
    }

    private HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<CallbackRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<CallbackEnvelope> envelopes = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer last;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/check", exchange -> {
            hits.incrementAndGet();
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            CallbackRequest request = null;
            if (form.startsWith("TSS_JWT_MSG=")) {
                String jwt = URLDecoder.decode(form.substring("TSS_JWT_MSG=".length()), StandardCharsets.UTF_8);
                try {
                    CallbackEnvelope.Opened opened =
                            CallbackEnvelope.open(CallbackJwt.verify(jwt, NODE.getPublic()), Instant.now());
                    envelopes.add(opened.envelope());
                    request = CallbackRequest.parse(opened.json());
                    received.add(request);
                } catch (CallbackJwtException e) {
                    reply(exchange, 400, "node signature invalid");
                    return;
                }
            }
            Answer next = script.poll();
            if (next != null) {
                last = next;
            }
            last.answer(exchange, request);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private CallbackClient client(CallbackClient.RetryPolicy policy) {
        return client(policy, CallbackEnvelope.PLAIN);
    }

    private CallbackClient client(CallbackClient.RetryPolicy policy, CallbackEnvelope envelope) {
        return new CallbackClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                NODE.getPrivate(), SERVER.getPublic(), policy,
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build(), envelope);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Answer signed(KeyPair key, java.util.function.Function<CallbackRequest, CallbackResponse> f) {
        return (exchange, request) -> reply(exchange, 200, CallbackJwt.sign(f.apply(request).toJson(), key.getPrivate()));
    }

    /** Keeps a scripted answer from finishing (at most 10 s; the test's end releases it). */
    private void holdUntilTheTestEnds() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    @Test
    void packageDataBothWaysWithTheTokenAsAJsonString() {
        // As a server made from Cobo's Go template answers: {"package_data": base64(response)} claims, and the token
        // written as a JSON string.
        script((exchange, request) -> reply(exchange, 200, "\"" + CallbackJwt.sign(CallbackEnvelope.PACKAGE_DATA
                .seal(CallbackResponse.approve(request.requestId()).toJson(), Instant.now()), SERVER.getPrivate()) + "\""));

        CallbackRequest request = CallbackRequest.ping("req-package-data");
        assertEquals(new CallbackClient.Decision(true, "", 1), client(FAST, CallbackEnvelope.PACKAGE_DATA).check(request));
        assertEquals(List.of(request), received);
        assertEquals(List.of(CallbackEnvelope.PACKAGE_DATA), envelopes);
    }

    @Test
    void anExpiredPackageDataAnswerDoesNotCount() {
        String expired = "{\"package_data\":\"%s\",\"exp\":" + (Instant.now().getEpochSecond() - 600) + "}";
        script((exchange, request) -> reply(exchange, 200, CallbackJwt.sign(String.format(expired,
                java.util.Base64.getEncoder().encodeToString(CallbackResponse.approve(request.requestId()).toJson()
                        .getBytes(StandardCharsets.UTF_8))), SERVER.getPrivate())));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-expired"));
        assertFalse(decision.approved());
        assertTrue(decision.error().contains("expired"), decision.error());
        assertEquals(List.of(CallbackEnvelope.PLAIN, CallbackEnvelope.PLAIN, CallbackEnvelope.PLAIN), envelopes);
    }

    @Test
    void approve() {
        script(signed(SERVER, r -> CallbackResponse.approve(r.requestId())));

        CallbackRequest request = CallbackRequest.ping("req-approve");
        CallbackClient.Decision decision = client(FAST).check(request);

        assertEquals(new CallbackClient.Decision(true, "", 1), decision);
        assertEquals(List.of(request), received);
        assertEquals("application/x-www-form-urlencoded", contentTypes.get(0));
    }

    @Test
    void rejectCarriesTheServersReasonAndIsNotRetried() {
        script(signed(SERVER, r -> CallbackResponse.reject(r.requestId(), "amount 2000 ETH_USDT exceeds the limit 1000")));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-reject"));

        assertEquals(new CallbackClient.Decision(false, "amount 2000 ETH_USDT exceeds the limit 1000", 1), decision);
        assertEquals(1, hits.get());
    }

    @Test
    void serverErrorThenApprove() {
        script((exchange, request) -> reply(exchange, 500, "boom"),
                signed(SERVER, r -> CallbackResponse.approve(r.requestId())));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-500"));

        assertTrue(decision.approved(), decision.toString());
        assertEquals(2, decision.attempts());
        assertEquals(2, hits.get());
    }

    @Test
    void silenceIsARejectionAfterEveryAttempt() {
        script((exchange, request) -> {
            holdUntilTheTestEnds();
            exchange.close();
        });
        CallbackClient.RetryPolicy policy =
                new CallbackClient.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(200));

        CallbackClient.Decision decision = client(policy).check(CallbackRequest.ping("req-silent"));

        assertFalse(decision.approved());
        assertEquals(3, decision.attempts());
        assertEquals(3, hits.get());
        assertEquals("callback server gave no valid answer after 3 attempts: no answer within 200 ms",
                decision.error());
    }

    @Test
    void headersWithoutABodyAreNoAnswer() {
        script((exchange, request) -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("eyJ".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            holdUntilTheTestEnds();
            exchange.close();
        });
        CallbackClient.RetryPolicy policy =
                new CallbackClient.RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(300));

        CallbackClient.Decision decision = client(policy).check(CallbackRequest.ping("req-stalled"));

        assertEquals(new CallbackClient.Decision(false,
                "callback server gave no valid answer after 2 attempts: no answer within 300 ms", 2), decision);
    }

    @Test
    void anOversizedAnswerIsNoAnswer() {
        script((exchange, request) -> reply(exchange, 200, "A".repeat(200_000)));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-big"));

        assertEquals(new CallbackClient.Decision(false,
                "callback server gave no valid answer after 3 attempts: answer larger than 65536 bytes", 3), decision);
    }

    @Test
    void connectionRefusedIsARejection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CallbackClient client = new CallbackClient(URI.create("http://127.0.0.1:" + port), NODE.getPrivate(),
                SERVER.getPublic(), FAST, HttpClient.newHttpClient());

        CallbackClient.Decision decision = client.check(CallbackRequest.ping("req-refused"));

        assertFalse(decision.approved());
        assertEquals(3, decision.attempts());
        assertTrue(decision.error().startsWith("callback server gave no valid answer after 3 attempts: connection failed"),
                decision.error());
    }

    @Test
    void anAnswerForAnotherRequestIsNotAnApproval() {
        script(signed(SERVER, r -> CallbackResponse.approve("someone-else")));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-mine"));

        assertFalse(decision.approved());
        assertEquals(3, hits.get());
        assertEquals("callback server gave no valid answer after 3 attempts: "
                + "answer is for request_id 'someone-else', not 'req-mine'", decision.error());
    }

    @Test
    void anAnswerSignedByAnotherKeyIsNotAnApproval() {
        script(signed(IMPOSTOR, r -> CallbackResponse.approve(r.requestId())));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-impostor"));

        assertFalse(decision.approved());
        assertEquals("callback server gave no valid answer after 3 attempts: "
                + "answer rejected: the JWT signature does not verify with this key", decision.error());
    }

    @Test
    void unsignedOrGarbageAnswersAreNotApprovals() {
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                CallbackResponse.approve("req-garbage").toJson().getBytes(StandardCharsets.UTF_8)) + ".";
        script((exchange, request) -> reply(exchange, 200, unsigned),
                (exchange, request) -> reply(exchange, 200, CallbackResponse.approve(request.requestId()).toJson()),
                (exchange, request) -> reply(exchange, 200, "APPROVE"));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-garbage"));

        assertFalse(decision.approved());
        assertEquals(3, hits.get());
        assertTrue(decision.error().startsWith("callback server gave no valid answer after 3 attempts: answer rejected"),
                decision.error());
    }

    @Test
    void aServerErrorStatusIsRetriedThenRejected() {
        script(signed(SERVER, r -> CallbackResponse.failure(1, r.requestId(), "rules unavailable")),
                signed(SERVER, r -> new CallbackResponse(0, r.requestId(), "MAYBE", "")));

        CallbackClient.Decision decision = client(FAST).check(CallbackRequest.ping("req-status"));

        assertFalse(decision.approved());
        assertEquals("callback server gave no valid answer after 3 attempts: unknown action 'MAYBE'", decision.error());
    }

    @Test
    void backoffDoublesUpToTheCap() {
        CallbackClient.RetryPolicy policy =
                new CallbackClient.RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(100), policy.backoff(1));
        assertEquals(Duration.ofMillis(200), policy.backoff(2));
        assertEquals(Duration.ofMillis(400), policy.backoff(3));
        assertEquals(Duration.ofMillis(500), policy.backoff(4));
        assertEquals(Duration.ofMillis(500), policy.backoff(50));
    }

    @Test
    void checkUriIsBelowTheBase() {
        assertEquals(URI.create("http://h:1/cb/v1/check"), new CallbackClient(URI.create("http://h:1/cb/"),
                NODE.getPrivate(), SERVER.getPublic(), FAST, HttpClient.newHttpClient()).checkUri());
    }
}
