package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Unknown endpoints and methods answer with the signed envelope; health checks real dependencies. */
@QuarkusTest
class ErrorEnvelopeTest {

    @Test
    void unknownPathsAndMethodsAnswerTheSignedEnvelope() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        client.get("/v2/wallets/mpc/nothing/here").then().statusCode(404)
                .contentType("application/json")
                .body("error_code", equalTo(2021))
                .body("error_id", matchesPattern("[0-9a-f]{32}"));
        client.send("DELETE", "/v2/wallets/mpc/vaults", null, io.openwaas.testkit.auth.CoboAuthSigner.freshNonce())
                .then().statusCode(405).body("error_code", equalTo(2002));
        client.post("/v2/wallets", "{\"name\":\"x\",\"wallet_type\":\"MPC\",\"wallet_subtype\":\"Org-Controlled\","
                + "\"vault_id\":\"not-a-uuid\"}").then().statusCode(400)
                .body(not(containsString("Exception"))).body(not(containsString("io.openwaas")));
    }

    @Test
    void largeBodiesAreAuthenticatedAndValidatedLikeSmallOnes() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        String longName = "n".repeat(200_000);
        client.post("/v2/wallets/mpc/vaults", "{\"name\":\"" + longName + "\",\"vault_type\":\"Org-Controlled\"}")
                .then().statusCode(400).body("error_message", equalTo("invalid name: size must be between 0 and 200"));
    }

    @Test
    void healthReportsDatabaseKafkaAndTheKeyRegistry() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("api-key-registry", "tss-node-view"));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
