package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackEnvelope;
import io.openwaas.tsscallback.CallbackJwt;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.CallbackResponse;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.openwaas.tsscallback.ToAddressDetail;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.List;

import static io.openwaas.tsscallback.server.Fixtures.assertApproved;
import static io.openwaas.tsscallback.server.Fixtures.assertRejected;
import static io.openwaas.tsscallback.server.Fixtures.check;
import static io.openwaas.tsscallback.server.Fixtures.newId;
import static io.openwaas.tsscallback.server.Fixtures.usdt;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CheckResourceTest {

    private static final String ALLOWED_ETH = "0xAbCdEf0000000000000000000000000000000001";

    // ---- approvals, one per request type

    @Test
    void pingIsApproved() {
        String id = newId();
        assertApproved(id, check(CallbackRequest.ping(id)));
    }

    @Test
    void keyGenIsApproved() {
        String id = newId();
        assertApproved(id, check(Fixtures.keyGen(id)));
    }

    @Test
    void keyReshareIsApproved() {
        String id = newId();
        assertApproved(id, check(Fixtures.keyReshare(id)));
    }

    @Test
    void keySignToAnAllowedAddressWithinTheLimitIsApproved() {
        String id = newId();
        assertApproved(id, check(usdt(id, "999999", ALLOWED_ETH)));
    }

    @Test
    void theSecondNodeKeyIsAcceptedToo() {
        String id = newId();
        assertApproved(id, check(CallbackRequest.ping(id), "node-1"));
    }

    // ---- Cobo's envelope (a base64 package_data claim) and multipart forms

    @Test
    void aPackageDataRequestIsAnsweredInPackageData() throws Exception {
        String id = newId();
        String jwt = CallbackJwt.sign(CallbackEnvelope.PACKAGE_DATA.seal(usdt(id, "1000001", ALLOWED_ETH).toJson(),
                Instant.now()), Fixtures.privateKey("node-0"));
        String answer = given().formParam("TSS_JWT_MSG", jwt).when().post("/v1/check")
                .then().statusCode(200).extract().asString();
        CallbackEnvelope.Opened opened =
                CallbackEnvelope.open(CallbackJwt.verify(answer, Fixtures.publicKey("server")), Instant.now());
        assertEquals(CallbackEnvelope.PACKAGE_DATA, opened.envelope());
        assertRejected(id, "amount 1000001 ETH_USDT exceeds the limit 1000000", CallbackResponse.parse(opened.json()));
    }

    @Test
    void anExpiredPackageDataRequestIsRefused() {
        String id = newId();
        String claims = "{\"package_data\":\"" + Base64.getEncoder().encodeToString(
                CallbackRequest.ping(id).toJson().getBytes(StandardCharsets.UTF_8)) + "\",\"exp\":"
                + (Instant.now().getEpochSecond() - 600) + "}";
        CallbackResponse response = Fixtures.postJwt(CallbackJwt.sign(claims, Fixtures.privateKey("node-0")));
        assertNotEquals(CallbackResponse.STATUS_OK, response.status());
        assertEquals(CallbackResponse.REJECT, response.action());
        assertTrue(response.error().contains("expired"), response.error());
    }

    @Test
    void aMultipartFormIsReadToo() {
        String id = newId();
        String jwt = CallbackJwt.sign(CallbackRequest.ping(id).toJson(), Fixtures.privateKey("node-0"));
        assertApproved(id, Fixtures.verifyAnswer(given().multiPart("TSS_JWT_MSG", jwt).when().post("/v1/check")
                .then().statusCode(200).extract().asString()));
        CallbackResponse missing = Fixtures.verifyAnswer(given().multiPart("OTHER", jwt).when().post("/v1/check")
                .then().statusCode(200).extract().asString());
        assertNotEquals(CallbackResponse.STATUS_OK, missing.status());
        assertTrue(missing.error().contains("TSS_JWT_MSG"), missing.error());
    }

    // ---- amount limit: exact decimal comparison

    @Test
    void amountEqualToTheLimitIsApproved() {
        String id = newId();
        assertApproved(id, check(usdt(id, "1000000", ALLOWED_ETH)));
    }

    @Test
    void amountOneAboveTheLimitIsRejected() {
        String id = newId();
        assertRejected(id, "amount 1000001 ETH_USDT exceeds the limit 1000000", check(usdt(id, "1000001", ALLOWED_ETH)));
    }

    @Test
    void amountAFractionAboveTheLimitIsRejected() {
        String id = newId();
        assertRejected(id, "amount 1000000.000000000000000001 ETH_USDT exceeds the limit 1000000",
                check(usdt(id, "1000000.000000000000000001", ALLOWED_ETH)));
    }

    @Test
    void hugeAmountIsRejectedNotRounded() {
        String id = newId();
        String huge = "1" + "0".repeat(80);
        assertRejected(id, "amount " + huge + " ETH_USDT exceeds the limit 1000000", check(usdt(id, huge, ALLOWED_ETH)));
    }

    @Test
    void nonNumericOrNegativeAmountIsRejected() {
        String id = newId();
        assertRejected(id, "amount 'lots' is not a non-negative decimal number", check(usdt(id, "lots", ALLOWED_ETH)));
        String id2 = newId();
        assertRejected(id2, "amount '-5' is not a non-negative decimal number", check(usdt(id2, "-5", ALLOWED_ETH)));
    }

    @Test
    void limitedCoinWithoutAmountIsRejected() {
        String id = newId();
        assertRejected(id, "KeySign of ETH_USDT carries no amount; the limit 1000000 cannot be checked",
                check(usdt(id, null, ALLOWED_ETH)));
    }

    @Test
    void unlimitedCoinIsApproved() {
        String id = newId();
        CallbackRequest request = Fixtures.keySign(id, KeySignExtraInfo.builder().coin("ETH").amount("9".repeat(40))
                .toAddress(ALLOWED_ETH).build());
        assertApproved(id, check(request));
    }

    @Test
    void utxoDetailsAreSummedAgainstTheLimit() {
        String id = newId();
        CallbackRequest over = Fixtures.keySign(id, KeySignExtraInfo.builder().coin("BTC")
                .toAddressDetails(List.of(new ToAddressDetail("bc1qallowed1", "30000"),
                        new ToAddressDetail("bc1qallowed2", "20001"))).build());
        assertRejected(id, "to_address_details total 50001 BTC exceeds the limit 50000", check(over));

        String id2 = newId();
        CallbackRequest within = Fixtures.keySign(id2, KeySignExtraInfo.builder().coin("BTC")
                .toAddressDetails(List.of(new ToAddressDetail("bc1qallowed1", "30000"),
                        new ToAddressDetail("bc1qallowed2", "20000"))).build());
        assertApproved(id2, check(within));
    }

    // ---- destinations

    @Test
    void destinationNotInTheAllowlistIsRejected() {
        String id = newId();
        String to = "0x9999999999999999999999999999999999999999";
        assertRejected(id, "destination " + to + " is not in the address allowlist", check(usdt(id, "1", to)));
    }

    @Test
    void hexAddressesCompareCaseInsensitively() {
        String id = newId();
        assertApproved(id, check(usdt(id, "1", ALLOWED_ETH.toLowerCase())));
        String id2 = newId();
        assertApproved(id2, check(usdt(id2, "1", "0X" + ALLOWED_ETH.substring(2).toUpperCase())));
    }

    @Test
    void otherAddressesCompareExactly() {
        String id = newId();
        CallbackRequest request = Fixtures.keySign(id, KeySignExtraInfo.builder().coin("TRON").amount("1")
                .toAddress("tallowedtronaddress").build());
        assertRejected(id, "destination tallowedtronaddress is not in the address allowlist", check(request));
    }

    @Test
    void everyUtxoDestinationMustBeAllowed() {
        String id = newId();
        CallbackRequest request = Fixtures.keySign(id, KeySignExtraInfo.builder().coin("BTC")
                .toAddressDetails(List.of(new ToAddressDetail("bc1qallowed1", "1"),
                        new ToAddressDetail("bc1qattacker", "1"))).build());
        assertRejected(id, "destination bc1qattacker is not in the address allowlist", check(request));
    }

    @Test
    void keySignWithoutDestinationIsRejected() {
        String id = newId();
        CallbackRequest request = Fixtures.keySign(id, KeySignExtraInfo.builder().coin("ETH").amount("1").build());
        assertRejected(id, "KeySign names no destination (to_address / to_address_details) and the address "
                + "allowlist is on", check(request));
    }

    // ---- requests that never reach the rules: signed status-1 answers, never APPROVE

    @Test
    void unknownRequestTypeIsRejected() {
        String id = newId();
        assertRejected(id, "unknown request_type 9", check(new CallbackRequest(id, 9, "{}", "{}")));
    }

    @Test
    void tamperedJwtIsNotApproved() {
        String id = newId();
        String jwt = CallbackJwt.sign(usdt(id, "5000000", ALLOWED_ETH).toJson(), Fixtures.privateKey("node-0"));
        String[] parts = jwt.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                usdt(id, "5", ALLOWED_ETH).toJson().getBytes(StandardCharsets.UTF_8));

        CallbackResponse response = Fixtures.postJwt(parts[0] + "." + forgedPayload + "." + parts[2]);

        assertBadRequest(response, "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key");
    }

    @Test
    void unknownNodeKeyIsNotApproved() {
        CallbackResponse response = check(CallbackRequest.ping(newId()), "stranger");
        assertBadRequest(response, "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key");
    }

    @Test
    void theServerKeyIsNotANodeKey() {
        CallbackResponse response = check(CallbackRequest.ping(newId()), "server");
        assertBadRequest(response, "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key");
    }

    @Test
    void unsignedJwtIsNotApproved() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(CallbackRequest.ping("x").toJson().getBytes(StandardCharsets.UTF_8)) + ".";
        assertBadRequest(Fixtures.postJwt(none),
                "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key");
    }

    @Test
    void missingFormFieldIsNotApproved() {
        assertBadRequest(Fixtures.postForm("SOMETHING_ELSE=1"), "form field TSS_JWT_MSG is missing or empty");
        assertBadRequest(Fixtures.postForm(""), "form field TSS_JWT_MSG is missing or empty");
    }

    @Test
    void garbageFieldIsNotApproved() {
        assertBadRequest(Fixtures.postForm("TSS_JWT_MSG=not-a-jwt"),
                "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key");
    }

    @Test
    void aJsonBodyIsNotApproved() {
        String answer = io.restassured.RestAssured.given().contentType("application/json")
                .body(CallbackRequest.ping("x").toJson())
                .when().post("/v1/check")
                .then().statusCode(200).extract().asString();
        assertBadRequest(Fixtures.verifyAnswer(answer),
                "the body must be application/x-www-form-urlencoded or multipart/form-data with the field TSS_JWT_MSG");
    }

    @Test
    void badPercentEncodingIsNotApproved() {
        assertBadRequest(Fixtures.postForm("TSS_JWT_MSG=%zz"),
                "the body is not valid application/x-www-form-urlencoded");
    }

    @Test
    void theFieldTwiceIsNotApproved() {
        String id = newId();
        String jwt = CallbackJwt.sign(CallbackRequest.ping(id).toJson(), Fixtures.privateKey("node-0"));
        assertBadRequest(Fixtures.postForm("TSS_JWT_MSG=" + jwt + "&TSS_JWT_MSG=" + jwt),
                "form field TSS_JWT_MSG appears more than once");
    }

    @Test
    void otherFormFieldsAreIgnored() {
        String id = newId();
        String jwt = CallbackJwt.sign(CallbackRequest.ping(id).toJson(), Fixtures.privateKey("node-0"));
        assertApproved(id, Fixtures.postForm("a=1&TSS_JWT_MSG=" + java.net.URLEncoder.encode(jwt,
                StandardCharsets.UTF_8) + "&b"));
    }

    @Test
    void signedPayloadThatIsNotARequestIsNotApproved() {
        String jwt = CallbackJwt.sign("{\"hello\":\"world\"}", Fixtures.privateKey("node-0"));
        assertBadRequest(Fixtures.postJwt(jwt), "the JWT payload is not a CallbackRequest: "
                + "CallbackRequest has no request_id");
    }

    @Test
    void malformedDetailIsNotApproved() {
        String id = newId();
        CallbackResponse response = check(new CallbackRequest(id, 2, "{\"group_id\":", "{}"));
        assertEquals(1, response.status());
        assertEquals(id, response.requestId());
        assertNotEquals(CallbackResponse.APPROVE, response.action());
        assertTrue(response.error().startsWith("request " + id + " is malformed: KeySignDetail is not valid JSON"),
                response.error());
    }

    private static void assertBadRequest(CallbackResponse response, String error) {
        assertEquals(new CallbackResponse(1, "", CallbackResponse.REJECT, error), response);
    }
}
