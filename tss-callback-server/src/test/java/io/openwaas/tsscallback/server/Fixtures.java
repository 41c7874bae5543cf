package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackJwt;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.CallbackResponse;
import io.openwaas.tsscallback.KeyGenDetail;
import io.openwaas.tsscallback.KeyGenExtraInfo;
import io.openwaas.tsscallback.KeyReshareDetail;
import io.openwaas.tsscallback.KeyReshareExtraInfo;
import io.openwaas.tsscallback.KeySignDetail;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.openwaas.tsscallback.RsaPem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests, keys and the HTTP exchange the tests share. */
final class Fixtures {

    private Fixtures() {
    }

    static RSAPrivateKey privateKey(String name) {
        try {
            return RsaPem.readPrivateKey(CallbackTestSetup.DIR.resolve(name + ".pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RSAPublicKey publicKey(String name) {
        try {
            return RsaPem.readPublicKey(CallbackTestSetup.DIR.resolve(name + ".pub.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operator JWT as the platform's operator tools make it, signed with the key test mode generates. */
    static String operatorToken() {
        return io.smallrye.jwt.build.Jwt.issuer("openwaas-operator").audience("openwaas-admin").subject("operator")
                .groups("operator").expiresIn(java.time.Duration.ofMinutes(10)).sign();
    }

    /** A request to an operator endpoint, with the operator token. */
    static io.restassured.specification.RequestSpecification asOperator() {
        return given().header("Authorization", "Bearer " + operatorToken());
    }

    static String newId() {
        return "req-" + UUID.randomUUID();
    }

    static CallbackRequest keyGen(String id) {
        return CallbackRequest.keyGen(id, new KeyGenDetail(2, List.of("n0", "n1", "n2"), KeyGenDetail.CURVE_SECP256K1,
                "task-" + id), new KeyGenExtraInfo("cobo-" + id, "api-" + id));
    }

    static CallbackRequest keyReshare(String id) {
        return CallbackRequest.keyReshare(id, new KeyReshareDetail("g0", "xpub0", KeyGenDetail.CURVE_ED25519,
                List.of("n0", "n1"), 2, 2, List.of("n0", "n1", "n3"), "task-" + id),
                new KeyReshareExtraInfo("cobo-" + id, "api-" + id));
    }

    static KeySignDetail signDetail(String id) {
        return new KeySignDetail("g1", "xpub1", List.of("n0", "n1"), List.of("m/44/60/0/0/0"),
                List.of("0f".repeat(32)), List.of(), KeySignDetail.SIGNATURE_ECDSA, KeySignDetail.PROTOCOL_LINDELL,
                "task-" + id);
    }

    static CallbackRequest keySign(String id, KeySignExtraInfo extra) {
        return CallbackRequest.keySign(id, signDetail(id), extra);
    }

    static CallbackRequest usdt(String id, String amount, String to) {
        return keySign(id, KeySignExtraInfo.builder().coboId("c-" + id).apiRequestId(id)
                .transactionType(KeySignExtraInfo.TRANSACTION_FROM_API).operation(KeySignExtraInfo.OPERATION_TRANSFER)
                .coin("ETH_USDT").decimal(6).fromAddress("0x1111111111111111111111111111111111111111")
                .amount(amount).toAddress(to).build());
    }

    /** Posts a raw form body and returns the answer's verified payload. */
    static CallbackResponse postForm(String formBody) {
        String jwt = given().contentType("application/x-www-form-urlencoded").body(formBody)
                .when().post("/v1/check")
                .then().statusCode(200).contentType(io.restassured.http.ContentType.TEXT)
                .extract().asString();
        return verifyAnswer(jwt);
    }

    /** Signs a request with the named node key, posts it, and returns the answer's verified payload. */
    static CallbackResponse check(CallbackRequest request, String nodeKey) {
        String jwt = CallbackJwt.sign(request.toJson(), privateKey(nodeKey));
        return postJwt(jwt);
    }

    static CallbackResponse check(CallbackRequest request) {
        return check(request, "node-0");
    }

    static CallbackResponse postJwt(String jwt) {
        String answer = given().formParam("TSS_JWT_MSG", jwt)
                .when().post("/v1/check")
                .then().statusCode(200)
                .extract().asString();
        return verifyAnswer(answer);
    }

    static CallbackResponse verifyAnswer(String jwt) {
        try {
            return CallbackResponse.parse(CallbackJwt.verify(jwt, publicKey("server")));
        } catch (Exception e) {
            throw new AssertionError("the answer is not a JWT signed by the server key: " + e.getMessage());
        }
    }

    static void assertApproved(String id, CallbackResponse response) {
        assertEquals(CallbackResponse.approve(id), response);
    }

    static void assertRejected(String id, String reason, CallbackResponse response) {
        assertEquals(CallbackResponse.reject(id, reason), response);
    }

    /** Replaces the rules file and makes sure its modification time moves, so the server re-reads it. */
    static void writeRules(String json) {
        try {
            FileTime before = Files.getLastModifiedTime(CallbackTestSetup.RULES);
            Files.writeString(CallbackTestSetup.RULES, json);
            Files.setLastModifiedTime(CallbackTestSetup.RULES,
                    FileTime.fromMillis(Math.max(System.currentTimeMillis(), before.toMillis() + 1000)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
