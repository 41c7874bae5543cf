package io.openwaas.crypto.hd;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HdVectorsTest {

    @Test
    void bip32Vectors1To5() {
        JsonNode root = Vectors.json("bip32/bip32-test-vectors.json");
        int passed = 0;
        for (JsonNode v : root.get("vectors")) {
            DerivationPath path = DerivationPath.parse(v.get("path").asText());
            ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(Hex.decode(v.get("seed").asText()),
                    Bip32Version.XPUB);
            ExtendedPrivateKey prv = master.derive(path);
            assertEquals(v.get("ext_prv").asText(), prv.serialize(), v.get("path").asText());
            assertEquals(v.get("ext_pub").asText(), prv.neuter().serialize(), v.get("path").asText());
            // round trips through the parsers
            assertEquals(v.get("ext_prv").asText(), ExtendedPrivateKey.parse(v.get("ext_prv").asText()).serialize());
            ExtendedPublicKey pub = ExtendedPublicKey.parse(v.get("ext_pub").asText());
            assertEquals(v.get("ext_pub").asText(), pub.serialize());
            // public derivation of the last non-hardened step agrees with private derivation
            int[] idx = path.indexes();
            if (idx.length > 0 && !DerivationPath.isHardened(idx[idx.length - 1])) {
                int[] parentPath = java.util.Arrays.copyOf(idx, idx.length - 1);
                ExtendedPublicKey parent = master.derive(new DerivationPath(parentPath)).neuter();
                ExtendedPublicKey.Derived d = parent.deriveWithTweak(
                        new DerivationPath(new int[] {idx[idx.length - 1]}));
                assertEquals(v.get("ext_pub").asText(), d.key().serialize());
                assertEquals(parent.publicKey().add(Secp256k1.GROUP.mulBase(d.tweak())), d.key().publicKey());
            }
            passed++;
        }
        assertEquals(17, passed);
        int invalid = 0;
        for (JsonNode bad : root.get("invalid_extended_keys")) {
            String key = bad.get("key").asText();
            assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(key),
                    bad.get("reason").asText());
            assertThrows(IllegalArgumentException.class, () -> ExtendedPrivateKey.parse(key),
                    bad.get("reason").asText());
            invalid++;
        }
        assertEquals(16, invalid);
        Vectors.report("bip32/bip32-test-vectors.json", passed + invalid,
                "17 derivations + 16 invalid keys (vector 5)");
    }

    @Test
    void coboSecp256k1PublicDerivationAndMasterKeys() {
        JsonNode root = Vectors.json("cobo-mpc/secp256k1-vectors.json");
        int passed = 0;
        JsonNode p2c = root.get("bip32_public_parent_to_public_child");
        ExtendedPublicKey parent = ExtendedPublicKey.parse(p2c.get("ext_pub").asText());
        ExtendedPrivateKey rootPrv = ExtendedPrivateKey.parse(p2c.get("root_ext_prv_from_comment").asText());
        assertEquals(p2c.get("ext_prv_of_path_from_comment").asText(),
                rootPrv.derive(DerivationPath.parse(p2c.get("path_of_ext_pub").asText())).serialize());
        assertEquals(parent, rootPrv.derive(DerivationPath.parse(p2c.get("path_of_ext_pub").asText())).neuter());
        for (JsonNode c : p2c.get("children")) {
            int index = c.get("index").asInt();
            ExtendedPublicKey.Derived d = parent.deriveWithTweak(new DerivationPath(new int[] {index}));
            assertEquals(c.get("public_key").asText(), Hex.encode(d.key().publicKey().encode()), "child " + index);
            passed++;
        }
        for (JsonNode m : root.get("bip32_master_key_from_seed").get("vectors")) {
            assertEquals(m.get("ext_prv").asText(),
                    ExtendedPrivateKey.fromSeed(Hex.decode(m.get("seed").asText()), Bip32Version.XPUB).serialize());
            passed++;
        }
        // (d) 2-party Shamir reconstruction: secret = sum(lambda_i * x_i), public key = sum(lambda_i * X_i)
        JsonNode shares = root.get("shamir_reconstruct_private").get("data").get("shares");
        BigInteger n = Secp256k1.N;
        BigInteger id0 = new BigInteger(shares.get(0).get("id").asText(), 16);
        BigInteger id1 = new BigInteger(shares.get(1).get("id").asText(), 16);
        BigInteger l0 = id1.multiply(id1.subtract(id0).modInverse(n)).mod(n);
        BigInteger l1 = id0.multiply(id0.subtract(id1).modInverse(n)).mod(n);
        BigInteger x0 = new BigInteger(shares.get(0).get("x_i").asText(), 16);
        BigInteger x1 = new BigInteger(shares.get(1).get("x_i").asText(), 16);
        BigInteger secret = l0.multiply(x0).add(l1.multiply(x1)).mod(n);
        assertEquals(new BigInteger(root.get("shamir_reconstruct_private").get("data").get("secret").asText(), 16),
                secret);
        passed++;
        JsonNode pubData = root.get("shamir_reconstruct_public").get("data");
        io.openwaas.crypto.ec.EcPoint sum = Secp256k1.GROUP.identity();
        BigInteger[] lambdas = {l0, l1};
        for (int i = 0; i < 2; i++) {
            JsonNode sp = pubData.get("share_public_keys").get(i);
            assertEquals(shares.get(i).get("id").asText(), sp.get("id").asText());
            io.openwaas.crypto.ec.Secp256k1Point xi = Secp256k1.GROUP.decodeUncompressed(Hex.decode("04"
                    + sp.get("x").asText() + sp.get("y").asText()));
            assertEquals(Secp256k1.GROUP.mulBase(i == 0 ? x0 : x1), xi);
            sum = sum.add(xi.multiply(lambdas[i]));
        }
        io.openwaas.crypto.ec.Secp256k1Point expectedPub = Secp256k1.GROUP.decodeUncompressed(Hex.decode("04"
                + pubData.get("public_key").get("x").asText() + pubData.get("public_key").get("y").asText()));
        assertEquals(expectedPub, sum);
        assertEquals(expectedPub, Secp256k1.GROUP.mulBase(secret));
        passed++;
        JsonNode comp = root.get("pubkey_compression");
        assertEquals(comp.get("compressed").asText(), Hex.encode(Secp256k1.GROUP.decodeUncompressed(
                Hex.decode(comp.get("uncompressed").asText())).encode()));
        passed++;
        Vectors.report("cobo-mpc/secp256k1-vectors.json (bip32 + keys)", passed,
                "CKDpub children, master keys, Shamir, SEC1");
    }

    @Test
    void coboEd25519NonHardened() {
        JsonNode root = Vectors.json("cobo-mpc/eddsa-nonhardened-ckd-vectors.json");
        int passed = 0;
        for (JsonNode v : root.get("vectors")) {
            JsonNode r = v.get("root");
            Ed25519ExtendedPrivateKey prv = Ed25519ExtendedPrivateKey.root(
                    new BigInteger(r.get("private_key").asText(), 16), Hex.decode(r.get("chain_code").asText()));
            assertEquals(r.get("ext_prv").asText(), prv.serialize());
            assertEquals(r.get("ext_pub").asText(), prv.neuter().serialize());
            assertEquals(r.get("public_key").asText(), Hex.encode(prv.neuter().keyBytes33()));
            Ed25519ExtendedPublicKey rootPub = Ed25519ExtendedPublicKey.parse(r.get("ext_pub").asText());
            Ed25519ExtendedPublicKey pub = rootPub;
            assertEquals(r.get("ext_prv").asText(), Ed25519ExtendedPrivateKey.parse(r.get("ext_prv").asText())
                    .serialize());
            passed++;
            java.util.List<Integer> path = new java.util.ArrayList<>();
            for (JsonNode c : v.get("chain")) {
                int index = (int) c.get("index").asLong();
                path.add(index);
                prv = prv.derive(index);
                pub = pub.derive(index);
                assertEquals(c.get("ext_prv").asText(), prv.serialize(), "vector " + v.get("id") + " index " + index);
                assertEquals(c.get("ext_pub").asText(), pub.serialize());
                assertEquals(c.get("ext_pub").asText(), prv.neuter().serialize());
                assertEquals(c.get("private_key").asText(), Hex.encode(
                        io.openwaas.crypto.util.Bytes.toFixedBE(prv.scalar(), 32)));
                assertEquals(c.get("chain_code").asText(), Hex.encode(pub.chainCode()));
                assertEquals(c.get("public_key").asText(), Hex.encode(pub.keyBytes33()));
                passed++;
            }
            // accumulated tweak over the full path: child = root + t·B, and the child scalar = root scalar + t
            DerivationPath full = DerivationPath.parse(v.get("full_path").asText());
            assertEquals(path, java.util.Arrays.stream(full.indexes()).boxed().toList());
            Ed25519ExtendedPublicKey.Derived d = rootPub.deriveWithTweak(full);
            assertEquals(pub, d.key());
            assertEquals(rootPub.publicKey().add(Ed25519Group.GROUP.mulBase(d.tweak())), d.key().publicKey());
            BigInteger rootScalar = new BigInteger(r.get("private_key").asText(), 16);
            assertEquals(prv.scalar(), rootScalar.add(d.tweak()).mod(Ed25519Group.L));
            // sign under the child with the raw child scalar; verify with the derived public key
            byte[] msg = "solana transfer".getBytes(StandardCharsets.UTF_8);
            try (Ed25519PrivateKey sk = prv.signingKey()) {
                assertTrue(Ed25519.verify(d.key().publicKey().encode(), msg, Ed25519.sign(sk, msg)));
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519ExtendedPublicKey.parse(root.get("vectors").get(0).get("root").get("ext_pub").asText())
                        .derive(DerivationPath.HARDENED));
        Vectors.report("cobo-mpc/eddsa-nonhardened-ckd-vectors.json", passed, "cprv/cpub chains + tweak");
    }

    @Test
    void pathParsing() {
        assertEquals("m/44'/60'/0'/0/7", DerivationPath.parse("m/44h/60H/0'/0/7").toString());
        assertEquals(0, DerivationPath.parse("m").size());
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/2147483648"));
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m//1"));
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/-1"));
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/1x"));
    }
}
