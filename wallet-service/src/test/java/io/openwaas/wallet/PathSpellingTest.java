package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.CoboAuthSigner;
import io.openwaas.testkit.auth.SignedClient;
import io.openwaas.testkit.http.OddPaths;
import io.openwaas.testkit.http.RawHttp;
import io.openwaas.testkit.http.RawHttp.Answer;
import io.openwaas.testkit.http.RawHttp.Framing;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks the Cobo Auth gate with other spellings of protected paths (the router matches the normalised path, so a
 * gate that looks at the raw one lets {@code //v2/...} through) and with request framings an SDK may use (a signed
 * GET with {@code Content-Type}, chunked bodies, {@code Content-Length: 0}). Raw bytes on the wire: RestAssured and
 * {@code java.net.URI} would normalise the spellings away.
 */
@QuarkusTest
class PathSpellingTest {

    /** Resources that do not call {@code CallerContext} (the catalogue, the node list) and some that do. */
    private static final List<String> TARGETS = List.of("/v2/wallets/chains", "/v2/wallets/mpc/cobo_key_share_holders",
            "/v2/wallets", "/v2/organizations/info", "/api/wallets/0x0000000000000000000000000000000000000000",
            "/admin/organizations/00000000-0000-0000-0000-000000000000/api_keys");

    @Test
    void noSpellingOfAProtectedPathAnswersWithoutAuthentication() {
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        List<String> open = new ArrayList<>();
        for (String target : TARGETS) {
            for (String spelling : OddPaths.of(target)) {
                for (String method : List.of("GET", "POST")) {
                    Answer a = method.equals("GET") ? http.send(method, spelling, Map.of())
                            : http.send(method, spelling, Map.of("Content-Type", "application/json"), "{}",
                            Framing.LENGTH);
                    // 405: a POST to a GET-only resource is refused by the router before any resource runs.
                    if (a.status() != 401 && a.status() != 404 && a.status() != 403 && a.status() != 405) {
                        open.add(method + " " + spelling + " -> " + a);
                    } else if (!a.body().contains("\"error_code\"")) {
                        open.add(method + " " + spelling + " -> no envelope: " + a);
                    }
                }
            }
        }
        assertTrue(open.isEmpty(), "answered without authentication:\n" + String.join("\n", open));
    }

    @Test
    void aSignedRequestPassesInEveryFramingAndAWrongOneIs401() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        CoboAuthSigner signer = new CoboAuthSigner(client.key());
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        String vault = "{\"name\":\"framed\",\"vault_type\":\"Org-Controlled\"}";

        record Case(String name, String method, String target, Map<String, String> extra, String body,
                    Framing framing, int expected) {
        }
        List<Case> cases = List.of(
                new Case("GET", "GET", "/v2/wallets", Map.of(), "", Framing.NONE, 200),
                new Case("GET + Content-Type", "GET", "/v2/wallets?limit=5", json, "", Framing.NONE, 200),
                new Case("GET + Content-Type + Content-Length: 0", "GET", "/v2/wallets", json, "", Framing.LENGTH, 200),
                new Case("GET + chunked empty body", "GET", "/v2/wallets/chains", json, "", Framing.CHUNKED, 200),
                new Case("GET + Content-Type: text/plain", "GET", "/v2/organizations/info",
                        Map.of("Content-Type", "text/plain"), "", Framing.NONE, 200),
                new Case("POST + Content-Length", "POST", "/v2/wallets/mpc/vaults", json, vault, Framing.LENGTH, 201),
                new Case("POST chunked", "POST", "/v2/wallets/mpc/vaults", json, vault, Framing.CHUNKED, 201),
                new Case("POST + Content-Length: 0", "POST", "/v2/wallets/mpc/vaults", json, "", Framing.LENGTH, 400),
                new Case("POST chunked empty", "POST", "/v2/wallets/mpc/vaults", json, "", Framing.CHUNKED, 400),
                new Case("POST no body", "POST", "/v2/wallets/mpc/vaults", json, "", Framing.NONE, 400),
                new Case("PUT chunked", "PUT", "/v2/wallets/mpc/vaults/00000000-0000-0000-0000-000000000000", json,
                        "{\"name\":\"x\"}", Framing.CHUNKED, 404));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            int q = c.target().indexOf('?');
            String path = q < 0 ? c.target() : c.target().substring(0, q);
            String query = q < 0 ? "" : c.target().substring(q + 1);
            Map<String, String> headers = new HashMap<>(c.extra());
            headers.putAll(signer.headers(c.method(), path, query, c.body()));
            Answer good = http.send(c.method(), c.target(), headers, c.body(), c.framing());
            if (good.status() != c.expected()) {
                wrong.add("signed " + c.name() + " -> " + good + " (expected " + c.expected() + ")");
            }
            // The same request signed over another body (or, without one, another path) is refused.
            Map<String, String> bad = new HashMap<>(c.extra());
            bad.putAll(c.body().isEmpty()
                    ? signer.headers(c.method(), path + "x", query, "")
                    : signer.headers(c.method(), path, query, c.body() + " "));
            Answer forged = http.send(c.method(), c.target(), bad, c.body(), c.framing());
            if (forged.status() != 401) {
                wrong.add("wrongly signed " + c.name() + " -> " + forged + " (expected 401)");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        client.get("/v2/wallets/mpc/vaults?vault_type=Org-Controlled").then().statusCode(200);
        assertEquals(2, client.get("/v2/wallets/mpc/vaults?vault_type=Org-Controlled").jsonPath()
                .getInt("pagination.total_count"), "the two signed POSTs created a vault each, nothing else did");
    }

    @Test
    void aResourceWithoutAnAccessDecisionIsClosed() {
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519);
        CoboAuthSigner signer = new CoboAuthSigner(client.key());
        String bearer = "Bearer " + Fixtures.operatorToken();
        for (String path : List.of(UndecidedProbeResource.V2, UndecidedProbeResource.ADMIN, UndecidedProbeResource.OTHER)) {
            assertRefused(http.send("GET", path, Map.of()), "unsigned GET " + path);
            assertRefused(http.send("GET", path, signer.headers("GET", path, "", "")), "signed GET " + path);
            assertRefused(http.send("GET", path, Map.of("Authorization", bearer)), "operator GET " + path);
        }
        // The decided resources next to them still work.
        assertEquals(200, http.send("GET", UndecidedProbeResource.V2 + "/decided",
                signer.headers("GET", UndecidedProbeResource.V2 + "/decided", "", "")).status());
    }

    private static void assertRefused(Answer a, String what) {
        assertTrue(a.status() == 401 || a.status() == 403, what + " answered " + a);
        assertTrue(a.body().contains("\"error_code\""), what + " answered without the envelope: " + a);
    }
}
