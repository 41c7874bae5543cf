package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.CallbackResponse;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.openwaas.tsscallback.server.Fixtures.assertApproved;
import static io.openwaas.tsscallback.server.Fixtures.assertRejected;
import static io.openwaas.tsscallback.server.Fixtures.check;
import static io.openwaas.tsscallback.server.Fixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Rules that change while the server runs: the file is re-read when it changes. */
@QuarkusTest
class RulesReloadTest {

    @AfterEach
    void restore() {
        Fixtures.writeRules(CallbackTestSetup.DEFAULT_RULES);
    }

    @Test
    void aTypeThatIsNotAllowedIsRejected() {
        Fixtures.writeRules("{\"allowed_request_types\": [\"Ping\", \"KeyGen\", \"KeySign\"]}");

        String id = newId();
        assertRejected(id, "request type KeyReshare is not allowed by this callback server",
                check(Fixtures.keyReshare(id)));
        String ping = newId();
        assertApproved(ping, check(CallbackRequest.ping(ping)));
    }

    @Test
    void noAllowedTypesRejectsEvenPing() {
        Fixtures.writeRules("{\"allowed_request_types\": []}");

        String id = newId();
        assertRejected(id, "request type Ping is not allowed by this callback server", check(CallbackRequest.ping(id)));
    }

    @Test
    void rejectAllWithRejectsEverything() {
        Fixtures.writeRules("{\"reject_all_with\": \"drill: all signing is paused\"}");

        String id = newId();
        assertRejected(id, "drill: all signing is paused", check(CallbackRequest.ping(id)));
        String id2 = newId();
        assertRejected(id2, "drill: all signing is paused", check(Fixtures.keyGen(id2)));
    }

    @Test
    void anInvalidChangeKeepsThePreviousRulesAndIsReported() {
        Fixtures.writeRules("{\"allowed_request_types\": [\"Ping\"]}");
        String id = newId();
        assertRejected(id, "request type KeyGen is not allowed by this callback server", check(Fixtures.keyGen(id)));

        Fixtures.writeRules("{\"allowed_request_types\": [\"Ping\"], \"max_amount_per_tokn\": {}}");

        String id2 = newId();
        CallbackResponse response = check(Fixtures.keyGen(id2));
        assertRejected(id2, "request type KeyGen is not allowed by this callback server", response);
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.rules_reload_error", containsString("max_amount_per_tokn"));
    }
}
