package io.openwaas.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.mpc.common.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The draft BIP 445 (FROST signing for BIP-340) vectors in {@code testvectors/bip-frost-signing}: every valid case must
 * give exactly {@code expected}, every error case must raise the listed error (same message for {@code ValueError},
 * same blamed signer and contribution for {@code InvalidContributionError}), every verify-fail case must return
 * false. Aggregated signatures are also checked with the BIP-340 verifier of libs/crypto. Each test asserts the
 * number of cases it ran, so a silently empty file fails.
 */
class Bip445VectorsTest {

    static byte[] hex(JsonNode n) {
        return Bytes.fromHex(n.asText());
    }

    static List<byte[]> pick(JsonNode all, JsonNode indices) {
        List<byte[]> l = new ArrayList<>();
        indices.forEach(i -> l.add(hex(all.get(i.asInt()))));
        return l;
    }

    static List<Long> ids(JsonNode n) {
        List<Long> l = new ArrayList<>();
        n.forEach(i -> l.add(i.asLong()));
        return l;
    }

    static List<Boolean> bools(JsonNode n) {
        List<Boolean> l = new ArrayList<>();
        if (n != null) {
            n.forEach(i -> l.add(i.asBoolean()));
        }
        return l;
    }

    static Bip445.SignersContext ctx(JsonNode tg, JsonNode tc) {
        return new Bip445.SignersContext(tg.get("n").asInt(), tg.get("t").asInt(), ids(tc.get("ids")),
                pick(tg.get("pubshares"), tc.get("pubshare_indices")), hex(tg.get("thresh_pk")));
    }

    static List<byte[]> tweaks(JsonNode tg, JsonNode tc) {
        if (tc.has("tweak_indices")) {
            return pick(tg.get("tweaks"), tc.get("tweak_indices"));
        }
        List<byte[]> l = new ArrayList<>();
        if (tc.has("tweaks")) {
            tc.get("tweaks").forEach(t -> l.add(hex(t)));
        }
        return l;
    }

    static void expectError(JsonNode error, Executable e) {
        if ("ValueError".equals(error.get("type").asText())) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
            assertEquals(error.get("message").asText(), ex.getMessage());
        } else {
            Bip445.InvalidContribution ex = assertThrows(Bip445.InvalidContribution.class, e);
            int expected = error.get("signer_index").isNull() ? -1 : error.get("signer_index").asInt();
            assertEquals(expected, ex.signerIndex());
            assertEquals(error.get("contrib").asText(), ex.contribution());
        }
    }

    int signCases(String file) {
        JsonNode v = Vectors.load("bip-frost-signing/" + file);
        int count = 0;
        for (JsonNode tg : v.get("test_groups")) {
            for (JsonNode tc : tg.get("valid_tests")) {
                var c = ctx(tg, tc);
                byte[] secnonce = hex(tg.get("secnonces").get(tc.get("secnonce_index").asInt()));
                byte[] psig = Bip445.sign(secnonce, hex(tg.get("secshares").get(tc.get("secshare_index").asInt())),
                        tc.get("my_id").asLong(), hex(tc.get("aggnonce")), c, tweaks(tg, tc), bools(tc.get("is_xonly")),
                        hex(tc.get("msg")));
                assertArrayEquals(hex(tc.get("expected")), psig, file + " " + tg.get("tg_id") + " tc " + tc.get("tc_id"));
                assertArrayEquals(new byte[64], secnonce, "secnonce zeroed");
                int i = c.ids().indexOf(tc.get("my_id").asLong());
                assertTrue(Bip445.partialSigVerify(psig, pick(tg.get("pubnonces"), tc.get("pubnonce_indices")), c,
                        tweaks(tg, tc), bools(tc.get("is_xonly")), hex(tc.get("msg")), i));
                count++;
            }
            String errorKey = tg.has("sign_error_tests") ? "sign_error_tests" : "error_tests";
            for (JsonNode tc : tg.get(errorKey)) {
                expectError(tc.get("error"), () -> Bip445.sign(
                        hex(tg.get("secnonces").get(tc.get("secnonce_index").asInt())),
                        hex(tg.get("secshares").get(tc.get("secshare_index").asInt())), tc.get("my_id").asLong(),
                        hex(tc.get("aggnonce")), ctx(tg, tc), tweaks(tg, tc), bools(tc.get("is_xonly")),
                        hex(tc.get("msg"))));
                count++;
            }
        }
        return count;
    }

    @Test
    void signVerifyVectors() {
        int count = signCases("sign_verify_vectors.json");
        JsonNode v = Vectors.load("bip-frost-signing/sign_verify_vectors.json");
        for (JsonNode tg : v.get("test_groups")) {
            for (JsonNode tc : tg.get("verify_fail_tests")) {
                assertFalse(Bip445.partialSigVerify(hex(tc.get("psig")), pick(tg.get("pubnonces"),
                        tc.get("pubnonce_indices")), ctx(tg, tc), List.of(), List.of(), hex(tc.get("msg")),
                        tc.get("signer_index").asInt()), "tc " + tc.get("tc_id"));
                count++;
            }
            for (JsonNode tc : tg.get("verify_error_tests")) {
                expectError(tc.get("error"), () -> Bip445.partialSigVerify(hex(tc.get("psig")),
                        pick(tg.get("pubnonces"), tc.get("pubnonce_indices")), ctx(tg, tc), List.of(), List.of(),
                        hex(tc.get("msg")), tc.get("signer_index").asInt()));
                count++;
            }
        }
        assertEquals(93, count, "sign_verify_vectors.json case count");
    }

    @Test
    void tweakVectors() {
        assertEquals(44, signCases("tweak_vectors.json"), "tweak_vectors.json case count");
    }

    @Test
    void sigAggVectors() {
        JsonNode v = Vectors.load("bip-frost-signing/sig_agg_vectors.json");
        int count = 0;
        for (JsonNode tg : v.get("test_groups")) {
            for (JsonNode tc : tg.get("valid_tests")) {
                byte[] msg = hex(tc.get("msg"));
                var sv = Bip445.sessionValues(hex(tc.get("aggnonce")), ctx(tg, tc), tweaks(tg, tc),
                        bools(tc.get("is_xonly")), msg);
                List<byte[]> psigs = new ArrayList<>();
                tc.get("psigs").forEach(p -> psigs.add(hex(p)));
                byte[] sig = Bip445.partialSigAgg(psigs, sv);
                assertArrayEquals(hex(tc.get("expected")), sig, "tc " + tc.get("tc_id"));
                assertTrue(Bip340.verify(sv.q().xOnly(), msg, sig), "libs/crypto BIP-340 verifier");
                count++;
            }
            for (JsonNode tc : tg.get("error_tests")) {
                List<byte[]> psigs = new ArrayList<>();
                tc.get("psigs").forEach(p -> psigs.add(hex(p)));
                expectError(tc.get("error"), () -> Bip445.partialSigAgg(psigs, Bip445.sessionValues(
                        hex(tc.get("aggnonce")), ctx(tg, tc), tweaks(tg, tc), bools(tc.get("is_xonly")),
                        hex(tc.get("msg")))));
                count++;
            }
        }
        assertEquals(22, count, "sig_agg_vectors.json case count");
    }

    @Test
    void nonceAggVectors() {
        JsonNode v = Vectors.load("bip-frost-signing/nonce_agg_vectors.json");
        int count = 0;
        for (JsonNode tc : v.get("valid_tests")) {
            assertArrayEquals(hex(tc.get("expected")), Bip445.nonceAgg(pick(v.get("pubnonces"),
                    tc.get("pubnonce_indices"))), "tc " + tc.get("tc_id"));
            count++;
        }
        for (JsonNode tc : v.get("error_tests")) {
            expectError(tc.get("error"), () -> Bip445.nonceAgg(pick(v.get("pubnonces"), tc.get("pubnonce_indices"))));
            count++;
        }
        assertEquals(5, count, "nonce_agg_vectors.json case count");
    }

    static byte[] opt(JsonNode n) {
        return n == null || n.isNull() ? null : hex(n);
    }

    @Test
    void nonceGenVectors() {
        JsonNode v = Vectors.load("bip-frost-signing/nonce_gen_vectors.json");
        int count = 0;
        for (JsonNode tc : v.get("valid_tests")) {
            Bip445.Nonce n = Bip445.nonceGen(hex(tc.get("rand_")), opt(tc.get("secshare")), opt(tc.get("pubshare")),
                    opt(tc.get("thresh_pk")), opt(tc.get("msg")), opt(tc.get("extra_in")));
            assertArrayEquals(hex(tc.get("expected").get(0)), Bytes.concat(Bytes.fixed(n.k1(), 32),
                    Bytes.fixed(n.k2(), 32)), "tc " + tc.get("tc_id"));
            assertArrayEquals(hex(tc.get("expected").get(1)), n.pubnonce());
            count++;
        }
        assertEquals(5, count);
    }

    @Test
    void deterministicSignVectors() {
        JsonNode v = Vectors.load("bip-frost-signing/det_sign_vectors.json");
        int count = 0;
        for (JsonNode tg : v.get("test_groups")) {
            for (JsonNode tc : tg.get("valid_tests")) {
                byte[][] out = Bip445.deterministicSign(hex(tg.get("secshares").get(tc.get("secshare_index").asInt())),
                        tc.get("my_id").asLong(), opt(tc.get("aggothernonce")), ctx(tg, tc), tweaks(tg, tc),
                        bools(tc.get("is_xonly")), hex(tc.get("msg")), opt(tc.get("rand")));
                assertArrayEquals(hex(tc.get("expected").get(0)), out[0], "tc " + tc.get("tc_id"));
                assertArrayEquals(hex(tc.get("expected").get(1)), out[1], "tc " + tc.get("tc_id"));
                count++;
            }
            for (JsonNode tc : tg.get("error_tests")) {
                expectError(tc.get("error"), () -> Bip445.deterministicSign(
                        hex(tg.get("secshares").get(tc.get("secshare_index").asInt())), tc.get("my_id").asLong(),
                        opt(tc.get("aggothernonce")), ctx(tg, tc), tweaks(tg, tc), bools(tc.get("is_xonly")),
                        hex(tc.get("msg")), opt(tc.get("rand"))));
                count++;
            }
        }
        assertEquals(81, count, "det_sign_vectors.json case count");
    }
}
