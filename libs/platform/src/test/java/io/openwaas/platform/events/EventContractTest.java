package io.openwaas.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.platform.events.wallet.WalletAddressCreated;
import io.openwaas.platform.events.wallet.WalletBalanceUpdated;
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

    private static void assertContract(Object record, String type) throws Exception {
        JsonNode sample = golden(type);
        assertEquals(MAPPER.writeValueAsString(sample), MAPPER.writeValueAsString(record),
                "producer output equals the golden sample of " + type);
        assertEquals(record, MAPPER.treeToValue(sample, record.getClass()), "consumers parse the golden sample of " + type);
    }

    private static final String XPUB = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";
    private static final String GROUP = "f2b1c6a4-0d4e-4b55-9f3e-1c2d3e4f5a6b";

    @Test
    void tssRequestSubmittedV1() throws Exception {
        JsonNode extra = MAPPER.readTree("{\"coin\":\"ETH\",\"decimal\":18,\"amount\":\"1500000000000000000\","
                + "\"from_address\":\"0x9858effd232b4033e47d90003d41ec34ecaeda94\","
                + "\"to_address\":\"0x6fac4d18c912343bf86fa7049364dd4e424ab9c0\"}");
        TssRequest request = new TssRequest("20261121093000000000000000000042", TssRequestType.KEY_SIGN,
                "7f0c3a52-2e1b-4c8e-9a61-5d2f8b9e4a10", "withdraw-2026-11-21-0001", 1795284526567L, 30000L, null,
                new TssRequest.KeySign(GROUP, XPUB, List.of("tss-node-0", "tss-node-1"), List.of("m/44/60/0/0/3"),
                        List.of("9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658"), List.of(),
                        TssSignatureType.ECDSA, extra),
                null);
        assertContract(request, EventType.TSS_REQUEST_SUBMITTED);
    }

    @Test
    void tssResultReportedV1() throws Exception {
        TssResult result = new TssResult("20261121093000000000000000000041", TssRequestType.KEY_GEN, "tss-node-1",
                TssResultStatus.SUCCEEDED, null, null,
                List.of(new TssResult.Key(TssCurve.SECP256K1, GROUP,
                        "0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2", XPUB,
                        "5b1d0b8f8a2b7c3e4d5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f70819", 2,
                        List.of("tss-node-0", "tss-node-1", "tss-node-2"))),
                null, 1795284527611L);
        assertContract(result, EventType.TSS_RESULT_REPORTED);
    }

    @Test
    void tssNodeUpdatedV1() throws Exception {
        TssNodeInfo node = new TssNodeInfo("tss-node-0", 1,
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", "EkEB", true,
                "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n",
                TssNodeStatus.ONLINE, 5000, 1795284526567L);
        assertContract(node, EventType.TSS_NODE_UPDATED);
    }

    private static final String WALLET = "0b9c2f4e-6d1a-4c3b-8e5f-7a9d1c2b3e4f";
    private static final String ORG = "7f0c3a52-2e1b-4c8e-9a61-5d2f8b9e4a10";

    @Test
    void walletAddressCreatedV1() throws Exception {
        // The first two P2TR addresses of wallet account 3 of the BIP-32 test vector 1 root (libs/crypto).
        WalletAddressCreated created = new WalletAddressCreated(WALLET, ORG, "c5a1e7d3-9b2f-4e6a-8c0d-1f3b5d7e9a2c",
                "MPC", "Org-Controlled", "BTC", "ENCODING_P2TR", XPUB, List.of(
                        new WalletAddressCreated.Address("bc1pgznymrjket44cqq6j6n98efk9py8fpnelc4ase450jpaacurjfps6pat03",
                                "m/44/0/3/0/0", "03f67b311a79f556239b3faa3f03517c63626aaa365971b5a64000c7f6135d9b2c",
                                "f67b311a79f556239b3faa3f03517c63626aaa365971b5a64000c7f6135d9b2c"),
                        new WalletAddressCreated.Address("bc1pz0hztzf3m7y6jmfupzv79cqsf4ule62dt9fxtzz5fycf4t4zz2wsxdt7cs",
                                "m/44/0/3/0/1", "02f4e0ce1611191331f3ddd228d4f5b9a5cf1aedac7735f0558e2f7fd23ba1e8f0",
                                "f4e0ce1611191331f3ddd228d4f5b9a5cf1aedac7735f0558e2f7fd23ba1e8f0")),
                1795284526567L);
        assertContract(created, EventType.WALLET_ADDRESS_CREATED);
    }

    @Test
    void walletBalanceUpdatedV1() throws Exception {
        WalletBalanceUpdated updated = new WalletBalanceUpdated(WALLET, ORG, "0x7c3937F000F4B22E279D67eD86A346c757d9346B",
                "ETH", "ETH_USDT", "1250.5", "1000.25", "250.25", 42, 1795284527611L);
        assertContract(updated, EventType.WALLET_BALANCE_UPDATED);
        // An account-level balance has no address: the field is absent, not null.
        WalletBalanceUpdated accountLevel = new WalletBalanceUpdated(WALLET, ORG, null, "BTC", "BTC", "0.5", "0.5",
                "0", 1, 1795284527611L);
        JsonNode json = MAPPER.valueToTree(accountLevel);
        assertEquals(false, json.has("address"));
        assertEquals(accountLevel, MAPPER.treeToValue(json, WalletBalanceUpdated.class));
    }
}
