package io.openwaas.bench.tss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.platform.json.JsonConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The bench builds its KeySign JSON by hand: it must be exactly what the platform's {@code TssRequest} writes. */
class TssBusJsonTest {

    private static final String XPUB = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8"
            + "YtGqsefD265TMg7usUDFdp6W1EGMcet8";

    @Test
    void keySignIsWhatTssRequestSerialises() throws Exception {
        ObjectNode mine = TssBus.keySign(new ObjectMapper(), "20261121093000000000000000000042", "org-1", "group-1",
                XPUB, List.of("tss-node-0", "tss-node-1"), "m/44/60/0/0/3",
                "9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658", "ECDSA");
        ObjectMapper platform = JsonConfig.newMapper();
        TssRequest parsed = platform.treeToValue(mine, TssRequest.class);
        assertEquals(TssRequestType.KEY_SIGN, parsed.type());
        assertEquals(TssSignatureType.ECDSA, parsed.keySign().signatureType());
        assertEquals(List.of("m/44/60/0/0/3"), parsed.keySign().bip32PathList());
        // Same text, field order included, as the platform writes the same request.
        assertEquals(platform.writeValueAsString(parsed), new ObjectMapper().writeValueAsString(mine));
    }

    @Test
    void fieldsAreThoseOfTheGoldenSample() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/openwaas/events/io.openwaas.tss.request.submitted.v1.json")) {
            assertNotNull(in, "golden sample on the class path (libs/platform)");
            golden = new ObjectMapper().readTree(in);
        }
        ObjectNode mine = TssBus.keySign(new ObjectMapper(), "1", "org", "g", XPUB, List.of("a", "b"), "m/0", "00",
                "Schnorr");
        // The bench leaves out only the optional timeout_ms (the node's default) and extra_info (no callback rules).
        List<String> goldenTop = names(golden);
        goldenTop.remove("timeout_ms");
        List<String> goldenSign = names(golden.get("key_sign"));
        goldenSign.remove("extra_info");
        assertEquals(goldenTop, names(mine));
        assertEquals(goldenSign, names(mine.get("key_sign")));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
