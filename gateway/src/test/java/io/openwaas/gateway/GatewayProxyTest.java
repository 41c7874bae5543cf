package io.openwaas.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EchoBackends.class)
class GatewayProxyTest {

    @TestHTTPResource("/")
    URL gateway;

    private static Vertx vertx;
    private static HttpClient client;

    /** A response read completely: status, headers (exact names, in order) and body bytes. */
    record Reply(int status, MultiMap headers, byte[] body) {
        JsonObject json() {
            return new JsonObject(Buffer.buffer(body));
        }
    }

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Reply call(HttpMethod method, String uri, List<Map.Entry<String, String>> headers, Buffer body)
            throws Exception {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1")
                .setPort(gateway.getPort()).setURI(uri);
        // The body handler is attached inside the request's compose, on the request's context, before the response
        // can end: attached in a later stage, the response may already be over and the body future never completes.
        return client.request(options).compose(req -> {
            headers.forEach(h -> req.headers().add(h.getKey(), h.getValue()));
            return (body == null ? req.send() : req.send(body))
                    .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), copy(resp), b.getBytes())));
        }).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private Reply get(String uri) throws Exception {
        return call(HttpMethod.GET, uri, List.of(), null);
    }

    private static MultiMap copy(HttpClientResponse resp) {
        MultiMap m = MultiMap.caseInsensitiveMultiMap();
        resp.headers().forEach(h -> m.add(h.getKey(), h.getValue()));
        return m;
    }

    @Test
    void requestArrivesAtTheBackendByteForByte() throws Exception {
        String uri = "/v2/wallets/a%2Fb/addresses?wallet_ids=w1%2Cw2&name=John+Doe&pipe=a%7Cb&empty=&dup=1&dup=2&raw=%e2%82%ac";
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("BIZ-API-KEY", "9f1e" + "0".repeat(60)),
                Map.entry("BIZ-API-NONCE", "1732200000123"),
                Map.entry("BIZ-API-SIGNATURE", "00ff".repeat(32)),
                Map.entry("Content-Type", "application/json; charset=utf-8"),
                Map.entry("X-Mixed_Case-Header", "value with  inner\tspaces"),
                Map.entry("X-Dup", "first"),
                Map.entry("x-dup", "second"),
                Map.entry("Authorization", "Bearer eyJ.x.y"));
        byte[] body = "{\"name\":\"Zürich € wallet\",\"n\":1.10,\"arr\":[1,2]}\n".getBytes(StandardCharsets.UTF_8);

        Reply reply = call(HttpMethod.POST, uri, headers, Buffer.buffer(body));

        assertEquals(200, reply.status());
        JsonObject echo = reply.json();
        assertEquals("wallet", echo.getString("backend"));
        assertEquals("POST", echo.getString("method"));
        assertEquals(uri, echo.getString("uri"));
        assertArrayEquals(body, Base64.getDecoder().decode(echo.getString("body")));

        List<Map.Entry<String, String>> received = new ArrayList<>();
        String host = null;
        String length = null;
        for (Object o : echo.getJsonArray("headers")) {
            JsonArray h = (JsonArray) o;
            String name = h.getString(0);
            if (name.equalsIgnoreCase("host")) {
                host = h.getString(1);
            } else if (name.equalsIgnoreCase("content-length")) {
                length = h.getString(1);
            } else {
                received.add(Map.entry(name, h.getString(1)));
            }
        }
        assertEquals(headers, received, "the backend sees exactly the client's headers: names, values, order");
        assertEquals("127.0.0.1:" + gateway.getPort(), host, "Host is the client's, not rewritten");
        assertEquals(Integer.toString(body.length), length);
    }

    @Test
    void largeChunkedBodyIsStreamedThroughIntact() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(body);
        Reply reply = call(HttpMethod.PUT, "/v2/transactions/transfer",
                List.of(Map.entry("Transfer-Encoding", "chunked")), Buffer.buffer(body));
        assertEquals(200, reply.status());
        JsonObject echo = reply.json();
        assertEquals("transaction", echo.getString("backend"));
        assertEquals("PUT", echo.getString("method"));
        assertArrayEquals(body, Base64.getDecoder().decode(echo.getString("body")));
    }

    @Test
    void responseComesBackByteForByte() throws Exception {
        Reply reply = get("/v2/wallets/fixed");
        assertEquals(201, reply.status());
        assertArrayEquals(EchoBackends.FIXED_BODY, reply.body());
        assertEquals("application/octet-stream", reply.headers().get("Content-Type"));
        assertEquals("1732200000123", reply.headers().get("BIZ_TIMESTAMP"));
        assertEquals("ab".repeat(64), reply.headers().get("BIZ_RESP_SIGNATURE"));
        assertEquals("1732200000123", reply.headers().get("BIZ-TIMESTAMP"));
        assertEquals("cd".repeat(64), reply.headers().get("BIZ-RESP-SIGNATURE"));
        assertEquals(List.of("one", "two"), reply.headers().getAll("X-Multi"));
        assertNull(reply.headers().get("Date"), "the gateway adds no Date the backend did not send");
    }

    @Test
    void backendErrorsPassThroughAsTheyAre() throws Exception {
        Reply reply = get("/v2/wallets/unauthorized");
        assertEquals(401, reply.status());
        assertEquals("{\"error_code\":2003,\"error_message\":\"from backend\",\"error_id\":\"x\"}",
                new String(reply.body(), StandardCharsets.UTF_8));
    }

    @Test
    void prefixesPickTheirBackend() throws Exception {
        Map<String, String> expected = Map.of(
                "/admin/organizations", "wallet",
                "/v2/wallets", "wallet",
                "/v2/wallets/mpc/vaults?limit=10", "wallet",
                "/v2/organizations/info", "wallet",
                "/v2/developers/api_key_info", "wallet",
                "/api/wallets/u1/sign", "wallet",
                "/v2/transactions", "transaction",
                "/v2/transactions/abc?x=1", "transaction",
                "/v2/travel_rule/satoshi_test/challenge", "travel-rule");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Reply reply = get(e.getKey());
            assertEquals(200, reply.status(), e.getKey());
            assertEquals(e.getValue(), reply.json().getString("backend"), e.getKey());
            assertEquals(e.getKey(), reply.json().getString("uri"));
        }
    }

    @Test
    void unknownPrefixIs404WithTheEnvelope() throws Exception {
        for (String uri : List.of("/", "/v3/wallets", "/v2/walletsx", "/v2/developers/other", "/admins")) {
            Reply reply = get(uri);
            assertEquals(404, reply.status(), uri);
            assertEnvelope(reply, 2021);
        }
    }

    /**
     * Another spelling of a routed path is refused, never forwarded: forwarded as spelled, the backend's router
     * would normalise it to a resource other than the one the gateway routed on (e.g. {@code /q/health/../../v2/…}).
     */
    @Test
    void oddSpellingsOfAPathAreRefusedNotForwarded() throws Exception {
        List<String> odd = List.of("//v2/wallets/chains", "/v2//wallets/chains", "/v2/wallets//chains",
                "/%762/wallets/chains", "/v2/%77allets/chains", "/v2/wallets/chain%73", "/v2/./wallets/chains",
                "/v2/x/../wallets/chains", "/v2/%2e/wallets/chains", "/q/health/../../v2/wallets/chains",
                "/v3/../v2/wallets/chains", "/v2;x=1/wallets/chains", "/v2/wallets/chains;x=1", "/v2/wallets/chains/.",
                "/V2/wallets/chains", "/v2/Wallets/chains", "//admin/organizations", "/%61dmin/organizations",
                "/admin/./organizations", "/admin;a=b/organizations", "/ADMIN/organizations", "//api/wallets/x",
                "/api/wallets/x/../y");
        for (String uri : odd) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                Reply reply = call(method, uri, List.of(), method == HttpMethod.GET ? null : Buffer.buffer("{}"));
                assertEquals(404, reply.status(), method + " " + uri + " was answered " + reply.status() + ": "
                        + new String(reply.body(), StandardCharsets.UTF_8));
                assertEnvelope(reply, 2021);
            }
        }
        // The canonical spellings, a trailing slash and reserved escapes (%2F, %7C) are still routed.
        for (String uri : List.of("/v2/wallets/chains", "/v2/wallets/chains/", "/v2/wallets/a%2Fb", "/v2/wallets/a%7cb")) {
            Reply reply = get(uri);
            assertEquals(200, reply.status(), uri);
            assertEquals(uri, reply.json().getString("uri"));
        }
    }

    @Test
    void backendDownIs502WithTheEnvelope() throws Exception {
        for (String uri : List.of("/v2/webhooks/endpoints", "/v2/developers/callback_messages?limit=1")) {
            Reply reply = call(HttpMethod.POST, uri, List.of(), Buffer.buffer("{\"a\":1}"));
            assertEquals(502, reply.status(), uri);
            assertEnvelope(reply, 2000);
        }
    }

    @Test
    void clientsThatGiveUpDoNotUseUpTheBackendConnections() throws Exception {
        // 40 clients give up after 100-400 ms on a backend that answers after 300-350 ms, so some leave before the
        // answer, some in the middle of it. The gateway keeps only 4 connections per backend in this test: had any
        // of them stayed with an abandoned exchange, the requests below would wait forever.
        List<io.vertx.core.Future<?>> abandoned = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                    .setPort(gateway.getPort()).setURI("/v2/wallets/slow").setIdleTimeout(100 + (i % 4) * 100);
            abandoned.add(client.request(options).compose(req -> req.send().compose(HttpClientResponse::body)));
        }
        for (io.vertx.core.Future<?> f : abandoned) {
            try {
                f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // timed out on purpose
            }
        }
        for (int i = 0; i < 8; i++) {
            Reply reply = get("/v2/wallets/slow");
            assertEquals(200, reply.status());
            assertEquals("{\"slow\":true}", new String(reply.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void healthIsAnsweredByTheGateway() throws Exception {
        for (String uri : List.of("/q/health/live", "/q/health/ready")) {
            Reply reply = get(uri);
            assertEquals(200, reply.status(), uri);
            assertEquals("UP", reply.json().getString("status"));
        }
    }

    private static void assertEnvelope(Reply reply, int code) {
        assertTrue(reply.headers().get("Content-Type").startsWith("application/json"));
        JsonObject json = reply.json();
        assertEquals(code, json.getInteger("error_code"));
        assertFalse(json.getString("error_message").isBlank());
        assertTrue(json.getString("error_id").matches("[0-9a-f]{32}"), json.getString("error_id"));
        assertEquals(3, json.size());
    }
}
