package io.openwaas.tsscallback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackEnvelopeTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);
    private static final String REQUEST = CallbackRequest.ping("r-1").toJson();

    @Test
    void plainIsTheDocumentItself() {
        assertEquals(REQUEST, CallbackEnvelope.PLAIN.seal(REQUEST, NOW));
        assertEquals(new CallbackEnvelope.Opened(CallbackEnvelope.PLAIN, REQUEST), CallbackEnvelope.open(REQUEST, NOW));
    }

    @Test
    void packageDataCarriesTheExactBytesWithAnExpiry() {
        String sealed = CallbackEnvelope.PACKAGE_DATA.seal(REQUEST, NOW);
        JsonNode claims = CallbackJson.readTree(sealed, "claims");
        assertEquals(REQUEST, new String(Base64.getDecoder().decode(claims.get("package_data").textValue()),
                StandardCharsets.UTF_8));
        assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(NOW.plus(CallbackEnvelope.VALIDITY).getEpochSecond(), claims.get("exp").asLong());
        assertEquals(new CallbackEnvelope.Opened(CallbackEnvelope.PACKAGE_DATA, REQUEST),
                CallbackEnvelope.open(sealed, NOW));
    }

    @Test
    void readsTheClaimsCobosTemplatesWrite() {
        // Go's jwt.StandardClaims next to a []byte field (standard base64 with padding), and an issuer.
        String json = "{\"request_id\":\"t-1\",\"request_type\":0,\"request_detail\":\"\",\"extra_info\":\"\"}";
        String claims = "{\"package_data\":\"" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + "\",\"exp\":" + (NOW.getEpochSecond() + 120) + ",\"iss\":\"TEST-001\"}";
        CallbackEnvelope.Opened opened = CallbackEnvelope.open(claims, NOW);
        assertEquals(CallbackEnvelope.PACKAGE_DATA, opened.envelope());
        assertEquals("t-1", CallbackRequest.parse(opened.json()).requestId());
    }

    @Test
    void expiryAllowsForClockSkewOnly() {
        String sealed = CallbackEnvelope.PACKAGE_DATA.seal(REQUEST, NOW);
        Instant expiry = NOW.plus(CallbackEnvelope.VALIDITY);
        assertEquals(REQUEST, CallbackEnvelope.open(sealed, expiry.plus(CallbackEnvelope.CLOCK_SKEW)).json());
        CallbackFormatException late = assertThrows(CallbackFormatException.class,
                () -> CallbackEnvelope.open(sealed, expiry.plus(CallbackEnvelope.CLOCK_SKEW).plusSeconds(1)));
        assertTrue(late.getMessage().contains("expired"), late.getMessage());
    }

    @Test
    void malformedEnvelopesAreRefused() {
        for (String payload : new String[] {"[1]", "\"text\"", "not json", "{\"package_data\":5}",
                "{\"package_data\":\"***\"}", "{\"package_data\":\"" + Base64.getEncoder().encodeToString(new byte[] {
                        (byte) 0xc3, (byte) 0x28}) + "\"}", "{\"package_data\":\"e30=\",\"exp\":\"soon\"}"}) {
            assertThrows(CallbackFormatException.class, () -> CallbackEnvelope.open(payload, NOW), payload);
        }
    }

    @Test
    void configurationNames() {
        assertEquals(CallbackEnvelope.PLAIN, CallbackEnvelope.parse("plain"));
        assertEquals(CallbackEnvelope.PACKAGE_DATA, CallbackEnvelope.parse("package-data"));
        assertEquals(CallbackEnvelope.PACKAGE_DATA, CallbackEnvelope.parse(" PACKAGE_DATA "));
        assertThrows(IllegalArgumentException.class, () -> CallbackEnvelope.parse("jwt"));
        assertThrows(IllegalArgumentException.class, () -> CallbackEnvelope.parse(null));
    }
}
