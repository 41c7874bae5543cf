package io.openwaas.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 9591 Appendix E vectors ({@code testvectors/frost-rfc9591}): every intermediate value (nonces, commitments,
 * binding-factor inputs, binding factors, signature shares) and the final signature are recomputed and compared;
 * the Ed25519 signature is also checked with BouncyCastle's RFC 8032 verifier.
 */
class Rfc9591VectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"frost-ed25519-sha512.json, ED25519_SHA512", "frost-secp256k1-sha256.json, SECP256K1_SHA256"})
    void appendixE(String file, Ciphersuite cs) {
        JsonNode v = Vectors.load("frost-rfc9591/" + file);
        EcGroup g = cs.group();
        BigInteger q = g.order();
        JsonNode in = v.get("inputs");
        byte[] msg = Bytes.fromHex(in.get("message").asText());
        BigInteger secret = g.scalarFromBytes(Bytes.fromHex(in.get("group_secret_key").asText()));
        EcPoint groupKey = g.decode(Bytes.fromHex(in.get("group_public_key").asText()));
        assertEquals(groupKey, g.mulBase(secret));

        Map<PartyId, BigInteger> shares = new TreeMap<>();
        for (JsonNode s : in.get("participant_shares")) {
            shares.put(PartyId.of(s.get("identifier").asLong()),
                    g.scalarFromBytes(Bytes.fromHex(s.get("participant_share").asText())));
        }
        // The trusted-dealer polynomial f(x) = secret + a1·x gives the listed shares.
        BigInteger a1 = g.scalarFromBytes(Bytes.fromHex(in.get("share_polynomial_coefficients").get(0).asText()));
        shares.forEach((id, s) -> assertEquals(secret.add(a1.multiply(id.value())).mod(q), s));

        List<PartyId> participants = new ArrayList<>();
        in.get("participant_list").forEach(n -> participants.add(PartyId.of(n.asLong())));

        SortedMap<PartyId, NonceCommitment> list = new TreeMap<>();
        Map<PartyId, BigInteger[]> nonces = new TreeMap<>();
        for (JsonNode o : v.get("round_one_outputs").get("outputs")) {
            PartyId id = PartyId.of(o.get("identifier").asLong());
            BigInteger d = Rfc9591.nonceGenerate(cs, Bytes.fromHex(o.get("hiding_nonce_randomness").asText()),
                    shares.get(id));
            BigInteger e = Rfc9591.nonceGenerate(cs, Bytes.fromHex(o.get("binding_nonce_randomness").asText()),
                    shares.get(id));
            assertEquals(g.scalarFromBytes(Bytes.fromHex(o.get("hiding_nonce").asText())), d, "hiding nonce " + id);
            assertEquals(g.scalarFromBytes(Bytes.fromHex(o.get("binding_nonce").asText())), e, "binding nonce " + id);
            NonceCommitment c = new NonceCommitment(g.mulBase(d), g.mulBase(e));
            assertArrayEquals(Bytes.fromHex(o.get("hiding_nonce_commitment").asText()), c.hiding().encode());
            assertArrayEquals(Bytes.fromHex(o.get("binding_nonce_commitment").asText()), c.binding().encode());
            list.put(id, c);
            nonces.put(id, new BigInteger[] {d, e});
        }
        assertEquals(participants, new ArrayList<>(list.keySet()));

        byte[] prefix = Rfc9591.bindingFactorPrefix(cs, groupKey, list, msg);
        Rfc9591.SessionValues sv = Rfc9591.session(cs, groupKey, list, msg);
        for (JsonNode o : v.get("round_one_outputs").get("outputs")) {
            PartyId id = PartyId.of(o.get("identifier").asLong());
            assertArrayEquals(Bytes.fromHex(o.get("binding_factor_input").asText()),
                    Bytes.concat(prefix, g.scalarToBytes(id.value())), "binding factor input " + id);
            assertEquals(g.scalarFromBytes(Bytes.fromHex(o.get("binding_factor").asText())), sv.rhos().get(id));
        }

        List<BigInteger> zs = new ArrayList<>();
        for (JsonNode o : v.get("round_two_outputs").get("outputs")) {
            PartyId id = PartyId.of(o.get("identifier").asLong());
            BigInteger z = Rfc9591.signShare(cs, sv, id, nonces.get(id)[0], nonces.get(id)[1], shares.get(id));
            assertEquals(g.scalarFromBytes(Bytes.fromHex(o.get("sig_share").asText())), z, "sig share " + id);
            assertTrue(Rfc9591.verifyShare(cs, sv, id, list.get(id), g.mulBase(shares.get(id)), z));
            assertFalse(Rfc9591.verifyShare(cs, sv, id, list.get(id), g.mulBase(shares.get(id)), z.add(BigInteger.ONE)));
            zs.add(z);
        }
        byte[] sig = Rfc9591.aggregate(cs, sv, zs, BigInteger.ZERO);
        assertArrayEquals(Bytes.fromHex(v.get("final_output").get("sig").asText()), sig);
        assertTrue(Rfc9591.verify(cs, groupKey, msg, sig));
        if (cs == Ciphersuite.ED25519_SHA512) {
            assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, groupKey.encode(), 0, msg, 0,
                    msg.length), "BouncyCastle RFC 8032 verifier");
        }
        // Lagrange sanity: λ over the participant list recombines the secret.
        BigInteger rec = BigInteger.ZERO;
        for (PartyId id : participants) {
            rec = rec.add(Lagrange.coefficient(id, participants, q).multiply(shares.get(id)));
        }
        assertEquals(secret, rec.mod(q));
    }
}
