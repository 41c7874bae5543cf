package io.openwaas.crypto.tx.bitcoin;

import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable Bitcoin transaction (BIP-144 serialisation when any input has a witness).
 *
 * @param version  nVersion
 * @param inputs   inputs
 * @param outputs  outputs
 * @param lockTime nLockTime
 */
public record BitcoinTransaction(int version, List<Input> inputs, List<Output> outputs, long lockTime) {

    /**
     * An input.
     *
     * @param prevTxid previous transaction id in internal byte order (the reverse of the usual hex display)
     * @param vout     previous output index
     * @param scriptSig input script
     * @param sequence nSequence
     * @param witness  witness stack (empty when none)
     */
    public record Input(byte[] prevTxid, long vout, byte[] scriptSig, long sequence, List<byte[]> witness) {

        public Input {
            if (prevTxid.length != 32) {
                throw new IllegalArgumentException("previous txid must be 32 bytes");
            }
            prevTxid = prevTxid.clone();
            scriptSig = scriptSig.clone();
            witness = List.copyOf(witness);
        }

        /** An unsigned input spending {@code txidHex:vout} (txid as displayed by explorers). */
        public static Input spending(String txidHex, long vout, long sequence) {
            return new Input(Bytes.reverse(Hex.decode(txidHex)), vout, new byte[0], sequence, List.of());
        }

        byte[] outpoint() {
            return new ByteWriter().bytes(prevTxid).u32(vout).toByteArray();
        }
    }

    /**
     * An output.
     *
     * @param value        amount in satoshis
     * @param scriptPubKey locking script
     */
    public record Output(long value, byte[] scriptPubKey) {

        public Output {
            scriptPubKey = scriptPubKey.clone();
        }

        byte[] serialize() {
            return new ByteWriter().u64(value).varBytes(scriptPubKey).toByteArray();
        }
    }

    public BitcoinTransaction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public boolean hasWitness() {
        return inputs.stream().anyMatch(i -> !i.witness().isEmpty());
    }

    /** The network serialisation (with witnesses if any). */
    public byte[] serialize() {
        return serialize(hasWitness());
    }

    /** The legacy serialisation without witnesses (the txid preimage). */
    public byte[] serializeWithoutWitness() {
        return serialize(false);
    }

    private byte[] serialize(boolean witness) {
        ByteWriter w = new ByteWriter().u32(version);
        if (witness) {
            w.u8(0).u8(1);
        }
        w.compactSize(inputs.size());
        for (Input in : inputs) {
            w.bytes(in.outpoint()).varBytes(in.scriptSig()).u32(in.sequence());
        }
        w.compactSize(outputs.size());
        for (Output o : outputs) {
            w.bytes(o.serialize());
        }
        if (witness) {
            for (Input in : inputs) {
                w.compactSize(in.witness().size());
                for (byte[] item : in.witness()) {
                    w.varBytes(item);
                }
            }
        }
        return w.u32(lockTime).toByteArray();
    }

    /** The txid as displayed (hex of the reversed double SHA-256 of the witness-less serialisation). */
    public String txid() {
        return Hex.encode(Bytes.reverse(Hashes.sha256d(serializeWithoutWitness())));
    }

    /** The wtxid as displayed. */
    public String wtxid() {
        return Hex.encode(Bytes.reverse(Hashes.sha256d(serialize())));
    }

    /** A copy with input {@code index}'s scriptSig and witness replaced (signature placement). */
    public BitcoinTransaction withInputScripts(int index, byte[] scriptSig, List<byte[]> witness) {
        List<Input> ins = new ArrayList<>(inputs);
        Input old = ins.get(index);
        ins.set(index, new Input(old.prevTxid(), old.vout(), scriptSig, old.sequence(), witness));
        return new BitcoinTransaction(version, ins, outputs, lockTime);
    }

    /**
     * Parses a serialised transaction (with or without BIP-144 witness data).
     *
     * @throws IllegalArgumentException on malformed or trailing data
     */
    public static BitcoinTransaction parse(byte[] raw) {
        Reader r = new Reader(raw);
        int version = (int) r.u32();
        boolean segwit = false;
        if (r.peek() == 0) {
            r.u8();
            if (r.u8() != 1) {
                throw new IllegalArgumentException("bad segwit flag");
            }
            segwit = true;
        }
        int nIn = (int) r.compactSize();
        List<Input> ins = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            byte[] txid = r.bytes(32);
            long vout = r.u32();
            byte[] script = r.bytes((int) r.compactSize());
            long seq = r.u32();
            ins.add(new Input(txid, vout, script, seq, List.of()));
        }
        int nOut = (int) r.compactSize();
        List<Output> outs = new ArrayList<>();
        for (int i = 0; i < nOut; i++) {
            long value = r.u64();
            outs.add(new Output(value, r.bytes((int) r.compactSize())));
        }
        if (segwit) {
            for (int i = 0; i < nIn; i++) {
                int n = (int) r.compactSize();
                List<byte[]> items = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    items.add(r.bytes((int) r.compactSize()));
                }
                Input in = ins.get(i);
                ins.set(i, new Input(in.prevTxid(), in.vout(), in.scriptSig(), in.sequence(), items));
            }
        }
        long lockTime = r.u32();
        if (!r.done()) {
            throw new IllegalArgumentException("trailing bytes after transaction");
        }
        return new BitcoinTransaction(version, ins, outs, lockTime);
    }

    private static final class Reader {
        private final byte[] b;
        private int p;

        Reader(byte[] b) {
            this.b = b;
        }

        int peek() {
            need(1);
            return b[p] & 0xFF;
        }

        int u8() {
            need(1);
            return b[p++] & 0xFF;
        }

        long u32() {
            need(4);
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v |= (long) (b[p++] & 0xFF) << (8 * i);
            }
            return v;
        }

        long u64() {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (b[p++] & 0xFF) << (8 * i);
            }
            return v;
        }

        long compactSize() {
            int f = u8();
            long n = f < 0xfd ? f : f == 0xfd ? u8() | (u8() << 8) : f == 0xfe ? u32() : u64();
            if (n > b.length) {
                throw new IllegalArgumentException("length beyond input");
            }
            return n;
        }

        byte[] bytes(int n) {
            need(n);
            byte[] out = Arrays.copyOfRange(b, p, p + n);
            p += n;
            return out;
        }

        void need(int n) {
            if (n < 0 || p + n > b.length) {
                throw new IllegalArgumentException("truncated transaction");
            }
        }

        boolean done() {
            return p == b.length;
        }
    }
}
