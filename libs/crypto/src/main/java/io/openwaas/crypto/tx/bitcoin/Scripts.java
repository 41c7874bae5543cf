package io.openwaas.crypto.tx.bitcoin;

import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;

import java.util.List;

/** Standard output scripts and the input scripts / witnesses that spend them (signature placement). */
public final class Scripts {

    private Scripts() {
    }

    public static byte[] p2pkh(byte[] pubkeyHash20) {
        return Bytes.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, pubkeyHash20, new byte[] {(byte) 0x88, (byte) 0xac});
    }

    public static byte[] p2sh(byte[] scriptHash20) {
        return Bytes.concat(new byte[] {(byte) 0xa9, 0x14}, scriptHash20, new byte[] {(byte) 0x87});
    }

    public static byte[] p2wpkh(byte[] pubkeyHash20) {
        return Bytes.concat(new byte[] {0x00, 0x14}, pubkeyHash20);
    }

    public static byte[] p2tr(byte[] outputKeyX32) {
        return Bytes.concat(new byte[] {0x51, 0x20}, outputKeyX32);
    }

    /** A minimal push of {@code data} (up to 520 bytes). */
    public static byte[] push(byte[] data) {
        int n = data.length;
        if (n < 0x4c) {
            return Bytes.concat(new byte[] {(byte) n}, data);
        }
        if (n <= 0xff) {
            return Bytes.concat(new byte[] {0x4c, (byte) n}, data);
        }
        if (n <= 520) {
            return Bytes.concat(new byte[] {0x4d, (byte) n, (byte) (n >>> 8)}, data);
        }
        throw new IllegalArgumentException("push too large");
    }

    /** DER signature followed by the hash-type byte, as script interpreters expect for ECDSA. */
    public static byte[] ecdsaSigWithHashType(EcdsaSignature sig, int hashType) {
        return Bytes.concat(sig.normalizeS().toDer(), new byte[] {(byte) hashType});
    }

    /** P2PKH scriptSig: {@code <sig||hashtype> <compressed pubkey>}. */
    public static byte[] p2pkhScriptSig(EcdsaSignature sig, int hashType, Secp256k1Point pub) {
        return Bytes.concat(push(ecdsaSigWithHashType(sig, hashType)), push(pub.encode()));
    }

    /** P2WPKH witness: {@code [sig||hashtype, compressed pubkey]}. */
    public static List<byte[]> p2wpkhWitness(EcdsaSignature sig, int hashType, Secp256k1Point pub) {
        return List.of(ecdsaSigWithHashType(sig, hashType), pub.encode());
    }

    /** P2SH-P2WPKH scriptSig: a push of the redeem script {@code 0014<hash160(pub)>} (the witness is as P2WPKH). */
    public static byte[] p2shP2wpkhScriptSig(Secp256k1Point pub) {
        return push(p2wpkh(Hashes.hash160(pub.encode())));
    }

    /** Taproot key-path witness: the 64-byte BIP-340 signature, plus the hash type byte unless it is DEFAULT. */
    public static List<byte[]> p2trKeyPathWitness(byte[] sig64, int hashType) {
        if (sig64.length != 64) {
            throw new IllegalArgumentException("BIP-340 signature must be 64 bytes");
        }
        return List.of(hashType == Sighash.DEFAULT ? sig64.clone() : Bytes.concat(sig64, new byte[] {(byte) hashType}));
    }
}
