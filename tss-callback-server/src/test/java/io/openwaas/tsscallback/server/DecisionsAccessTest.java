package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.openwaas.tsscallback.server.Fixtures.check;
import static io.openwaas.tsscallback.server.Fixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks {@code /v1/decisions} (the operator's view of every decision): only a valid operator JWT reads it, in no
 * spelling of the path; errors come in the envelope; a resource without a security annotation is closed;
 * {@code /v1/check} and health stay open.
 */
@QuarkusTest
class DecisionsAccessTest {

    /** A test-only resource that forgot its security annotation. */
    @Path("/v1/undecided-probe")
    public static class UndecidedProbe {
        @GET
        public String get() {
            return "open";
        }
    }

    @Test
    void decisionsNeedTheOperatorToken() {
        check(CallbackRequest.ping(newId()));
        given().get("/v1/decisions").then().statusCode(401).contentType("application/json")
                .body("error_code", equalTo(2022)).body("error_id", matchesPattern("[0-9a-f]{32}"));
        Fixtures.asOperator().get("/v1/decisions").then().statusCode(200);

        Instant now = Instant.now();
        List<String> refused = List.of(
                "not-a-jwt",
                Jwt.issuer("openwaas-operator").groups("operator").expiresIn(Duration.ofMinutes(5)).sign(),
                Jwt.issuer("openwaas-operator").audience("another-api").groups("operator")
                        .expiresIn(Duration.ofMinutes(5)).sign(),
                Jwt.issuer("someone-else").audience("openwaas-admin").groups("operator")
                        .expiresIn(Duration.ofMinutes(5)).sign(),
                // issued two days ago, still unexpired: older than mp.jwt.verify.token.age
                Jwt.issuer("openwaas-operator").audience("openwaas-admin").groups("operator")
                        .issuedAt(now.minus(Duration.ofDays(2))).expiresAt(now.plus(Duration.ofDays(1))).sign(),
                Jwt.issuer("openwaas-operator").audience("openwaas-admin").groups("operator")
                        .issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1))).sign());
        for (String token : refused) {
            given().header("Authorization", "Bearer " + token).get("/v1/decisions").then().statusCode(401)
                    .body("error_code", equalTo(2022));
        }
        String wrongRole = Jwt.issuer("openwaas-operator").audience("openwaas-admin").subject("viewer").groups("viewer")
                .expiresIn(Duration.ofMinutes(5)).sign();
        given().header("Authorization", "Bearer " + wrongRole).get("/v1/decisions").then().statusCode(403)
                .body("error_code", equalTo(2025));
    }

    @Test
    void noSpellingOfDecisionsOpensIt() throws IOException {
        List<String> open = new ArrayList<>();
        for (String target : List.of("/v1/decisions", "//v1/decisions", "/v1//decisions", "/%761/decisions",
                "/v1/%64ecisions", "/v1/./decisions", "/v1/x/../decisions", "/q/health/../../v1/decisions",
                "/v1/check/../decisions", "/v1/decisions;x=1", "/v1;x=1/decisions", "/v1/decisions/",
                "/V1/decisions", "/v1/Decisions", "/v1/decisions?limit=1")) {
            String status = statusLine(target);
            if (!status.contains(" 401 ") && !status.contains(" 404 ")) {
                open.add(target + " -> " + status);
            }
        }
        assertTrue(open.isEmpty(), "answered without the operator token:\n" + String.join("\n", open));
    }

    @Test
    void aResourceWithoutASecurityAnnotationIsClosed() {
        given().get("/v1/undecided-probe").then().statusCode(401);
        Fixtures.asOperator().get("/v1/undecided-probe").then().statusCode(403).body("error_code", equalTo(2025));
    }

    @Test
    void checkAndHealthStayOpen() {
        check(CallbackRequest.ping(newId()));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String statusLine(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
