package io.openwaas.crypto.tx;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.tx.evm.EvmTransaction;
import io.openwaas.crypto.tx.evm.Rlp;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvmTransactionTest {

    @Test
    void eip155Example() {
        JsonNode v = Vectors.json("ethereum/eip155-example.json");
        JsonNode t = v.get("tx");
        EvmTransaction tx = EvmTransaction.legacy(t.get("chainId").asLong(),
                BigInteger.valueOf(t.get("nonce").asLong()),
                new BigInteger(t.get("gasPrice").asText()), BigInteger.valueOf(t.get("gasLimit").asLong()),
                Hex.decode(t.get("to").asText()), new BigInteger(t.get("value").asText()),
                Hex.decode(t.get("data").asText()));
        assertEquals(v.get("signing_data_rlp").asText(), Hex.encode(tx.signingPayload()));
        assertEquals(v.get("signing_hash").asText(), Hex.encode(tx.signingHash()));
        Secp256k1PrivateKey key = Secp256k1PrivateKey.wrap(Hex.decode(v.get("private_key").asText()));
        EcdsaSignature sig = Ecdsa.sign(key, tx.signingHash());
        byte[] signed = tx.encodeSigned(sig);
        assertEquals(v.get("signed_tx_rlp").asText(), Hex.encode(signed));
        EvmTransaction.Signed d = EvmTransaction.decodeSigned(signed);
        assertEquals(v.get("derived_by_this_collection").get("sender_address").asText(),
                Addresses.eip55(d.sender()));
        assertEquals(1, d.transaction().chainId());
        assertEquals(BigInteger.valueOf(9), d.transaction().nonce());
        assertEquals(new BigInteger("20000000000"), d.transaction().gasPrice());
        assertEquals(BigInteger.valueOf(21000), d.transaction().gasLimit());
        assertEquals(new BigInteger("1000000000000000000"), d.transaction().value());
        assertEquals("3535353535353535353535353535353535353535", Hex.encode(d.transaction().to()));
        assertEquals(0, d.transaction().data().length);
        Vectors.report("ethereum/eip155-example.json (tx)", 1, "signing RLP, hash, signed tx, sender");
    }

    @Test
    void ethereumTransactionTests() {
        String[] files = {"RightVRSTest.json", "V_equals37.json", "GasLimitPriceProductOverflowtMinusOne.json"};
        for (String f : files) {
            JsonNode root = Vectors.json("ethereum/TransactionTests/" + f);
            int passed = 0;
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                JsonNode test = it.next().getValue();
                byte[] raw = Hex.decode(test.get("txbytes").asText());
                JsonNode result = test.get("result");
                // the newest fork listed that accepts it
                JsonNode ok = null;
                for (String fork : new String[] {"Prague", "Cancun", "Shanghai", "Paris", "London", "Berlin"}) {
                    if (result.has(fork) && result.get(fork).has("hash")) {
                        ok = result.get(fork);
                        break;
                    }
                }
                EvmTransaction.Signed d = EvmTransaction.decodeSigned(raw);
                assertEquals(ok.get("hash").asText().substring(2), Hex.encode(d.hash()), f);
                assertEquals(ok.get("sender").asText().substring(2), Hex.encode(d.sender()), f);
                // re-assembling from the decoded fields gives the same bytes
                assertArrayEquals(raw, d.transaction().encodeSigned(d.signature()), f);
                passed++;
            }
            Vectors.report("ethereum/TransactionTests/" + f, passed, "decode, hash, sender, re-encode");
        }
    }

    /** Independent implementation: web3j (test scope) encodes and signs the same transactions byte for byte. */
    @Test
    void agreesWithWeb3j() {
        SecureRandom rnd = new SecureRandom(new byte[] {5});
        for (int i = 0; i < 50; i++) {
            Secp256k1PrivateKey key = Secp256k1PrivateKey.random(rnd);
            Credentials cred = Credentials.create(ECKeyPair.create(key.scalar()));
            byte[] to = new byte[20];
            rnd.nextBytes(to);
            byte[] data = new byte[rnd.nextInt(100)];
            rnd.nextBytes(data);
            BigInteger nonce = BigInteger.valueOf(rnd.nextInt(1000));
            BigInteger value = new BigInteger(80, rnd);
            BigInteger gas = BigInteger.valueOf(21000 + rnd.nextInt(100000));
            long chainId = 1 + rnd.nextInt(100000);
            // EIP-1559
            BigInteger tip = new BigInteger(35, rnd);
            BigInteger maxFee = tip.add(new BigInteger(40, rnd));
            EvmTransaction tx = EvmTransaction.eip1559(chainId, nonce, tip, maxFee, gas, to, value, data, List.of());
            RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, gas, "0x" + Hex.encode(to), value,
                    "0x" + Hex.encode(data), tip, maxFee);
            assertArrayEquals(TransactionEncoder.encode(raw), tx.signingPayload());
            byte[] ours = tx.encodeSigned(Ecdsa.sign(key, tx.signingHash()));
            assertArrayEquals(TransactionEncoder.signMessage(raw, cred), ours);
            assertArrayEquals(Addresses.evmAccountId(key.publicKey()), EvmTransaction.decodeSigned(ours).sender());
            // legacy EIP-155
            BigInteger gasPrice = new BigInteger(40, rnd);
            EvmTransaction legacy = EvmTransaction.legacy(chainId, nonce, gasPrice, gas, to, value, data);
            RawTransaction rawLegacy = RawTransaction.createTransaction(nonce, gasPrice, gas, "0x" + Hex.encode(to),
                    value, "0x" + Hex.encode(data));
            byte[] oursLegacy = legacy.encodeSigned(Ecdsa.sign(key, legacy.signingHash()));
            assertArrayEquals(TransactionEncoder.signMessage(rawLegacy, chainId, cred), oursLegacy);
        }
    }

    @Test
    void rlpIsStrict() {
        assertEquals("80", Hex.encode(Rlp.encode(Rlp.uint(0))));
        assertEquals("0f", Hex.encode(Rlp.encode(Rlp.uint(15))));
        assertEquals("820400", Hex.encode(Rlp.encode(Rlp.uint(1024))));
        assertEquals("c0", Hex.encode(Rlp.encode(List.of())));
        // yellow paper examples: "dog", ["cat", "dog"]
        assertEquals("83646f67", Hex.encode(Rlp.encode("dog".getBytes())));
        assertEquals("c88363617483646f67", Hex.encode(Rlp.encode(List.of("cat".getBytes(), "dog".getBytes()))));
        assertThrows(IllegalArgumentException.class, () -> Rlp.decode(Hex.decode("8105")));
        assertThrows(IllegalArgumentException.class, () -> Rlp.decode(Hex.decode("b80161")));
        assertThrows(IllegalArgumentException.class, () -> Rlp.decode(Hex.decode("83646f")));
        assertThrows(IllegalArgumentException.class, () -> Rlp.decode(Hex.decode("83646f6701")));
        assertThrows(IllegalArgumentException.class, () -> Rlp.toUint(Rlp.decode(Hex.decode("820001"))));
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeSigned(Hex.decode("01c0")));
    }
}
