package io.openwaas.crypto.ecdsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcdsaVectorsTest {

    @Test
    void wycheproofSecp256k1Sha256() {
        runWycheproof("wycheproof/ecdsa_secp256k1_sha256_test.json", false);
    }

    @Test
    void wycheproofSecp256k1Sha256Bitcoin() {
        runWycheproof("wycheproof/ecdsa_secp256k1_sha256_bitcoin_test.json", true);
    }

    private static void runWycheproof(String file, boolean bitcoinRules) {
        JsonNode root = Vectors.json(file);
        int passed = 0;
        int total = 0;
        for (JsonNode group : root.get("testGroups")) {
            Secp256k1Point pub = Secp256k1.GROUP.decodeUncompressed(
                    Hex.decode(group.get("publicKey").get("uncompressed").asText()));
            assertEquals("SHA-256", group.get("sha").asText());
            for (JsonNode t : group.get("tests")) {
                total++;
                byte[] hash = Hashes.sha256(Hex.decode(t.get("msg").asText()));
                boolean ok;
                try {
                    EcdsaSignature sig = EcdsaSignature.parseDer(Hex.decode(t.get("sig").asText()));
                    ok = Ecdsa.verify(pub, hash, sig, bitcoinRules);
                } catch (IllegalArgumentException e) {
                    ok = false;
                }
                boolean expected = "valid".equals(t.get("result").asText());
                assertEquals(expected, ok, file + " tcId " + t.get("tcId") + " " + t.get("comment"));
                passed++;
            }
        }
        assertEquals(root.get("numberOfTests").asInt(), total);
        Vectors.report(file, passed, "verify, DER " + (bitcoinRules ? "+ low-S" : ""));
    }

    @Test
    void eip155ExampleSignature() {
        JsonNode v = Vectors.json("ethereum/eip155-example.json");
        Secp256k1PrivateKey key = Secp256k1PrivateKey.wrap(Hex.decode(v.get("private_key").asText()));
        byte[] hash = Hex.decode(v.get("signing_hash").asText());
        EcdsaSignature sig = Ecdsa.sign(key, hash);
        assertEquals(new BigInteger(v.get("r").asText()), sig.r());
        assertEquals(new BigInteger(v.get("s").asText()), sig.s());
        assertEquals(v.get("v").asInt(), 35 + 2 * 1 + sig.recoveryId());
        assertEquals(key.publicKey(), Ecdsa.recover(hash, sig));
        Vectors.report("ethereum/eip155-example.json", 1, "RFC 6979 signature r, s, v");
    }

    @Test
    void rfc6979MatchesBouncyCastleAndRecoveryIdIsRight() {
        SecureRandom rnd = new SecureRandom(new byte[] {9});
        ECDomainParameters dom = new ECDomainParameters(Secp256k1.PARAMS);
        for (int i = 0; i < 100; i++) {
            Secp256k1PrivateKey key = Secp256k1PrivateKey.random(rnd);
            byte[] hash = Hashes.sha256(("m" + i).getBytes(StandardCharsets.UTF_8));
            EcdsaSignature sig = Ecdsa.sign(key, hash);
            ECDSASigner bc = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            bc.init(true, new ECPrivateKeyParameters(key.scalar(), dom));
            BigInteger[] rs = bc.generateSignature(hash);
            BigInteger lowS = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
            assertEquals(rs[0], sig.r());
            assertEquals(lowS, sig.s());
            assertTrue(sig.isLowS());
            assertTrue(Ecdsa.verify(key.publicKey(), hash, sig, true));
            assertEquals(key.publicKey(), Ecdsa.recover(hash, sig));
            assertEquals(sig.recoveryId(), Ecdsa.findRecoveryId(key.publicKey(), hash, sig));
            EcdsaSignature high = new EcdsaSignature(sig.r(), Secp256k1.N.subtract(sig.s()), sig.recoveryId() ^ 1);
            assertFalse(Ecdsa.verify(key.publicKey(), hash, high, true));
            assertTrue(Ecdsa.verify(key.publicKey(), hash, high, false));
            assertEquals(key.publicKey(), Ecdsa.recover(hash, high));
            assertEquals(sig, EcdsaSignature.parseDer(sig.toDer()).normalizeS().withRecoveryId(sig.recoveryId()));
            hash[0] ^= 1;
            assertFalse(Ecdsa.verify(key.publicKey(), hash, sig, false));
        }
        assertThrows(IllegalArgumentException.class, () -> Ecdsa.sign(Secp256k1PrivateKey.random(rnd), new byte[31]));
        assertEquals("Secp256k1PrivateKey[redacted]", Secp256k1PrivateKey.random(rnd).toString());
    }
}
