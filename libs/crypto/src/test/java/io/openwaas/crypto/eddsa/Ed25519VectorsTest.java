package io.openwaas.crypto.eddsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ed25519VectorsTest {

    @Test
    void rfc8032Section71() {
        JsonNode root = Vectors.json("rfc8032/rfc8032-ed25519-section7.1.json");
        int passed = 0;
        for (JsonNode v : root.get("vectors")) {
            Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Hex.decode(v.get("secret_key").asText()));
            byte[] msg = Hex.decode(v.get("message").asText());
            assertEquals(v.get("public_key").asText(), Hex.encode(key.publicKeyBytes()), v.get("name").asText());
            byte[] sig = Ed25519.sign(key, msg);
            assertEquals(v.get("signature").asText(), Hex.encode(sig), v.get("name").asText());
            assertTrue(Ed25519.verify(key.publicKeyBytes(), msg, sig));
            assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, key.publicKeyBytes(), 0, msg, 0,
                    msg.length));
            passed++;
        }
        assertEquals(5, passed);
        Vectors.report("rfc8032/rfc8032-ed25519-section7.1.json", passed, "keygen + sign + verify");
    }

    @Test
    void wycheproofEd25519() {
        JsonNode root = Vectors.json("wycheproof/ed25519_test.json");
        int passed = 0;
        for (JsonNode group : root.get("testGroups")) {
            byte[] pk = Hex.decode(group.get("publicKey").get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                byte[] msg = Hex.decode(t.get("msg").asText());
                byte[] sig = Hex.decode(t.get("sig").asText());
                boolean expected = "valid".equals(t.get("result").asText());
                assertEquals(expected, Ed25519.verify(pk, msg, sig), "tcId " + t.get("tcId") + " " + t.get("comment"));
                passed++;
            }
        }
        assertEquals(root.get("numberOfTests").asInt(), passed);
        Vectors.report("wycheproof/ed25519_test.json", passed, "verify");
    }

    /**
     * The documented policy (see {@link Ed25519}): reject S >= L, non-canonical A or R, small-order A; cofactored
     * equation. Expected outcomes per case follow from the condition table, and must equal BouncyCastle's.
     */
    @Test
    void speccheckPolicy() {
        JsonNode root = Vectors.json("ed25519-speccheck/cases-conditions.json");
        boolean[] expected = {false, false, true, true, true, true, false, false, false, false, false, false};
        int passed = 0;
        for (JsonNode c : root.get("cases")) {
            int i = c.get("index").asInt();
            byte[] msg = Hex.decode(c.get("message").asText());
            byte[] pk = Hex.decode(c.get("pub_key").asText());
            byte[] sig = Hex.decode(c.get("signature").asText());
            // the policy derived from the condition table
            boolean policy = !c.get("S").asText().startsWith("S >")
                    && !c.get("A_order").asText().startsWith("small")
                    && !c.get("R_order").asText().endsWith("*")
                    && !"X".equals(c.get("cofactored_verify").asText());
            assertEquals(expected[i], policy, "case " + i);
            assertEquals(expected[i], Ed25519.verify(pk, msg, sig), "case " + i + " " + c.get("comment"));
            assertEquals(expected[i], org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, pk, 0, msg, 0,
                    msg.length), "BouncyCastle, case " + i);
            passed++;
        }
        assertEquals(12, passed);
        JsonNode raw = Vectors.json("ed25519-speccheck/cases.json");
        assertEquals(12, raw.size());
        Vectors.report("ed25519-speccheck/cases-conditions.json", passed, "policy = BouncyCastle 1.83");
    }

    @Test
    void agreesWithBouncyCastleOnRandomKeysAndScalarKeys() {
        Random r = new Random(42);
        for (int i = 0; i < 100; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] msg = new byte[r.nextInt(200)];
            r.nextBytes(msg);
            Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
            byte[] bcSig = new byte[64];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, msg, 0, msg.length, bcSig, 0);
            byte[] sig = Ed25519.sign(key, msg);
            assertArrayEquals(bcSig, sig);
            assertTrue(Ed25519.verify(key.publicKeyBytes(), msg, sig));
            sig[r.nextInt(64)] ^= (byte) (1 << r.nextInt(8));
            assertEquals(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, key.publicKeyBytes(), 0, msg, 0,
                    msg.length), Ed25519.verify(key.publicKeyBytes(), msg, sig));
            // an MPC-style raw scalar key: the signature verifies under BouncyCastle
            BigInteger a = Ed25519Group.GROUP.randomScalar(new java.security.SecureRandom(seed));
            Ed25519PrivateKey sk = Ed25519PrivateKey.fromScalar(a);
            byte[] s2 = Ed25519.sign(sk, msg);
            assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(s2, 0, sk.publicKeyBytes(), 0, msg, 0,
                    msg.length));
            assertFalse(Ed25519.verify(key.publicKeyBytes(), msg, s2));
        }
        assertEquals("Ed25519PrivateKey[redacted]", Ed25519PrivateKey.fromSeed(new byte[32]).toString());
    }
}
