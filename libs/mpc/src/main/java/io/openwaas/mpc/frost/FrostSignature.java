package io.openwaas.mpc.frost;

import io.openwaas.crypto.eddsa.Ed25519;
import io.openwaas.crypto.schnorr.Bip340;

/**
 * An aggregated FROST signature and the key it verifies under: for {@link FrostScheme#ED25519} a 64-byte RFC 8032
 * signature and the 32-byte (tweaked) public key; for {@link FrostScheme#BIP340} a 64-byte BIP-340 signature and the
 * 32-byte x-only (tweaked) key; for {@link FrostScheme#SECP256K1_SHA256} {@code R ‖ z} (65 bytes) and the SEC1 key.
 */
public record FrostSignature(FrostScheme scheme, byte[] signature, byte[] verifyingKey) {

    public FrostSignature {
        signature = signature.clone();
        verifyingKey = verifyingKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] verifyingKey() {
        return verifyingKey.clone();
    }

    /** Verifies with libs/crypto's Ed25519 / BIP-340 verifier (or RFC 9591's equation for secp256k1-SHA256). */
    public boolean verify(byte[] message) {
        return switch (scheme) {
            case ED25519 -> Ed25519.verify(verifyingKey, message, signature);
            case BIP340 -> Bip340.verify(verifyingKey, message, signature);
            case SECP256K1_SHA256 -> {
                try {
                    yield Rfc9591.verify(Ciphersuite.SECP256K1_SHA256,
                            FrostScheme.SECP256K1_SHA256.group().decode(verifyingKey), message, signature);
                } catch (IllegalArgumentException e) {
                    yield false;
                }
            }
        };
    }
}
