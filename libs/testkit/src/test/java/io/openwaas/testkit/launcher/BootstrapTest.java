package io.openwaas.testkit.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openwaas.platform.auth.CoboAuthMessage;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.ApiKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bootstrap against a stand-in of wallet-service's operator API on a real HTTP server: the stand-in checks what the
 * contract says the real one checks (RS256 operator JWT, request bodies, Cobo-Auth signature of the check request)
 * and answers as the contract says (201 bodies, signed responses).
 */
class BootstrapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String registeredKey;
    private volatile int orgStatus = 201;

    @BeforeEach
    void standIn() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        calls.add(method + " " + path);
        try {
            if (path.startsWith("/admin/")) {
                if (!operatorTokenValid(ex.getRequestHeaders().getFirst("Authorization"))) {
                    reply(ex, 401, "{\"error_code\":2003}");
                    return;
                }
                JsonNode json = JSON.readTree(body);
                if (method.equals("POST") && path.equals("/admin/organizations")) {
                    assertEquals("{\"name\":\"default\"}", json.toString());
                    reply(ex, orgStatus, orgStatus == 201
                            ? "{\"org_id\":\"org-1\",\"name\":\"default\",\"created_timestamp\":1}" : "{\"error_code\":2000}");
                    return;
                }
                if (method.equals("POST") && path.equals("/admin/organizations/org-1/api_keys")) {
                    assertEquals("ED25519", json.get("curve_type").asText());
                    assertEquals("[\"read\",\"write\",\"spend\"]", json.get("scopes").toString());
                    assertEquals("default", json.get("name").asText());
                    registeredKey = json.get("public_key").asText();
                    reply(ex, 201, "{\"api_key\":\"" + registeredKey + "\",\"status\":\"ACTIVE\",\"org_id\":\"org-1\"}");
                    return;
                }
            }
            if (method.equals("GET") && path.equals("/v2/wallets") && coboAuthValid(ex, body)) {
                byte[] out = "{\"data\":[],\"pagination\":{\"before\":\"\",\"after\":\"\",\"total_count\":0}}"
                        .getBytes(StandardCharsets.UTF_8);
                String ts = Long.toString(System.currentTimeMillis());
                String sig = ResponseSignature.fromSeedHex(OperatorKeys.ensure(home).responseSeedHex()).sign(out, ts);
                ex.getResponseHeaders().add("BIZ_TIMESTAMP", ts);
                ex.getResponseHeaders().add("BIZ_RESP_SIGNATURE", sig);
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
                ex.close();
                return;
            }
            reply(ex, 404, "{\"error_code\":2021}");
        } catch (AssertionError | Exception e) {
            reply(ex, 400, "{\"error_message\":\"" + e.getMessage().replace('"', '\'') + "\"}");
        }
    }

    private boolean operatorTokenValid(String authorization) {
        try {
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    OperatorKeys.unpem(Files.readString(OperatorKeys.publicKeyFile(home))))));
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    private boolean coboAuthValid(HttpExchange ex, byte[] body) {
        String key = ex.getRequestHeaders().getFirst("BIZ-API-KEY");
        String nonce = ex.getRequestHeaders().getFirst("BIZ-API-NONCE");
        String sig = ex.getRequestHeaders().getFirst("BIZ-API-SIGNATURE");
        if (key == null || !key.equals(registeredKey) || nonce == null || sig == null) {
            return false;
        }
        String query = CoboAuthMessage.canonicalQuery(CoboAuthMessage.parse(ex.getRequestURI().getRawQuery()));
        String toSign = CoboAuthMessage.stringToSign("GET", "/v2/wallets", nonce, query,
                new String(body, StandardCharsets.UTF_8));
        return CurveType.ED25519.verify(HexFormat.of().parseHex(key), CoboAuthMessage.digest(toSign),
                HexFormat.of().parseHex(sig));
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    @Test
    void firstStartWritesWorkingCredentialsAndPrintsNoSecret() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new Bootstrap(home, url(), Duration.ofSeconds(10)).register();
        } finally {
            System.setOut(original);
        }

        Path file = Bootstrap.credentialsFile(home);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<String, String> env = Bootstrap.readCredentials(file);
        assertEquals(List.of("WAAS_URL", "WAAS_API_KEY", "WAAS_API_SECRET", "WAAS_RESPONSE_PUBLIC_KEY",
                "WAAS_OPERATOR_TOKEN"), List.copyOf(env.keySet()));
        assertEquals(url(), env.get("WAAS_URL"));
        assertEquals(registeredKey, env.get("WAAS_API_KEY"));
        assertEquals(env.get("WAAS_API_KEY"),
                ApiKeyPair.fromSecretHex(CurveType.ED25519, env.get("WAAS_API_SECRET")).apiKey());
        assertEquals(ResponseSignature.fromSeedHex(OperatorKeys.ensure(home).responseSeedHex()).publicKeyHex(),
                env.get("WAAS_RESPONSE_PUBLIC_KEY"));
        assertTrue(operatorTokenValid("Bearer " + env.get("WAAS_OPERATOR_TOKEN")));
        assertEquals(List.of("POST /admin/organizations", "POST /admin/organizations/org-1/api_keys", "GET /v2/wallets"),
                calls);

        String output = printed.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains(env.get("WAAS_API_SECRET")), output);
        assertFalse(output.contains(env.get("WAAS_OPERATOR_TOKEN")), output);
        assertFalse(output.contains(OperatorKeys.ensure(home).responseSeedHex()), output);
    }

    @Test
    void laterStartsDoNothing() throws Exception {
        new Bootstrap(home, url(), Duration.ofSeconds(10)).register();
        String before = Files.readString(Bootstrap.credentialsFile(home));
        calls.clear();

        new Bootstrap(home, url(), Duration.ofSeconds(10)).register();

        assertEquals(List.of(), calls, "no second organisation, no second key");
        assertEquals(before, Files.readString(Bootstrap.credentialsFile(home)));
    }

    @Test
    void tokenRenewalReplacesOnlyTheOperatorToken() throws Exception {
        new Bootstrap(home, url(), Duration.ofSeconds(10)).register();
        Map<String, String> before = Bootstrap.readCredentials(Bootstrap.credentialsFile(home));
        Thread.sleep(1100); // a token of another second: another iat and exp

        new Bootstrap(home, url(), Duration.ofSeconds(10), Duration.ofHours(2)).renewToken();

        Map<String, String> after = Bootstrap.readCredentials(Bootstrap.credentialsFile(home));
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) {
            assertEquals(!k.equals("WAAS_OPERATOR_TOKEN"), before.get(k).equals(after.get(k)), k);
        }
        assertTrue(operatorTokenValid("Bearer " + after.get("WAAS_OPERATOR_TOKEN")));
        com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.util.Base64.getUrlDecoder().decode(after.get("WAAS_OPERATOR_TOKEN").split("\\.")[1]));
        assertEquals(2 * 3600, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals("openwaas-admin", claims.get("aud").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Bootstrap.credentialsFile(home))));
    }

    @Test
    void refusedOperatorCallLeavesNoCredentials() throws Exception {
        orgStatus = 403;
        assertThrows(Bootstrap.BootstrapException.class,
                () -> new Bootstrap(home, url(), Duration.ofSeconds(10)).register());
        assertFalse(Files.exists(Bootstrap.credentialsFile(home)));
    }
}
