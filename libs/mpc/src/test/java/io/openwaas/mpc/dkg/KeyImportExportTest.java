package io.openwaas.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.frost.FrostScheme;
import io.openwaas.mpc.frost.FrostSignature;
import io.openwaas.mpc.frost.InProcessFrost;
import io.openwaas.mpc.frost.SigningRequest;
import io.openwaas.mpc.frost.Vectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Key import (RFC 9591 Appendix C trusted-dealer split, known answers from the RFC vectors) and offline recovery;
 * threat line 22 (an ed25519 threshold key is a scalar, not an RFC 8032 seed).
 */
class KeyImportExportTest {

    static final List<PartyId> IDS = List.of(PartyId.of(1), PartyId.of(2), PartyId.of(3));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"frost-ed25519-sha512.json, ed25519", "frost-secp256k1-sha256.json, secp256k1"})
    void trustedDealerSplitReproducesTheRfc9591Shares(String file, String groupName) {
        JsonNode in = Vectors.load("frost-rfc9591/" + file).get("inputs");
        EcGroup g = groupName.equals("ed25519") ? Ed25519Group.GROUP : Secp256k1.GROUP;
        SecretScalar secret = SecretScalar.of(g.scalarFromBytes(Bytes.fromHex(in.get("group_secret_key").asText())),
                g.order());
        SecretScalar a1 = SecretScalar.of(g.scalarFromBytes(Bytes.fromHex(
                in.get("share_polynomial_coefficients").get(0).asText())), g.order());
        Map<PartyId, KeyShare> shares = TrustedDealer.split(g, secret, List.of(a1), IDS);
        assertArrayEquals(Bytes.fromHex(in.get("group_public_key").asText()),
                shares.get(PartyId.of(1)).groupKey().publicKey().encode());
        for (JsonNode s : in.get("participant_shares")) {
            PartyId id = PartyId.of(s.get("identifier").asLong());
            assertEquals(g.scalarFromBytes(Bytes.fromHex(s.get("participant_share").asText())),
                    shares.get(id).secretShare().value(), "share " + id);
        }
        assertTrue(Recovery.reconstruct(List.of(shares.get(PartyId.of(3)), shares.get(PartyId.of(1))))
                .sameValue(secret));
    }

    @Test
    void line22_ed25519KeySemantics_importFromSeedExportAsScalar() {
        JsonNode v = Vectors.load("rfc8032/rfc8032-ed25519-section7.1.json").get("vectors").get(0);
        byte[] seed = Bytes.fromHex(v.get("secret_key").asText());
        byte[] pk = Bytes.fromHex(v.get("public_key").asText());
        // Import: the seed is expanded (SHA-512, clamp) to the scalar; the threshold key has the RFC 8032 public key.
        Map<PartyId, KeyShare> shares = TrustedDealer.split(Ed25519Group.GROUP,
                TrustedDealer.ed25519ScalarFromSeed(seed), 2, IDS, new SecureRandom());
        assertArrayEquals(pk, shares.get(PartyId.of(2)).groupKey().publicKey().encode());
        byte[] msg = "imported key signs".getBytes(StandardCharsets.UTF_8);
        FrostSignature sig = InProcessFrost.sign(shares, SigningRequest.of(FrostScheme.ED25519, SessionId.random(),
                List.of(PartyId.of(1), PartyId.of(3)), msg));
        assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig.signature(), 0, pk, 0, msg, 0, msg.length));
        // Export (offline recovery): the scalar, never the seed; it signs with libs/crypto's scalar key.
        SecretScalar a = Recovery.reconstruct(List.of(shares.get(PartyId.of(2)), shares.get(PartyId.of(3))));
        assertFalse(Arrays.equals(seed, a.toBytes()));
        try (Ed25519PrivateKey k = Ed25519PrivateKey.fromScalar(a.value())) {
            assertArrayEquals(pk, k.publicKeyBytes());
            byte[] single = Ed25519.sign(k, msg);
            assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(single, 0, pk, 0, msg, 0, msg.length));
        }
    }

    @Test
    void recoveryRefusesTooFewOrMixedShares() {
        Map<PartyId, KeyShare> a = InProcessDkg.run(Secp256k1.GROUP, 2, IDS);
        Map<PartyId, KeyShare> b = InProcessDkg.run(Secp256k1.GROUP, 2, IDS);
        assertThrows(IllegalArgumentException.class, () -> Recovery.reconstruct(List.of(a.get(PartyId.of(1)))));
        assertThrows(IllegalArgumentException.class,
                () -> Recovery.reconstruct(List.of(a.get(PartyId.of(1)), b.get(PartyId.of(2)))));
        assertEquals(a.get(PartyId.of(1)).groupKey().publicKey(), Secp256k1.GROUP.mulBase(Recovery.reconstruct(
                List.of(a.get(PartyId.of(1)), a.get(PartyId.of(3)))).value()));
        assertThrows(IllegalArgumentException.class, () -> TrustedDealer.split(Secp256k1.GROUP,
                SecretScalar.of(BigInteger.ZERO, Secp256k1.N), 2, IDS, new SecureRandom()));
    }
}
