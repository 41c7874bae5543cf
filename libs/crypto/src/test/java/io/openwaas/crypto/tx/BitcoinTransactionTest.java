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
