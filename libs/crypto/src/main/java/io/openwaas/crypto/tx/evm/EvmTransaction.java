package io.openwaas.crypto.tx.evm;

import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An unsigned EVM transaction: legacy (with EIP-155 replay protection when {@code chainId > 0}) or EIP-1559 (type 2).
 * Gives the signing payload and hash, assembles the signed transaction from an ECDSA signature with recovery id, and
 * decodes signed transactions (recovering the sender).
 */
public final class EvmTransaction {

    /** Envelope type. */
    public enum Type { LEGACY, EIP1559 }

    /** One access-list entry (EIP-2930). */
    public record AccessListEntry(byte[] address, List<byte[]> storageKeys) {
    }

    private final Type type;
    private final long chainId;
    private final BigInteger nonce;
    private final BigInteger gasPrice;
    private final BigInteger maxPriorityFeePerGas;
    private final BigInteger maxFeePerGas;
    private final BigInteger gasLimit;
    private final byte[] to;
    private final BigInteger value;
    private final byte[] data;
    private final List<AccessListEntry> accessList;

    private EvmTransaction(Type type, long chainId, BigInteger nonce, BigInteger gasPrice, BigInteger maxPriority,
            BigInteger maxFee, BigInteger gasLimit, byte[] to, BigInteger value, byte[] data,
            List<AccessListEntry> accessList) {
        if (to.length != 0 && to.length != 20) {
            throw new IllegalArgumentException("'to' must be 20 bytes (or empty for contract creation)");
        }
        if (chainId < 0) {
            throw new IllegalArgumentException("negative chain id");
        }
        this.type = type;
        this.chainId = chainId;
        this.nonce = nonce;
        this.gasPrice = gasPrice;
        this.maxPriorityFeePerGas = maxPriority;
        this.maxFeePerGas = maxFee;
        this.gasLimit = gasLimit;
        this.to = to.clone();
        this.value = value;
        this.data = data.clone();
        this.accessList = List.copyOf(accessList);
    }

    /**
     * A legacy transaction.
     *
     * @param chainId EIP-155 chain id; 0 for an unprotected pre-EIP-155 transaction
     */
    public static EvmTransaction legacy(long chainId, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit,
            byte[] to, BigInteger value, byte[] data) {
        return new EvmTransaction(Type.LEGACY, chainId, nonce, gasPrice, null, null, gasLimit, to, value, data,
                List.of());
    }

    /** An EIP-1559 (type 2) transaction. */
    public static EvmTransaction eip1559(long chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, BigInteger gasLimit, byte[] to, BigInteger value, byte[] data,
            List<AccessListEntry> accessList) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("EIP-1559 transactions need a chain id");
        }
        return new EvmTransaction(Type.EIP1559, chainId, nonce, null, maxPriorityFeePerGas, maxFeePerGas, gasLimit,
                to, value, data, accessList);
    }

    private List<Object> accessListRlp() {
        List<Object> out = new ArrayList<>();
        for (AccessListEntry e : accessList) {
            out.add(List.of(e.address(), new ArrayList<Object>(e.storageKeys())));
        }
        return out;
    }

    private List<Object> fields() {
        List<Object> f = new ArrayList<>();
        if (type == Type.LEGACY) {
            f.add(Rlp.uint(nonce));
            f.add(Rlp.uint(gasPrice));
            f.add(Rlp.uint(gasLimit));
            f.add(to);
            f.add(Rlp.uint(value));
            f.add(data);
        } else {
            f.add(Rlp.uint(chainId));
            f.add(Rlp.uint(nonce));
            f.add(Rlp.uint(maxPriorityFeePerGas));
            f.add(Rlp.uint(maxFeePerGas));
            f.add(Rlp.uint(gasLimit));
            f.add(to);
            f.add(Rlp.uint(value));
            f.add(data);
            f.add(accessListRlp());
        }
        return f;
    }

    /** The bytes whose Keccak-256 is signed. */
    public byte[] signingPayload() {
        List<Object> f = fields();
        if (type == Type.LEGACY) {
            if (chainId > 0) {
                f.add(Rlp.uint(chainId));
                f.add(new byte[0]);
                f.add(new byte[0]);
            }
            return Rlp.encode(f);
        }
        return Bytes.concat(new byte[] {0x02}, Rlp.encode(f));
    }

    /** Keccak-256 of {@link #signingPayload()}: the 32-byte hash the signers sign. */
    public byte[] signingHash() {
        return Hashes.keccak256(signingPayload());
    }

    /**
     * The signed transaction: {@code v = 27 + recId} (legacy without chain id), {@code chainId·2 + 35 + recId}
     * (EIP-155), {@code yParity = recId} (EIP-1559). The signature must be low-S with recovery id 0 or 1.
     */
    public byte[] encodeSigned(EcdsaSignature sig) {
        if (sig.recoveryId() != 0 && sig.recoveryId() != 1) {
            throw new IllegalArgumentException("EVM signatures need recovery id 0 or 1");
        }
        if (!sig.isLowS()) {
            throw new IllegalArgumentException("EVM signatures must be low-S (EIP-2)");
        }
        List<Object> f = fields();
        BigInteger v;
        if (type == Type.LEGACY) {
            v = chainId > 0 ? BigInteger.valueOf(chainId * 2 + 35 + sig.recoveryId())
                    : BigInteger.valueOf(27 + sig.recoveryId());
        } else {
            v = BigInteger.valueOf(sig.recoveryId());
        }
        f.add(Rlp.uint(v));
        f.add(Rlp.uint(sig.r()));
        f.add(Rlp.uint(sig.s()));
        byte[] body = Rlp.encode(f);
        return type == Type.LEGACY ? body : Bytes.concat(new byte[] {0x02}, body);
    }

    /** The transaction hash of a signed encoding: Keccak-256 of the raw bytes. */
    public static byte[] transactionHash(byte[] signedRaw) {
        return Hashes.keccak256(signedRaw);
    }

    /** A decoded signed transaction. */
    public record Signed(EvmTransaction transaction, EcdsaSignature signature, byte[] raw) {

        /** The sender's 20-byte address, recovered from the signature. */
        public byte[] sender() {
            return Addresses.evmAccountId(Ecdsa.recover(transaction.signingHash(), signature));
        }

        public byte[] hash() {
            return transactionHash(raw);
        }
    }

    /**
     * Decodes a signed legacy or type-2 transaction.
     *
     * @throws IllegalArgumentException on malformed input, an unsupported type, or an invalid v
     */
    public static Signed decodeSigned(byte[] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("empty transaction");
        }
        int first = raw[0] & 0xFF;
        if (first >= 0xc0) {
            List<Object> f = Rlp.toList(Rlp.decode(raw));
            if (f.size() != 9) {
                throw new IllegalArgumentException("legacy transaction must have 9 fields");
            }
            BigInteger v = Rlp.toUint(f.get(6));
            long chainId;
            int recId;
            if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
                chainId = 0;
                recId = v.intValue() - 27;
            } else if (v.compareTo(BigInteger.valueOf(35)) >= 0) {
                BigInteger c = v.subtract(BigInteger.valueOf(35)).shiftRight(1);
                chainId = c.longValueExact();
                recId = v.subtract(BigInteger.valueOf(35)).testBit(0) ? 1 : 0;
            } else {
                throw new IllegalArgumentException("invalid v " + v);
            }
            EvmTransaction tx = legacy(chainId, Rlp.toUint(f.get(0)), Rlp.toUint(f.get(1)), Rlp.toUint(f.get(2)),
                    Rlp.toBytes(f.get(3)), Rlp.toUint(f.get(4)), Rlp.toBytes(f.get(5)));
            return new Signed(tx, signature(f.get(7), f.get(8), recId), raw.clone());
        }
        if (first == 0x02) {
            List<Object> f = Rlp.toList(Rlp.decode(java.util.Arrays.copyOfRange(raw, 1, raw.length)));
            if (f.size() != 12) {
                throw new IllegalArgumentException("EIP-1559 transaction must have 12 fields");
            }
            List<AccessListEntry> al = new ArrayList<>();
            for (Object e : Rlp.toList(f.get(8))) {
                List<Object> pair = Rlp.toList(e);
                List<byte[]> keys = new ArrayList<>();
                for (Object k : Rlp.toList(pair.get(1))) {
                    keys.add(Rlp.toBytes(k));
                }
                al.add(new AccessListEntry(Rlp.toBytes(pair.get(0)), keys));
            }
            EvmTransaction tx = eip1559(Rlp.toUint(f.get(0)).longValueExact(), Rlp.toUint(f.get(1)),
                    Rlp.toUint(f.get(2)), Rlp.toUint(f.get(3)), Rlp.toUint(f.get(4)), Rlp.toBytes(f.get(5)),
                    Rlp.toUint(f.get(6)), Rlp.toBytes(f.get(7)), al);
            BigInteger yParity = Rlp.toUint(f.get(9));
            if (yParity.compareTo(BigInteger.ONE) > 0) {
                throw new IllegalArgumentException("invalid yParity");
            }
            return new Signed(tx, signature(f.get(10), f.get(11), yParity.intValue()), raw.clone());
        }
        throw new IllegalArgumentException("unsupported transaction type " + first);
    }

    private static EcdsaSignature signature(Object r, Object s, int recId) {
        BigInteger rr = Rlp.toUint(r);
        BigInteger ss = Rlp.toUint(s);
        if (ss.compareTo(Secp256k1.HALF_N) > 0) {
            throw new IllegalArgumentException("high-S signature (invalid since EIP-2)");
        }
        return new EcdsaSignature(rr, ss, recId);
    }

    public Type type() {
        return type;
    }

    public long chainId() {
        return chainId;
    }

    public BigInteger nonce() {
        return nonce;
    }

    /** Legacy gas price (null for EIP-1559). */
    public BigInteger gasPrice() {
        return gasPrice;
    }

    /** EIP-1559 tip cap (null for legacy). */
    public BigInteger maxPriorityFeePerGas() {
        return maxPriorityFeePerGas;
    }

    /** EIP-1559 fee cap (null for legacy). */
    public BigInteger maxFeePerGas() {
        return maxFeePerGas;
    }

    public BigInteger gasLimit() {
        return gasLimit;
    }

    /** The 20-byte recipient, or empty for contract creation. */
    public byte[] to() {
        return to.clone();
    }

    public BigInteger value() {
        return value;
    }

    public byte[] data() {
        return data.clone();
    }

    public List<AccessListEntry> accessList() {
        return accessList;
    }
}
