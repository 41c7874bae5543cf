package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.SignedClient;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: operator calls and organisations with working API keys. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An operator JWT signed with this run's operator key. */
    public static String operatorToken() {
        return Jwt.issuer("openwaas-operator").audience("openwaas-admin").upn("operator").subject("operator").groups("operator")
                .expiresIn(Duration.ofHours(1)).sign();
    }

    /** The platform's response-signing public key of this run. */
    public static String responsePublicKey() {
        String seed = ConfigProvider.getConfig().getValue("openwaas.auth.response-signing-key", String.class);
        return ResponseSignature.fromSeedHex(seed).publicKeyHex();
    }

    public static Response operatorPost(String path, String json) {
        var spec = RestAssured.given().header("Authorization", "Bearer " + operatorToken());
        if (json != null) {
            spec = spec.contentType("application/json").body(json);
        }
        Response response = spec.post(path);
        SignedClient.assertSigned(response, responsePublicKey());
        return response;
    }

    public static String createOrganization(String name) {
        Response r = operatorPost("/admin/organizations", "{\"name\":\"" + name + "\"}");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getString("org_id");
    }

    public static Response registerKey(String orgId, ApiKeyPair key, List<String> scopes) {
        String scopesJson = scopes.stream().map(s -> "\"" + s + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return operatorPost("/admin/organizations/" + orgId + "/api_keys",
                "{\"public_key\":\"" + key.apiKey() + "\",\"curve_type\":\"" + key.curve() + "\",\"scopes\":["
                        + scopesJson + "],\"name\":\"test\"}");
    }

    /** A new organisation with an active key of the given curve and scopes, ready to use. */
    public static SignedClient newOrganization(CurveType curve, String... scopes) {
        String orgId = createOrganization("org-" + System.nanoTime());
        return clientFor(orgId, curve, scopes);
    }

    /** A new key for an existing organisation, waited for until the platform accepts it. */
    public static SignedClient clientFor(String orgId, CurveType curve, String... scopes) {
        ApiKeyPair key = ApiKeyPair.random(curve);
        Response r = registerKey(orgId, key, List.of(scopes.length == 0 ? new String[] {"read", "write", "spend"} : scopes));
        assertEquals(201, r.statusCode(), r.asString());
        SignedClient client = new SignedClient(key, responsePublicKey());
        awaitStatus(client, "/v2/organizations/info", 200);
        return client;
    }

    /**
     * Polls a signed GET until it answers the status (keys propagate through Kafka); fails after 30 s.
     *
     * @return how long it took, in ms
     */
    public static long awaitStatus(SignedClient client, String path, int status) {
        long start = System.nanoTime();
        Awaitility.await("GET " + path + " → " + status).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO)
                .until(() -> client.get(path).statusCode() == status);
        return (System.nanoTime() - start) / 1_000_000;
    }

    public static String orgIdOf(SignedClient client) {
        return client.get("/v2/organizations/info").jsonPath().getString("org_id");
    }
}
