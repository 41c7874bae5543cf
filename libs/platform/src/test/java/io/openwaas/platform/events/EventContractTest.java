package io.openwaas.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.json.JsonConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden samples: what producers write equals the sample, and consumers parse the sample. */
class EventContractTest {

    private static final ObjectMapper MAPPER = JsonConfig.newMapper();

    static JsonNode golden(String type) throws Exception {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/META-INF/openwaas/events/" + type + ".json")) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void apiKeyUpdatedV1() throws Exception {
        ApiKeyRecord record = new ApiKeyRecord(
                "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
                "7f0c3a52-2e1b-4c8e-9a61-5d2f8b9e4a10", "ops", CurveType.ED25519,
                List.of(Scope.READ, Scope.WRITE, Scope.SPEND), ApiKeyStatus.ACTIVE, null,
                1795284526567L, 1795284526567L, 1);
        JsonNode sample = golden(EventType.API_KEY_UPDATED);
        assertEquals(MAPPER.writeValueAsString(sample), MAPPER.writeValueAsString(record),
                "producer output equals the golden sample");
        assertEquals(record, MAPPER.treeToValue(sample, ApiKeyRecord.class), "consumers parse the golden sample");
    }
}
