package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OperatorApiTest {

    @Test
    void createsOrganizationsAndRegistersListsAndRevokesKeys() {
        Response org = Fixtures.operatorPost("/admin/organizations", "{\"name\":\"Acme\"}");
        org.then().statusCode(201)
                .body("org_id", notNullValue())
                .body("name", equalTo("Acme"))
                .body("biz_org_id", notNullValue())
                .body("created_timestamp", notNullValue());
        String orgId = org.jsonPath().getString("org_id");

        ApiKeyPair ed = ApiKeyPair.random(CurveType.ED25519);
        Fixtures.registerKey(orgId, ed, List.of("read", "write")).then().statusCode(201)
                .body("api_key", equalTo(ed.apiKey()))
                .body("org_id", equalTo(orgId))
                .body("curve_type", equalTo("ED25519"))
                .body("scopes", equalTo(List.of("read", "write")))
                .body("status", equalTo("ACTIVE"));
        ApiKeyPair k1 = ApiKeyPair.random(CurveType.SECP256K1);
        Fixtures.registerKey(orgId, k1, List.of("read")).then().statusCode(201).body("curve_type", equalTo("SECP256K1"));

        RestAssured.given().header("Authorization", "Bearer " + Fixtures.operatorToken())
                .get("/admin/organizations/" + orgId + "/api_keys?limit=1")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].api_key", equalTo(ed.apiKey()))
                .body("pagination.total_count", equalTo(2))
                .body("pagination.before", equalTo(""))
                .body("pagination.after", matchesPattern(".+"));

        Fixtures.operatorPost("/admin/organizations/" + orgId + "/api_keys/" + ed.apiKey() + "/revoke", null)
                .then().statusCode(201).body("status", equalTo("REVOKED"));
        // Idempotent.
        Fixtures.operatorPost("/admin/organizations/" + orgId + "/api_keys/" + ed.apiKey() + "/revoke", null)
                .then().statusCode(201).body("status", equalTo("REVOKED"));
    }

    @Test
    void refusesCallsWithoutAValidOperatorToken() {
        RestAssured.given().contentType("application/json").body("{\"name\":\"x\"}").post("/admin/organizations")
                .then().statusCode(401).body("error_code", equalTo(2024)).body("error_id", matchesPattern("[0-9a-f]{32}"));
        String wrongIssuer = Jwt.issuer("someone-else").groups("operator").sign();
        RestAssured.given().header("Authorization", "Bearer " + wrongIssuer).contentType("application/json")
                .body("{\"name\":\"x\"}").post("/admin/organizations").then().statusCode(401);
        java.time.Instant now = java.time.Instant.now();
        for (String refused : List.of(
                Jwt.issuer("openwaas-operator").upn("operator").groups("operator").sign(), // no audience
                Jwt.issuer("openwaas-operator").audience("tss-callback").upn("operator").groups("operator").sign(),
                // unexpired but issued longer ago than mp.jwt.verify.token.age (24 h)
                Jwt.issuer("openwaas-operator").audience("openwaas-admin").upn("operator").groups("operator")
                        .issuedAt(now.minus(java.time.Duration.ofHours(25)))
                        .expiresAt(now.plus(java.time.Duration.ofDays(300))).sign())) {
            RestAssured.given().header("Authorization", "Bearer " + refused).contentType("application/json")
                    .body("{\"name\":\"x\"}").post("/admin/organizations").then().statusCode(401)
                    .body("error_code", equalTo(2024));
        }
        String notOperator = Jwt.issuer("openwaas-operator").audience("openwaas-admin").upn("viewer").groups("viewer")
                .sign();
        RestAssured.given().header("Authorization", "Bearer " + notOperator).contentType("application/json")
                .body("{\"name\":\"x\"}").post("/admin/organizations").then().statusCode(403)
                .body("error_code", equalTo(2025));
    }

    @Test
    void rejectsBadInputWithTheEnvelope() {
        String orgId = Fixtures.createOrganization("validation");
        String base = "/admin/organizations/" + orgId + "/api_keys";
        Fixtures.operatorPost("/admin/organizations", "{\"name\":").then().statusCode(400)
                .body("error_code", equalTo(2006)).body("error_message", equalTo("malformed JSON body"));
        Fixtures.operatorPost("/admin/organizations", "{\"name\":\"  \"}").then().statusCode(400);
        Fixtures.operatorPost("/admin/organizations", "{\"name\":12}").then().statusCode(400)
                .body("error_message", equalTo("invalid value '12' for name"));
        Fixtures.operatorPost(base, "{\"public_key\":\"zz\",\"curve_type\":\"ED25519\",\"scopes\":[\"read\"]}")
                .then().statusCode(400).body("error_message", equalTo("invalid public_key: must be hex"));
        Fixtures.operatorPost(base, "{\"public_key\":\"" + "00".repeat(33) + "\",\"curve_type\":\"SECP256K1\",\"scopes\":[\"read\"]}")
                .then().statusCode(400);
        Fixtures.operatorPost(base, "{\"public_key\":\"" + "ab".repeat(32) + "\",\"curve_type\":\"RSA\",\"scopes\":[\"read\"]}")
                .then().statusCode(400).body("error_message", matchesPattern("invalid value 'RSA' for curve_type.*"));
        ApiKeyPair key = ApiKeyPair.random(CurveType.ED25519);
        Fixtures.operatorPost(base, "{\"public_key\":\"" + key.apiKey() + "\",\"curve_type\":\"ED25519\",\"scopes\":[]}")
                .then().statusCode(400);
        Fixtures.operatorPost(base, "{\"public_key\":\"" + key.apiKey() + "\",\"curve_type\":\"ED25519\",\"scopes\":[\"admin\"]}")
                .then().statusCode(400);
        Fixtures.registerKey(orgId, key, List.of("read")).then().statusCode(201);
        Fixtures.registerKey(orgId, key, List.of("read")).then().statusCode(409).body("error_code", equalTo(2040));
        Fixtures.registerKey("no-such-org", ApiKeyPair.random(CurveType.ED25519), List.of("read")).then().statusCode(404)
                .body("error_code", equalTo(2028));
        Response keys = RestAssured.given().header("Authorization", "Bearer " + Fixtures.operatorToken()).get(base);
        assertEquals(1, keys.jsonPath().getInt("pagination.total_count"), "rejected keys must not be stored");
    }

    /** Attacks the check-then-insert of a registration: many registrations of one key at once, truly in parallel. */
    @Test
    void concurrentRegistrationsOfOneKeyGiveOne201AndOnly409s() throws Exception {
        String orgId = Fixtures.createOrganization("race");
        ApiKeyPair key = ApiKeyPair.random(CurveType.ED25519);
        String body = "{\"public_key\":\"" + key.apiKey() + "\",\"curve_type\":\"ED25519\",\"scopes\":[\"read\"]}";
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + RestAssured.port + "/admin/organizations/" + orgId
                + "/api_keys");
        String bearer = "Bearer " + Fixtures.operatorToken();
        int n = 12;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                            .header("Authorization", bearer).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
                    start.await();
                    return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                }));
            }
            int created = 0;
            List<String> other = new java.util.ArrayList<>();
            for (var f : answers) {
                java.net.http.HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    created++;
                } else if (r.statusCode() != 409 || !r.body().contains("\"error_code\":2040")) {
                    other.add(r.statusCode() + " " + r.body());
                }
            }
            assertEquals(List.of(), other, "every losing registration is a 409 with the envelope");
            assertEquals(1, created, "exactly one registration wins");
        } finally {
            pool.shutdownNow();
        }
        RestAssured.given().header("Authorization", bearer).get("/admin/organizations/" + orgId + "/api_keys")
                .then().statusCode(200).body("data", hasSize(1));
    }
}
