package io.openwaas.crypto.tx.bitcoin;

import io.openwaas.crypto.hash.Hashes;

import java.util.ArrayList;
import java.util.List;

/**
 * Signature hashes: legacy ({@code SignatureHash} of Bitcoin Core, used by P2PKH), BIP-143 (segwit v0: P2WPKH and
 * P2SH-P2WPKH) and BIP-341 (taproot key path, {@code ext_flag = 0}).
 */
public final class Sighash {

    public static final int DEFAULT = 0x00;
    public static final int ALL = 0x01;
    public static final int NONE = 0x02;
    public static final int SINGLE = 0x03;
    public static final int ANYONECANPAY = 0x80;

    private static final byte[] ZERO32 = new byte[32];

    private Sighash() {
    }

    /**
     * Legacy signature hash of input {@code index} with {@code scriptCode} (for P2PKH: the previous output's
     * scriptPubKey). Reproduces the {@code SIGHASH_SINGLE} quirk: with no matching output the hash is {@code 1}.
     * {@code OP_CODESEPARATOR} handling is not needed for the standard scripts we sign and is not implemented.
     */
    public static byte[] legacy(BitcoinTransaction tx, int index, byte[] scriptCode, int hashType) {
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        if (index < 0 || index >= tx.inputs().size()) {
            throw new IllegalArgumentException("input index out of range");
        }
        if (base == SINGLE && index >= tx.outputs().size()) {
            byte[] one = new byte[32];
            one[0] = 1;
            return one;
        }
        List<BitcoinTransaction.Input> ins = new ArrayList<>();
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (anyoneCanPay && i != index) {
                continue;
            }
            BitcoinTransaction.Input in = tx.inputs().get(i);
            long seq = i != index && (base == NONE || base == SINGLE) ? 0 : in.sequence();
            ins.add(new BitcoinTransaction.Input(in.prevTxid(), in.vout(), i == index ? scriptCode : new byte[0], seq,
                    List.of()));
        }
        List<BitcoinTransaction.Output> outs = new ArrayList<>();
        if (base == SINGLE) {
            for (int i = 0; i < index; i++) {
                outs.add(new BitcoinTransaction.Output(-1L, new byte[0]));
            }
            outs.add(tx.outputs().get(index));
        } else if (base != NONE) {
            outs.addAll(tx.outputs());
        }
        BitcoinTransaction copy = new BitcoinTransaction(tx.version(), ins, outs, tx.lockTime());
        byte[] ser = new ByteWriter().bytes(copy.serializeWithoutWitness()).u32(hashType & 0xffffffffL).toByteArray();
        return Hashes.sha256d(ser);
    }

    /**
     * The BIP-143 scriptCode of a P2WPKH (or P2SH-P2WPKH) input:
     * {@code OP_DUP OP_HASH160 <h> OP_EQUALVERIFY OP_CHECKSIG}.
     */
    public static byte[] p2wpkhScriptCode(byte[] pubkeyHash20) {
        return Scripts.p2pkh(pubkeyHash20);
    }

    /** BIP-143 signature hash for segwit v0 input {@code index} spending {@code amount} satoshis. */
    public static byte[] segwitV0(BitcoinTransaction tx, int index, byte[] scriptCode, long amount, int hashType) {
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        BitcoinTransaction.Input in = tx.inputs().get(index);
        byte[] hashPrevouts = ZERO32;
        byte[] hashSequence = ZERO32;
        byte[] hashOutputs = ZERO32;
        if (!anyoneCanPay) {
            ByteWriter w = new ByteWriter();
            tx.inputs().forEach(i -> w.bytes(i.outpoint()));
            hashPrevouts = Hashes.sha256d(w.toByteArray());
        }
        if (!anyoneCanPay && base != SINGLE && base != NONE) {
            ByteWriter w = new ByteWriter();
            tx.inputs().forEach(i -> w.u32(i.sequence()));
            hashSequence = Hashes.sha256d(w.toByteArray());
        }
        if (base != SINGLE && base != NONE) {
            ByteWriter w = new ByteWriter();
            tx.outputs().forEach(o -> w.bytes(o.serialize()));
            hashOutputs = Hashes.sha256d(w.toByteArray());
        } else if (base == SINGLE && index < tx.outputs().size()) {
            hashOutputs = Hashes.sha256d(tx.outputs().get(index).serialize());
        }
        byte[] preimage = new ByteWriter().u32(tx.version()).bytes(hashPrevouts).bytes(hashSequence)
                .bytes(in.outpoint()).varBytes(scriptCode).u64(amount).u32(in.sequence()).bytes(hashOutputs)
                .u32(tx.lockTime()).u32(hashType & 0xffffffffL).toByteArray();
        return Hashes.sha256d(preimage);
    }

    /**
     * The BIP-341 {@code SigMsg} (prefixed with the epoch byte 0x00) for a key-path spend of input {@code index}.
     *
     * @param spent the outputs spent by every input, in input order (amounts and scriptPubKeys)
     * @param annex the annex (starting with 0x50) or null
     * @throws IllegalArgumentException for an invalid hash type or {@code SIGHASH_SINGLE} without a matching output
     */
    public static byte[] taprootSigMsg(BitcoinTransaction tx, int index, List<BitcoinTransaction.Output> spent,
            int hashType, byte[] annex) {
        if (!(hashType <= 3 || (hashType >= 0x81 && hashType <= 0x83))) {
            throw new IllegalArgumentException("invalid taproot hash type " + hashType);
        }
        if (spent.size() != tx.inputs().size()) {
            throw new IllegalArgumentException("need the spent output of every input");
        }
        int base = hashType & 3;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        ByteWriter m = new ByteWriter().u8(0).u8(hashType).u32(tx.version()).u32(tx.lockTime());
        if (!anyoneCanPay) {
            ByteWriter prev = new ByteWriter();
            ByteWriter amounts = new ByteWriter();
            ByteWriter spks = new ByteWriter();
            ByteWriter seqs = new ByteWriter();
            for (int i = 0; i < tx.inputs().size(); i++) {
                prev.bytes(tx.inputs().get(i).outpoint());
                amounts.u64(spent.get(i).value());
                spks.varBytes(spent.get(i).scriptPubKey());
                seqs.u32(tx.inputs().get(i).sequence());
            }
            m.bytes(Hashes.sha256(prev.toByteArray())).bytes(Hashes.sha256(amounts.toByteArray()))
                    .bytes(Hashes.sha256(spks.toByteArray())).bytes(Hashes.sha256(seqs.toByteArray()));
        }
        if (base != NONE && base != SINGLE) {
            ByteWriter outs = new ByteWriter();
            tx.outputs().forEach(o -> outs.bytes(o.serialize()));
            m.bytes(Hashes.sha256(outs.toByteArray()));
        }
        m.u8(annex == null ? 0 : 1);
        if (anyoneCanPay) {
            BitcoinTransaction.Input in = tx.inputs().get(index);
            m.bytes(in.outpoint()).u64(spent.get(index).value()).varBytes(spent.get(index).scriptPubKey())
                    .u32(in.sequence());
        } else {
            m.u32(index);
        }
        if (annex != null) {
            m.bytes(Hashes.sha256(new ByteWriter().varBytes(annex).toByteArray()));
        }
        if (base == SINGLE) {
            if (index >= tx.outputs().size()) {
                throw new IllegalArgumentException("SIGHASH_SINGLE without a matching output");
            }
            m.bytes(Hashes.sha256(tx.outputs().get(index).serialize()));
        }
        return m.toByteArray();
    }

    /** BIP-341 key-path signature hash: {@code hash_TapSighash(SigMsg)}. */
    public static byte[] taprootKeyPath(BitcoinTransaction tx, int index, List<BitcoinTransaction.Output> spent,
            int hashType, byte[] annex) {
        return Hashes.tagged("TapSighash", taprootSigMsg(tx, index, spent, hashType, annex));
    }
}
