package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;

/** Which FROST variant a signing session runs. */
public enum FrostScheme {
    /** RFC 9591 FROST(Ed25519, SHA-512): RFC 8032-verifiable Ed25519 signatures (64 bytes). */
    ED25519(Ed25519Group.GROUP, 0),
    /** Draft BIP 445 FROST for BIP-340: BIP-340 Schnorr signatures (64 bytes) under the x-only (tweaked) key. */
    BIP340(Secp256k1.GROUP, 1),
    /** RFC 9591 FROST(secp256k1, SHA-256): 65-byte {@code R ‖ z} signatures (not BIP-340; for RFC interop). */
    SECP256K1_SHA256(Secp256k1.GROUP, 2);

    private final EcGroup group;
    private final int code;

    FrostScheme(EcGroup group, int code) {
        this.group = group;
        this.code = code;
    }

    public EcGroup group() {
        return group;
    }

    /** Wire code. */
    public int code() {
        return code;
    }

    static FrostScheme ofCode(int code) {
        for (FrostScheme s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new io.openwaas.mpc.common.WireFormatException("unknown FROST scheme");
    }

    Ciphersuite ciphersuite() {
        return switch (this) {
            case ED25519 -> Ciphersuite.ED25519_SHA512;
            case SECP256K1_SHA256 -> Ciphersuite.SECP256K1_SHA256;
            case BIP340 -> throw new IllegalStateException("BIP340 uses Bip445");
        };
    }
}
