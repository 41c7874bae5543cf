package io.openwaas.crypto.tx;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.BitcoinNetwork;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.crypto.schnorr.Taproot;
import io.openwaas.crypto.tx.bitcoin.BitcoinTransaction;
import io.openwaas.crypto.tx.bitcoin.Scripts;
import io.openwaas.crypto.tx.bitcoin.Sighash;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.bitcoinj.core.Coin;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.script.Script;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitcoinTransactionTest {

    private static final NetworkParameters MAIN = MainNetParams.get();

    private static byte[] hex(JsonNode n) {
        return Hex.decode(n.asText());
    }

    private static byte[] merkleRoot(JsonNode tree) {
        if (tree == null || tree.isNull()) {
            return null;
        }
        if (tree.isArray()) {
            return Taproot.branchHash(merkleRoot(tree.get(0)), merkleRoot(tree.get(1)));
        }
        return Taproot.leafHash(tree.get("leafVersion").asInt(), hex(tree.get("script")));
    }

    @Test
    void bip341WalletVectors() {
        JsonNode root = Vectors.json("bip341/wallet-test-vectors.json");
        int passed = 0;
        for (JsonNode v : root.get("scriptPubKey")) {
            byte[] internal = hex(v.get("given").get("internalPubkey"));
            JsonNode inter = v.get("intermediary");
            byte[] mr = merkleRoot(v.get("given").get("scriptTree"));
            if (inter.get("merkleRoot").isNull()) {
                assertEquals(null, mr);
            } else {
                assertEquals(inter.get("merkleRoot").asText(), Hex.encode(mr));
            }
            Taproot.TweakedKey tk = Taproot.tweakPublicKey(internal, mr);
            assertEquals(inter.get("tweak").asText(), Hex.encode(io.openwaas.crypto.util.Bytes.toFixedBE(tk.tweak(),
                    32)));
            assertEquals(inter.get("tweakedPubkey").asText(), Hex.encode(tk.outputKey()));
            assertEquals(v.get("expected").get("scriptPubKey").asText(), Hex.encode(Scripts.p2tr(tk.outputKey())));
            assertEquals(v.get("expected").get("bip350Address").asText(),
                    Addresses.p2trOutputKey(BitcoinNetwork.MAINNET, tk.outputKey()));
            passed++;
        }
        for (JsonNode kp : root.get("keyPathSpending")) {
            BitcoinTransaction tx = BitcoinTransaction.parse(hex(kp.get("given").get("rawUnsignedTx")));
            assertEquals(kp.get("given").get("rawUnsignedTx").asText(), Hex.encode(tx.serialize()));
            List<BitcoinTransaction.Output> spent = new ArrayList<>();
            for (JsonNode u : kp.get("given").get("utxosSpent")) {
                spent.add(new BitcoinTransaction.Output(u.get("amountSats").asLong(), hex(u.get("scriptPubKey"))));
            }
            for (JsonNode in : kp.get("inputSpending")) {
                JsonNode g = in.get("given");
                JsonNode im = in.get("intermediary");
                int index = g.get("txinIndex").asInt();
                int hashType = g.get("hashType").asInt();
                byte[] mr = g.get("merkleRoot").isNull() ? null : hex(g.get("merkleRoot"));
                Secp256k1PrivateKey key = Secp256k1PrivateKey.wrap(hex(g.get("internalPrivkey")));
                assertEquals(im.get("internalPubkey").asText(), Hex.encode(key.publicKey().xOnly()));
                Secp256k1PrivateKey tweaked = Taproot.tweakPrivateKey(key, mr);
                assertEquals(im.get("tweakedPrivkey").asText(), Hex.encode(tweaked.bytes()));
                assertEquals(im.get("sigMsg").asText(), Hex.encode(Sighash.taprootSigMsg(tx, index, spent, hashType,
                        null)));
                byte[] sighash = Sighash.taprootKeyPath(tx, index, spent, hashType, null);
                assertEquals(im.get("sigHash").asText(), Hex.encode(sighash));
                // BIP-341's reference signs with all-zero aux randomness
                byte[] sig = Bip340.sign(tweaked, sighash, new byte[32]);
                List<byte[]> witness = Scripts.p2trKeyPathWitness(sig, hashType);
                assertEquals(in.get("expected").get("witness").get(0).asText(), Hex.encode(witness.get(0)));
                assertTrue(Bip340.verify(Taproot.tweakPublicKey(key.publicKey().xOnly(), mr).outputKey(), sighash,
                        sig));
                passed++;
            }
            JsonNode aux = kp.get("auxiliary");
            if (aux != null && aux.has("fullySignedTx")) {
                // the non-taproot inputs (a P2PKH and a P2WPKH) were signed by the reference with ECDSA: take their
                // scripts from the expected transaction and check those signatures with our legacy / BIP-143 hashes
                BitcoinTransaction expected = BitcoinTransaction.parse(hex(aux.get("fullySignedTx")));
                BitcoinTransaction signed = tx;
                java.util.Set<Integer> taprootInputs = new java.util.HashSet<>();
                kp.get("inputSpending").forEach(x -> taprootInputs.add(x.get("given").get("txinIndex").asInt()));
                for (int i = 0; i < tx.inputs().size(); i++) {
                    if (taprootInputs.contains(i)) {
                        continue;
                    }
                    BitcoinTransaction.Input e = expected.inputs().get(i);
                    byte[] spk = spent.get(i).scriptPubKey();
                    byte[] sigWithType;
                    byte[] pubBytes;
                    byte[] digest;
                    if (spk[0] == 0x76) {
                        int sigLen = e.scriptSig()[0];
                        sigWithType = java.util.Arrays.copyOfRange(e.scriptSig(), 1, 1 + sigLen);
                        pubBytes = java.util.Arrays.copyOfRange(e.scriptSig(), 2 + sigLen, e.scriptSig().length);
                        digest = Sighash.legacy(tx, i, spk, sigWithType[sigWithType.length - 1] & 0xff);
                    } else {
                        sigWithType = e.witness().get(0);
                        pubBytes = e.witness().get(1);
                        digest = Sighash.segwitV0(tx, i, Sighash.p2wpkhScriptCode(java.util.Arrays.copyOfRange(spk, 2,
                                22)), spent.get(i).value(), sigWithType[sigWithType.length - 1] & 0xff);
                    }
                    Secp256k1Point pub = io.openwaas.crypto.ec.Secp256k1.GROUP.decode(pubBytes);
                    assertArrayEquals(Hashes.hash160(pubBytes), spk[0] == 0x76
                            ? java.util.Arrays.copyOfRange(spk, 3, 23) : java.util.Arrays.copyOfRange(spk, 2, 22));
                    EcdsaSignature es = EcdsaSignature.parseDer(java.util.Arrays.copyOf(sigWithType,
                            sigWithType.length - 1));
                    assertTrue(Ecdsa.verify(pub, digest, es, true), "ECDSA input " + i);
                    signed = signed.withInputScripts(i, e.scriptSig(), e.witness());
                }
                for (JsonNode in : kp.get("inputSpending")) {
                    int index = in.get("given").get("txinIndex").asInt();
                    List<byte[]> w = new ArrayList<>();
                    in.get("expected").get("witness").forEach(x -> w.add(hex(x)));
                    signed = signed.withInputScripts(index, new byte[0], w);
                }
                assertEquals(aux.get("fullySignedTx").asText(), Hex.encode(signed.serialize()));
                passed++;
            }
        }
        Vectors.report("bip341/wallet-test-vectors.json", passed, "tweaks, addresses, sigMsg, sighash, witness");
    }

    /** The "Native P2WPKH" and "P2SH-P2WPKH" examples of the BIP-143 text (bitcoin/bips bip-0143.mediawiki). */
    @Test
    void bip143Examples() {
        // Native P2WPKH: input 0 is a P2PK signed with the legacy algorithm, input 1 the P2WPKH
        BitcoinTransaction tx = BitcoinTransaction.parse(Hex.decode("0100000002fff7f7881a8099afa6940d42d1e7f6362bec"
                + "38171ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b5"
                + "5d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988"
                + "ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000"));
        Secp256k1PrivateKey k1 = Secp256k1PrivateKey.wrap(Hex.decode(
                "619c335025c7f4012e556c2a58b2506e30b8511b53ade95ea316fd8c3286feb9"));
        assertEquals("025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357",
                Hex.encode(k1.publicKey().encode()));
        byte[] code = Sighash.p2wpkhScriptCode(Hex.decode("1d0f172a0ecb48aee1be1f2687d2963ae33f71a1"));
        byte[] sighash = Sighash.segwitV0(tx, 1, code, 600_000_000L, Sighash.ALL);
        assertEquals("c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670", Hex.encode(sighash));
        EcdsaSignature sig = Ecdsa.sign(k1, sighash);
        assertEquals("304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561"
                + "406f90300e8f3358f51928d43c212a8caed02de67eebee", Hex.encode(sig.toDer()));
        // the P2PK input's published signature verifies under our legacy sighash
        byte[] p2pkScript = Hex.decode("2103c9f4836b9a4f77fc0d81f7bcb01b7f1b35916864b9476c241ce9fc198bd25432ac");
        byte[] p2pkSig = Hex.decode("30450221008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be0220"
                + "40529b194ba3f9281a99f2b1c0a19c0489bc22ede944ccf4ecbab4cc618ef3ed");
        Secp256k1PrivateKey k0 = Secp256k1PrivateKey.wrap(Hex.decode(
                "bbc27228ddcb9209d7fd6f36b02f7dfa6252af40bb2f1cbc7a557da8027ff866"));
        assertTrue(Ecdsa.verify(k0.publicKey(), Sighash.legacy(tx, 0, p2pkScript, Sighash.ALL),
                EcdsaSignature.parseDer(p2pkSig), false));
        BitcoinTransaction signed = tx
                .withInputScripts(0, Scripts.push(io.openwaas.crypto.util.Bytes.concat(p2pkSig, new byte[] {1})),
                        List.of())
                .withInputScripts(1, new byte[0], Scripts.p2wpkhWitness(sig, Sighash.ALL, k1.publicKey()));
        assertEquals("01000000000102fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f000000004948304502"
                + "21008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be022040529b194ba3f9281a99f2b1c0"
                + "a19c0489bc22ede944ccf4ecbab4cc618ef3ed01eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2"
                + "b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d59"
                + "88ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac000247304402203609e17b84f6"
                + "a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d4"
                + "3c212a8caed02de67eebee0121025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357"
                + "11000000",
                Hex.encode(signed.serialize()));

        // P2SH-P2WPKH
        BitcoinTransaction tx2 = BitcoinTransaction.parse(Hex.decode("0100000001db6b1b20aa0fd7b23880be2ecbd4a98130974c"
                + "f4748fb66092ac4d3ceb1a54770100000000feffffff02b8b4eb0b000000001976a914a457b684d7f0d539a46a45bbc043"
                + "f35b59d0d96388ac0008af2f000000001976a914fd270b1ee6abcaea97fea7ad0402e8bd8ad6d77c88ac92040000"));
        Secp256k1PrivateKey k2 = Secp256k1PrivateKey.wrap(Hex.decode(
                "eb696a065ef48a2192da5b28b694f87544b30fae8327c4510137a922f32c6dcf"));
        Secp256k1Point pub2 = k2.publicKey();
        assertEquals("a9144733f37cf4db86fbc2efed2500b4f4e49f31202387", Hex.encode(Scripts.p2sh(Hashes.hash160(
                Scripts.p2wpkh(Hashes.hash160(pub2.encode()))))));
        byte[] sighash2 = Sighash.segwitV0(tx2, 0, Sighash.p2wpkhScriptCode(Hashes.hash160(pub2.encode())),
                1_000_000_000L, Sighash.ALL);
        assertEquals("64f3b0f4dd2bb3aa1ce8566d220cc74dda9df97d8490cc81d89d735c92e59fb6", Hex.encode(sighash2));
        EcdsaSignature sig2 = Ecdsa.sign(k2, sighash2);
        BitcoinTransaction signed2 = tx2.withInputScripts(0, Scripts.p2shP2wpkhScriptSig(pub2),
                Scripts.p2wpkhWitness(sig2, Sighash.ALL, pub2));
        assertEquals("01000000000101db6b1b20aa0fd7b23880be2ecbd4a98130974cf4748fb66092ac4d3ceb1a5477010000001716001479"
                + "091972186c449eb1ded22b78e40d009bdf0089feffffff02b8b4eb0b000000001976a914a457b684d7f0d539a46a45bbc0"
                + "43f35b59d0d96388ac0008af2f000000001976a914fd270b1ee6abcaea97fea7ad0402e8bd8ad6d77c88ac024730440220"
                + "47ac8e878352d3ebbde1c94ce3a10d057c24175747116f8288e5d794d12d482f0220217f36a485cae903c713331d877c1f"
                + "64677e3622ad4010726870540656fe9dcb012103ad1d8e89212f0b92c74d23bb710c00662ad1470198ac48c43f7d6f93a2"
                + "a2687392040000", Hex.encode(signed2.serialize()));
        Vectors.report("(BIP-143 text, written into the test)", 2, "native P2WPKH + P2SH-P2WPKH sighash, sig, tx");
    }

    /**
     * Independent implementation: bitcoinj computes the same legacy and BIP-143 signature hashes for random
     * transactions and hash types, and its script interpreter accepts the P2PKH, P2SH-P2WPKH and P2WPKH spends we
     * assemble.
     */
    @Test
    void sighashesAndSpendsAgreeWithBitcoinj() throws Exception {
        SecureRandom rnd = new SecureRandom(new byte[] {3});
        int[] hashTypes = {Sighash.ALL, Sighash.NONE, Sighash.SINGLE, Sighash.ALL | Sighash.ANYONECANPAY,
            Sighash.NONE | Sighash.ANYONECANPAY, Sighash.SINGLE | Sighash.ANYONECANPAY};
        for (int round = 0; round < 20; round++) {
            int nIn = 1 + rnd.nextInt(3);
            int nOut = 1 + rnd.nextInt(3);
            List<Secp256k1PrivateKey> keys = new ArrayList<>();
            List<BitcoinTransaction.Input> ins = new ArrayList<>();
            List<BitcoinTransaction.Output> spent = new ArrayList<>();
            for (int i = 0; i < nIn; i++) {
                byte[] txid = new byte[32];
                rnd.nextBytes(txid);
                ins.add(new BitcoinTransaction.Input(txid, rnd.nextInt(5), new byte[0], 0xfffffffdL - rnd.nextInt(3),
                        List.of()));
                Secp256k1PrivateKey k = Secp256k1PrivateKey.random(rnd);
                keys.add(k);
                byte[] h = Hashes.hash160(k.publicKey().encode());
                byte[] spk = switch (i % 3) {
                    case 0 -> Scripts.p2pkh(h);
                    case 1 -> Scripts.p2wpkh(h);
                    default -> Scripts.p2sh(Hashes.hash160(Scripts.p2wpkh(h)));
                };
                spent.add(new BitcoinTransaction.Output(1000 + rnd.nextInt(1_000_000), spk));
            }
            List<BitcoinTransaction.Output> outs = new ArrayList<>();
            for (int i = 0; i < nOut; i++) {
                byte[] h = new byte[20];
                rnd.nextBytes(h);
                outs.add(new BitcoinTransaction.Output(500 + rnd.nextInt(100000), Scripts.p2wpkh(h)));
            }
            BitcoinTransaction tx = new BitcoinTransaction(2, ins, outs, rnd.nextInt(1000));
            Transaction bj = new Transaction(MAIN, tx.serialize());
            assertEquals(bj.getTxId().toString(), tx.txid());
            BitcoinTransaction signed = tx;
            for (int i = 0; i < nIn; i++) {
                Secp256k1PrivateKey k = keys.get(i);
                Secp256k1Point pub = k.publicKey();
                byte[] code = Scripts.p2pkh(Hashes.hash160(pub.encode()));
                for (int ht : hashTypes) {
                    assertArrayEquals(bj.hashForSignature(i, code, (byte) ht).getBytes(),
                            Sighash.legacy(tx, i, code, ht), "legacy " + ht);
                    assertArrayEquals(bj.hashForWitnessSignature(i, code, Coin.valueOf(spent.get(i).value()),
                            (byte) ht).getBytes(), Sighash.segwitV0(tx, i, code, spent.get(i).value(), ht),
                            "bip143 " + ht);
                }
                int ht = Sighash.ALL;
                if (i % 3 == 0) {
                    EcdsaSignature sig = Ecdsa.sign(k, Sighash.legacy(tx, i, spent.get(i).scriptPubKey(), ht));
                    signed = signed.withInputScripts(i, Scripts.p2pkhScriptSig(sig, ht, pub), List.of());
                } else {
                    EcdsaSignature sig = Ecdsa.sign(k, Sighash.segwitV0(tx, i, Sighash.p2wpkhScriptCode(
                            Hashes.hash160(pub.encode())), spent.get(i).value(), ht));
                    byte[] scriptSig = i % 3 == 1 ? new byte[0] : Scripts.p2shP2wpkhScriptSig(pub);
                    signed = signed.withInputScripts(i, scriptSig, Scripts.p2wpkhWitness(sig, ht, pub));
                }
            }
            // bitcoinj's interpreter verifies every input of the assembled transaction
            Transaction bjSigned = new Transaction(MAIN, signed.serialize());
            assertEquals(signed.txid(), bjSigned.getTxId().toString());
            assertEquals(signed.wtxid(), bjSigned.getWTxId().toString());
            for (int i = 0; i < nIn; i++) {
                TransactionWitness w = bjSigned.getInput(i).getWitness();
                new Script(bjSigned.getInput(i).getScriptBytes()).correctlySpends(bjSigned, i, w,
                        Coin.valueOf(spent.get(i).value()), new Script(spent.get(i).scriptPubKey()),
                        EnumSet.allOf(Script.VerifyFlag.class));
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BitcoinTransaction.parse(Hex.decode("0200000001")));
        BitcoinTransaction tx = new BitcoinTransaction(2, List.of(BitcoinTransaction.Input.spending(
                "00".repeat(32), 0, 0xffffffffL)), List.of(), 0);
        List<BitcoinTransaction.Output> spent = List.of(new BitcoinTransaction.Output(1, Scripts.p2tr(new byte[32])));
        assertThrows(IllegalArgumentException.class, () -> Sighash.taprootKeyPath(tx, 0, spent, 4, null));
        assertThrows(IllegalArgumentException.class, () -> Sighash.taprootKeyPath(tx, 0, spent, Sighash.SINGLE, null));
        assertThrows(IllegalArgumentException.class, () -> Sighash.taprootKeyPath(tx, 0, List.of(), 0, null));
        byte[] one = new byte[32];
        one[0] = 1;
        assertArrayEquals(one, Sighash.legacy(tx, 0, new byte[0], Sighash.SINGLE));
    }
}
