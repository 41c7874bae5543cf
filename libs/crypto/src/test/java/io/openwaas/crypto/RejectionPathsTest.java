package io.openwaas.crypto;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.encoding.Bech32;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPrivateKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.crypto.tx.evm.EvmTransaction;
import io.openwaas.crypto.util.Hex;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rejection paths not covered by the published vectors. */
class RejectionPathsTest {

    private static final byte[] HASH = new byte[32];

    @Test
    void ecdsaAndEvmAssembly() {
        Secp256k1PrivateKey key = Secp256k1PrivateKey.of(BigInteger.valueOf(77));
        EcdsaSignature sig = Ecdsa.sign(key, HASH);
        EvmTransaction tx = EvmTransaction.legacy(1, BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(21000),
                new byte[20], BigInteger.ONE, new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> tx.encodeSigned(sig.withRecoveryId(2)));
        assertThrows(IllegalArgumentException.class, () -> tx.encodeSigned(sig.withRecoveryId(-1)));
        EcdsaSignature high = new EcdsaSignature(sig.r(), Secp256k1.N.subtract(sig.s()), sig.recoveryId() ^ 1);
        assertThrows(IllegalArgumentException.class, () -> tx.encodeSigned(high));
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeSigned(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeSigned(new byte[] {(byte) 0xc0}));
        byte[] signed = tx.encodeSigned(sig);
        byte[] truncated = java.util.Arrays.copyOf(signed, signed.length - 1);
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeSigned(truncated));
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.legacy(1, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, new byte[19], BigInteger.ONE, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> EvmTransaction.eip1559(0, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, BigInteger.ONE, new byte[20], BigInteger.ONE, new byte[0], List.of()));
        assertThrows(IllegalArgumentException.class, () -> Ecdsa.recover(HASH, sig.withRecoveryId(-1)));
        assertThrows(IllegalArgumentException.class, () -> new EcdsaSignature(BigInteger.ZERO, BigInteger.ONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new EcdsaSignature(Secp256k1.N, BigInteger.ONE, 0));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.parseDer(Hex.decode("3006020101020101ff")));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.parseDer(Hex.decode("30070201010202000101")));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.parseDer(Hex.decode("3006020181020101")));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.parseCompact(new byte[63], 0));
    }

    @Test
    void schnorrAndEd25519MalformedInputs() {
        Secp256k1PrivateKey key = Secp256k1PrivateKey.of(BigInteger.valueOf(5));
        assertThrows(IllegalArgumentException.class, () -> Bip340.sign(key, HASH, new byte[31]));
        byte[] sig = Bip340.sign(key, HASH, new byte[32]);
        byte[] pk = Bip340.xOnlyPublicKey(key);
        assertFalse(Bip340.verify(pk, HASH, new byte[63]));
        assertFalse(Bip340.verify(new byte[31], HASH, sig));
        byte[] rTooBig = sig.clone();
        System.arraycopy(io.openwaas.crypto.util.Bytes.toFixedBE(Secp256k1.P, 32), 0, rTooBig, 0, 32);
        assertFalse(Bip340.verify(pk, HASH, rTooBig));
        byte[] sTooBig = sig.clone();
        System.arraycopy(io.openwaas.crypto.util.Bytes.toFixedBE(Secp256k1.N, 32), 0, sTooBig, 32, 32);
        assertFalse(Bip340.verify(pk, HASH, sTooBig));
        assertThrows(IllegalArgumentException.class, () -> Ed25519PrivateKey.fromSeed(new byte[31]));
        assertFalse(Ed25519.verify(new byte[31], HASH, new byte[64]));
        assertFalse(Ed25519.verify(new byte[32], HASH, new byte[63]));
    }

    @Test
    void encodingsAndHd() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0"));
        assertThrows(IllegalArgumentException.class, () -> Base58.decodeCheck("111"));
        assertThrows(IllegalArgumentException.class, () -> Bech32.encodeSegwit("bc", 17, new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> Bech32.encodeSegwit("bc", 0, new byte[21]));
        assertThrows(IllegalArgumentException.class, () -> Bech32.encodeSegwit("bc", 1, new byte[41]));
        ExtendedPublicKey xpub = ExtendedPrivateKey.fromSeed(new byte[16], Bip32Version.XPUB).neuter();
        assertThrows(IllegalArgumentException.class, () -> xpub.derive(DerivationPath.parse("m/0'")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(xpub.serialize().substring(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ExtendedPrivateKey.parse(xpub.serialize()));
    }
}
