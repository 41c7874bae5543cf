package io.openwaas.tsscallback.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.tsscallback.CallbackRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static io.openwaas.tsscallback.server.Fixtures.check;
import static io.openwaas.tsscallback.server.Fixtures.newId;
import static io.openwaas.tsscallback.server.Fixtures.usdt;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DecisionLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDecisionIsWrittenAndListed() throws Exception {
        String approved = newId();
        String rejected = newId();
        check(CallbackRequest.ping(approved), "node-1");
        check(usdt(rejected, "2000000", "0xAbCdEf0000000000000000000000000000000001"));
        Fixtures.postForm("TSS_JWT_MSG=garbage");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(CallbackTestSetup.DECISIONS)) {
            lines.add(JSON.readTree(line));
        }
        JsonNode ping = find(lines, approved);
        assertEquals(0, ping.get("request_type").asInt());
        assertEquals(0, ping.get("status").asInt());
        assertEquals("APPROVE", ping.get("action").asText());
        assertEquals("", ping.get("error").asText());
        assertEquals("default", ping.get("rule").asText());
        assertEquals(CallbackTestSetup.DIR.resolve("node-1.pub.pem").toString(), ping.get("node_key").asText());
        assertTrue(ping.get("timestamp").asText().endsWith("Z"));

        JsonNode limit = find(lines, rejected);
        assertEquals(2, limit.get("request_type").asInt());
        assertEquals("REJECT", limit.get("action").asText());
        assertEquals("max_amount_per_token", limit.get("rule").asText());
        assertEquals("amount 2000000 ETH_USDT exceeds the limit 1000000", limit.get("error").asText());

        JsonNode garbage = lines.get(lines.size() - 1);
        assertEquals(1, garbage.get("status").asInt());
        assertEquals("verification", garbage.get("rule").asText());
        assertTrue(garbage.get("node_key").isNull());
        assertTrue(garbage.get("request_type").isNull());

        String listed = Fixtures.asOperator().queryParam("limit", 3).when().get("/v1/decisions")
                .then().statusCode(200).extract().asString();
        JsonNode recent = JSON.readTree(listed);
        assertEquals(3, recent.size());
        assertEquals("verification", recent.get(0).get("rule").asText(), "newest first");
        assertEquals(rejected, recent.get(1).get("request_id").asText());
        assertEquals(approved, recent.get(2).get("request_id").asText());
        assertFalse(listed.contains("PRIVATE KEY"));
    }

    @Test
    void theFileAndTheListHoldTheSameDecisions() throws Exception {
        check(CallbackRequest.ping(newId()));
        List<String> lines = Files.readAllLines(CallbackTestSetup.DECISIONS);
        JsonNode listed = JSON.readTree(Fixtures.asOperator().queryParam("limit", 1000).when().get("/v1/decisions")
                .then().statusCode(200).extract().asString());
        assertTrue(lines.size() < 1000, "the buffer holds every decision of this run");
        assertEquals(lines.size(), listed.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(JSON.readTree(lines.get(i)), listed.get(lines.size() - 1 - i));
        }
    }

    @Test
    void badLimitIsA400() {
        for (String limit : List.of("0", "abc")) {
            Fixtures.asOperator().queryParam("limit", limit).when().get("/v1/decisions").then().statusCode(400)
                    .contentType("application/json")
                    .body("error_code", org.hamcrest.Matchers.equalTo(2006))
                    .body("error_message", org.hamcrest.Matchers.equalTo("limit must be a positive integer"))
                    .body("error_id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
        }
    }

    @Test
    void theLogHoldsNoKeyMaterial() throws Exception {
        check(CallbackRequest.ping(newId()));
        String log = Files.readString(CallbackTestSetup.DECISIONS);
        assertFalse(log.contains("PRIVATE KEY"));
        String serverKeyBody = Files.readAllLines(CallbackTestSetup.DIR.resolve("server.pem")).get(1);
        assertFalse(log.contains(serverKeyBody));
    }

    private static JsonNode find(List<JsonNode> lines, String requestId) {
        return lines.stream().filter(l -> requestId.equals(l.get("request_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + requestId));
    }
}
