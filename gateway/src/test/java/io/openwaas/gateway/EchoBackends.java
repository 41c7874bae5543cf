package io.openwaas.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Two real Vert.x HTTP servers on free ports standing in for wallet-service and transaction-service: each echoes
 * what it received (method, raw URI, headers in order with their exact names, body) as JSON, and answers a few
 * fixed responses. The webhook backend points at a port nobody listens on.
 */
public class EchoBackends implements QuarkusTestResourceLifecycleManager {

    /** The body of {@code /v2/wallets/fixed}: 4 KiB of arbitrary bytes, the same in the test and the backend. */
    static final byte[] FIXED_BODY = new byte[4096];

    static {
        new Random(42).nextBytes(FIXED_BODY);
    }

    private Vertx vertx;
    private Socket reserved;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            int wallet = listen("wallet");
            int transaction = listen("transaction");
            int travelRule = listen("travel-rule");
            int nobody = reserveClosedPort();
            return Map.of(
                    "openwaas.gateway.backends.wallet.url", "http://127.0.0.1:" + wallet,
                    "openwaas.gateway.backends.transaction.url", "http://127.0.0.1:" + transaction,
                    "openwaas.gateway.backends.travel-rule.url", "http://127.0.0.1:" + travelRule,
                    "openwaas.gateway.backends.webhook.url", "http://127.0.0.1:" + nobody,
                    "openwaas.gateway.connect-timeout", "2s",
                    "openwaas.gateway.max-connections-per-backend", "4");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start echo backends", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (reserved != null) {
            try {
                reserved.close();
            } catch (IOException ignored) {
                // closing a socket that never connected
            }
        }
    }

    private int listen(String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(name, req));
        // (instance method: the slow path uses this Vert.x instance's timers)
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
    }

    private void handle(String name, HttpServerRequest req) {
        req.body().onSuccess(body -> {
            if (req.path().equals("/v2/wallets/fixed")) {
                req.response().headers().add("X-Multi", "one").add("x-multi", "two");
                req.response().setStatusCode(201)
                        .putHeader("Content-Type", "application/octet-stream")
                        .putHeader("BIZ_TIMESTAMP", "1732200000123")
                        .putHeader("BIZ_RESP_SIGNATURE", "ab".repeat(64))
                        .putHeader("BIZ-TIMESTAMP", "1732200000123")
                        .putHeader("BIZ-RESP-SIGNATURE", "cd".repeat(64))
                        .end(Buffer.buffer(FIXED_BODY));
                return;
            }
            if (req.path().equals("/v2/wallets/slow")) {
                // Answers after 300 ms, in two parts: the client may already be gone.
                vertx.setTimer(300, t -> {
                    req.response().setChunked(true).write("{\"slow\":");
                    vertx.setTimer(50, t2 -> req.response().end("true}"));
                });
                return;
            }
            if (req.path().equals("/v2/wallets/unauthorized")) {
                req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end("{\"error_code\":2003,\"error_message\":\"from backend\",\"error_id\":\"x\"}");
                return;
            }
            JsonArray headers = new JsonArray();
            req.headers().forEach(h -> headers.add(new JsonArray().add(h.getKey()).add(h.getValue())));
            JsonObject echo = new JsonObject()
                    .put("backend", name)
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("headers", headers)
                    .put("body", Base64.getEncoder().encodeToString(body.getBytes()));
            req.response().putHeader("Content-Type", "application/json").end(echo.toBuffer());
        });
    }

    /**
     * A loopback port that is bound (so nothing else, the gateway's own server included, can take it while the test
     * runs) but not listening, so every connection to it is refused at once. A port that was merely free when the
     * test started could be handed out again by the kernel, e.g. to the gateway itself, which would then proxy to
     * itself.
     */
    private int reserveClosedPort() throws Exception {
        reserved = new Socket();
        reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return reserved.getLocalPort();
    }
}
