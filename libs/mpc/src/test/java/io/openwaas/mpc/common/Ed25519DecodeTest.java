package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Groups#decodeEd25519} accepts exactly what libs/crypto's strict {@code Ed25519Group.decode} accepts: random
 * subgroup points, and the ed25519-speccheck edge cases (small-order, mixed-order, non-canonical encodings of keys and
 * R values), torsion-shifted points and non-canonical y.
 */
class Ed25519DecodeTest {

    static boolean libsAccepts(byte[] enc) {
        try {
            Ed25519Group.GROUP.decode(enc);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean fastAccepts(byte[] enc) {
        try {
            EcPoint p = Groups.decodeEd25519(enc);
            assertTrue(Arrays.equals(enc, p.encode()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void agreesWithLibsCryptoOnEdgeCasesAndRandomPoints() {
        List<byte[]> encodings = new ArrayList<>();
        SecureRandom rnd = new SecureRandom();
        EcPoint order2 = Ed25519Group.GROUP.decodeOnCurve(Bytes.fromHex(
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), false);
        for (int i = 0; i < 20; i++) {
            EcPoint p = Ed25519Group.GROUP.mulBase(Ed25519Group.GROUP.randomScalar(rnd));
            encodings.add(p.encode());
            encodings.add(p.add(order2).encode()); // mixed order
            byte[] random = new byte[32];
            rnd.nextBytes(random);
            encodings.add(random); // mostly off-curve or mixed order
        }
        encodings.add(Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000"));
        encodings.add(Bytes.fromHex("0000000000000000000000000000000000000000000000000000000000000080"));
        encodings.add(Bytes.fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")); // y = p
        encodings.add(Bytes.fromHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")); // y = p+1
        encodings.add(Ed25519Group.GROUP.mulBase(BigInteger.ONE).encode());
        String dir = System.getProperty("openwaas.shared.dir");
        if (dir != null && java.nio.file.Files.isReadable(java.nio.file.Path.of(dir,
                "testvectors/ed25519-speccheck/cases.json"))) {
            try {
                JsonNode cases = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Path.of(dir,
                        "testvectors/ed25519-speccheck/cases.json").toFile());
                for (JsonNode c : cases) {
                    encodings.add(Bytes.fromHex(c.get("pub_key").asText()));
                    encodings.add(Arrays.copyOf(Bytes.fromHex(c.get("signature").asText()), 32));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        int accepted = 0;
        for (byte[] e : encodings) {
            boolean libs = libsAccepts(e);
            assertEquals(libs, fastAccepts(e), Bytes.hex(e));
            accepted += libs ? 1 : 0;
        }
        assertTrue(accepted >= 21 && accepted < encodings.size(), "both outcomes exercised: " + accepted);
        assertThrows(IllegalArgumentException.class, () -> Groups.decodeEd25519(new byte[31]));
    }
}
