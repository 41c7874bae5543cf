package io.openwaas.transaction.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.transaction.Transaction;
import io.openwaas.platform.json.JsonConfig;
import io.openwaas.transaction.persistence.TransactionEntity;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The transaction.* golden samples (libs/platform): what this service writes for a deposit in each state equals the
 * sample of its event type, and the sample parses as {@link Transaction} for consumers.
 */
class TransactionEventContractTest {

    private static final ObjectMapper MAPPER = JsonConfig.newMapper();

    @Test
    void createdUpdatedSucceededFailed() throws Exception {
        TransactionEntity t = deposit();
        assertContract(t, EventType.TRANSACTION_CREATED);
        t.confirmedNum = 2;
        t.updatedTimestamp += 1000;
        assertContract(t, EventType.TRANSACTION_UPDATED);
        t.confirmedNum = 3;
        t.status = "Completed";
        t.subStatus = null;
        t.updatedTimestamp += 1000;
        assertContract(t, EventType.TRANSACTION_SUCCEEDED);

        TransactionEntity lost = deposit();
        lost.status = "Failed";
        lost.subStatus = Deposits.REORGED;
        lost.failedReason = "its block left the chain in a reorg and it was not included again within 12 blocks";
        lost.confirmedNum = 0;
        lost.blockNumber = null;
        lost.blockHash = null;
        lost.blockTimestamp = null;
        lost.updatedTimestamp += 5000;
        assertContract(lost, EventType.TRANSACTION_FAILED);
    }

    private static void assertContract(TransactionEntity t, String type) throws Exception {
        JsonNode sample;
        try (InputStream in = TransactionEventContractTest.class
                .getResourceAsStream("/META-INF/openwaas/events/" + type + ".json")) {
            sample = MAPPER.readTree(in);
        }
        Transaction produced = TransactionViews.of(t);
        assertEquals(MAPPER.writeValueAsString(sample), MAPPER.writeValueAsString(produced),
                "producer output equals the golden sample of " + type);
        assertEquals(produced, MAPPER.treeToValue(sample, Transaction.class), "consumers parse the sample of " + type);
    }

    private static TransactionEntity deposit() {
        TransactionEntity t = new TransactionEntity();
        t.id = UUID.fromString("5f0a1c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b");
        t.walletId = UUID.fromString("0b9c2f4e-6d1a-4c3b-8e5f-7a9d1c2b3e4f");
        t.walletType = "MPC";
        t.walletSubtype = "Org-Controlled";
        t.type = "Deposit";
        t.status = "Confirming";
        t.subStatus = Deposits.PENDING_BLOCK_CONFIRMATIONS;
        t.chainId = "DEV_ETH";
        t.tokenId = "DEV_ETH_USDT";
        t.address = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
        t.counterparty = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        t.amount = new BigDecimal("10.500000");
        t.txHash = "0x75757da42efd16372ee1a0b9fbbeaa3e9c22edb104c3dda84f711bd6281de17a";
        t.logIndex = 0;
        t.blockNumber = 1205L;
        t.blockHash = "0x3c1f6d5e2b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f";
        t.blockTimestamp = 1795284526000L;
        t.confirmedNum = 1;
        t.confirmingThreshold = 3;
        t.createdTimestamp = 1795284526567L;
        t.updatedTimestamp = 1795284526567L;
        return t;
    }
}
