package io.openwaas.tsscallback;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden JSON: the field names and shapes exactly as the callback server requirements (seed 003) list them. */
class WireFormatTest {

    @Test
    void pingRequest() {
        CallbackRequest ping = CallbackRequest.ping("req-0");
        assertEquals("{\"request_id\":\"req-0\",\"request_type\":0,\"request_detail\":\"{}\",\"extra_info\":\"{}\"}",
                ping.toJson());
        assertEquals(ping, CallbackRequest.parse(ping.toJson()));
        assertEquals(Optional.of(CallbackRequestType.PING), ping.type());
    }

    @Test
    void requestTypeCodes() {
        assertEquals(0, CallbackRequestType.PING.code());
        assertEquals(1, CallbackRequestType.KEY_GEN.code());
        assertEquals(2, CallbackRequestType.KEY_SIGN.code());
        assertEquals(3, CallbackRequestType.KEY_RESHARE.code());
        assertEquals(Optional.empty(), CallbackRequestType.fromCode(4));
        assertEquals(Optional.of(CallbackRequestType.KEY_RESHARE), CallbackRequestType.fromRuleName("KeyReshare"));
    }

    @Test
    void keyGen() {
        CallbackRequest request = CallbackRequest.keyGen("req-1",
                new KeyGenDetail(2, List.of("n0", "n1", "n2"), KeyGenDetail.CURVE_ED25519, "task-1"),
                new KeyGenExtraInfo("cobo-1", "api-1"));
        assertEquals("{\"request_id\":\"req-1\",\"request_type\":1,"
                + "\"request_detail\":\"{\\\"threshold\\\":2,\\\"node_ids\\\":[\\\"n0\\\",\\\"n1\\\",\\\"n2\\\"],"
                + "\\\"curve\\\":2,\\\"task_id\\\":\\\"task-1\\\"}\","
                + "\"extra_info\":\"{\\\"cobo_id\\\":\\\"cobo-1\\\",\\\"api_request_id\\\":\\\"api-1\\\"}\"}",
                request.toJson());
        CallbackRequest parsed = CallbackRequest.parse(request.toJson());
        assertEquals(new KeyGenDetail(2, List.of("n0", "n1", "n2"), 2, "task-1"),
                KeyGenDetail.parse(parsed.requestDetail()));
        assertEquals(new KeyGenExtraInfo("cobo-1", "api-1"), KeyGenExtraInfo.parse(parsed.extraInfo()));
    }

    @Test
    void keySignDetail() {
        KeySignDetail detail = new KeySignDetail("g1", "xpub1", List.of("n0", "n1"), List.of("m/44/60/0/0/0"),
                List.of("ab"), List.of(), KeySignDetail.SIGNATURE_ECDSA, KeySignDetail.PROTOCOL_LINDELL, "task-2");
        String json = CallbackJson.write(detail);
        assertEquals("{\"group_id\":\"g1\",\"root_pub_key\":\"xpub1\",\"used_node_ids\":[\"n0\",\"n1\"],"
                + "\"bip32_path_list\":[\"m/44/60/0/0/0\"],\"msg_hash_list\":[\"ab\"],\"tweak_list\":[],"
                + "\"signature_type\":1,\"tss_protocol\":2,\"task_id\":\"task-2\"}", json);
        assertEquals(detail, KeySignDetail.parse(json));
    }

    @Test
    void keyReshare() {
        KeyReshareDetail detail = new KeyReshareDetail("g0", "xpub0", KeyGenDetail.CURVE_SECP256K1,
                List.of("n0", "n1"), 2, 2, List.of("n0", "n1", "n3"), "task-3");
        String json = CallbackJson.write(detail);
        assertEquals("{\"old_group_id\":\"g0\",\"root_pub_key\":\"xpub0\",\"curve\":0,\"used_node_ids\":[\"n0\",\"n1\"],"
                + "\"old_threshold\":2,\"new_threshold\":2,\"new_node_ids\":[\"n0\",\"n1\",\"n3\"],"
                + "\"task_id\":\"task-3\"}", json);
        assertEquals(detail, KeyReshareDetail.parse(json));
        assertEquals("{\"cobo_id\":\"c\",\"api_request_id\":\"a\"}",
                CallbackJson.write(new KeyReshareExtraInfo("c", "a")));
        CallbackRequest request = CallbackRequest.keyReshare("req-3", detail, new KeyReshareExtraInfo("c", "a"));
        assertEquals(3, request.requestType());
    }

    @Test
    void keySignExtraInfoKeepsEveryField() {
        String wire = "{\"cobo_id\":\"c1\",\"api_request_id\":\"a1\",\"transaction_type\":102,\"operation\":100,"
                + "\"coin\":\"ETH_USDT\",\"decimal\":6,\"from_address\":\"0xfrom\",\"amount\":\"1000001\","
                + "\"to_address\":\"0xAbC\",\"fee\":0,\"gas_price\":12,\"gas_limit\":21000,"
                + "\"extra_parameters\":{\"inputs_to_spend\":[{\"tx_hash\":\"h\",\"vout_n\":1}]},"
                + "\"replace_cobo_id\":\"\",\"api_key\":\"k\",\"spender\":\"\",\"operator\":\"\","
                + "\"custody_wallet_name\":\"w\",\"gas_station_child_id\":\"\",\"raw_tx_hex\":\"00\",\"note\":\"n\","
                + "\"raw_tx_info\":{\"x\":1},\"field_from_the_future\":[1,2]}";
        KeySignExtraInfo extra = KeySignExtraInfo.parse(wire);

        assertEquals(wire, extra.toJson());
        assertEquals(Optional.of("ETH_USDT"), extra.coin());
        assertEquals(Optional.of("1000001"), extra.amount());
        assertEquals(Optional.of("0xAbC"), extra.toAddress());
        assertEquals(Optional.of("c1"), extra.coboId());
        assertEquals(Optional.empty(), extra.text("replace_cobo_id"));
        assertEquals(List.of(), extra.toAddressDetails());

        CallbackRequest request = CallbackRequest.keySign("r", new KeySignDetail("g", "x", List.of(), List.of(),
                List.of(), List.of(), 1, 2, "t"), extra);
        assertEquals(wire, CallbackRequest.parse(request.toJson()).extraInfo());
    }

    @Test
    void amountAsJsonNumberIsReadWithoutLoss() {
        KeySignExtraInfo extra = KeySignExtraInfo.parse("{\"amount\":123456789012345678901234567890.5}");
        assertEquals(Optional.of("123456789012345678901234567890.5"), extra.amount());
    }

    @Test
    void toAddressDetailsAsArrayOrString() {
        String array = "[{\"to_address\":\"bc1qa\",\"amount\":\"10\"},{\"to_address\":\"bc1qb\",\"amount\":\"20\"}]";
        List<ToAddressDetail> expected = List.of(new ToAddressDetail("bc1qa", "10"), new ToAddressDetail("bc1qb", "20"));

        assertEquals(expected, KeySignExtraInfo.parse("{\"to_address_details\":" + array + "}").toAddressDetails());
        String asString = JsonNodeFactory.instance.objectNode().put("to_address_details", array).toString();
        assertEquals(expected, KeySignExtraInfo.parse(asString).toAddressDetails());
        assertThrows(CallbackFormatException.class,
                () -> KeySignExtraInfo.parse("{\"to_address_details\":{\"a\":1}}").toAddressDetails());
        assertThrows(CallbackFormatException.class,
                () -> KeySignExtraInfo.parse("{\"to_address_details\":\"not json\"}").toAddressDetails());
    }

    @Test
    void builderWritesSnakeCase() {
        KeySignExtraInfo extra = KeySignExtraInfo.builder().coboId("c").apiRequestId("a")
                .transactionType(KeySignExtraInfo.TRANSACTION_FROM_API).operation(KeySignExtraInfo.OPERATION_TRANSFER)
                .coin("BTC").decimal(8).fromAddress("bc1qf").amount("30").toAddress(null)
                .toAddressDetails(List.of(new ToAddressDetail("bc1qa", "30"))).note("hi").build();
        assertEquals("{\"cobo_id\":\"c\",\"api_request_id\":\"a\",\"transaction_type\":102,\"operation\":100,"
                + "\"coin\":\"BTC\",\"decimal\":8,\"from_address\":\"bc1qf\",\"amount\":\"30\","
                + "\"to_address_details\":[{\"to_address\":\"bc1qa\",\"amount\":\"30\"}],\"note\":\"hi\"}",
                extra.toJson());
    }

    @Test
    void response() {
        assertEquals("{\"status\":0,\"request_id\":\"r\",\"action\":\"APPROVE\",\"error\":\"\"}",
                CallbackResponse.approve("r").toJson());
        assertEquals("{\"status\":0,\"request_id\":\"r\",\"action\":\"REJECT\",\"error\":\"too much\"}",
                CallbackResponse.reject("r", "too much").toJson());
        CallbackResponse failure = CallbackResponse.failure(1, "", "bad JWT");
        assertFalse(failure.isApproval());
        assertTrue(CallbackResponse.approve("r").isApproval());
        assertEquals(failure, CallbackResponse.parse(failure.toJson()));
        assertEquals(new CallbackResponse(0, "r", "APPROVE", "x"),
                CallbackResponse.parse("{\"status\":0,\"request_id\":\"r\",\"action\":\"APPROVE\",\"error\":\"x\","
                        + "\"unknown\":true}"));
    }

    @Test
    void malformedInputIsAFormatError() {
        assertThrows(CallbackFormatException.class, () -> CallbackRequest.parse("not json"));
        assertThrows(CallbackFormatException.class, () -> CallbackRequest.parse("{\"request_type\":0}"));
        assertThrows(CallbackFormatException.class, () -> CallbackRequest.parse("null"));
        assertThrows(CallbackFormatException.class, () -> KeyGenDetail.parse("{\"threshold\":\"two\"}"));
        assertThrows(CallbackFormatException.class, () -> KeySignExtraInfo.parse("[1]"));
    }
}
