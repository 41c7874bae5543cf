package io.openwaas.platform.auth;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * The two kinds of API key Cobo Auth knows (reference §1.1, §1.3): the key is the client's public key, the
 * signature is over the 32-byte double-SHA-256 digest of the string to sign.
 */
public enum CurveType {

    /** 32-byte public key; pure Ed25519 over the digest bytes; 64-byte signature. */
    ED25519(32) {
        @Override
        public boolean verify(byte[] publicKey, byte[] digest, byte[] signature) {
            if (publicKey.length != 32 || signature.length != 64) {
                return false;
            }
            try {
                Ed25519Signer verifier = new Ed25519Signer();
                verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
                verifier.update(digest, 0, digest.length);
                return verifier.verifySignature(signature);
            } catch (RuntimeException invalidKey) {
                return false;
            }
        }
    },

    /** 33-byte compressed point; ECDSA over the digest used as the hash; DER signature, either S form accepted. */
    SECP256K1(33) {
        @Override
        public boolean verify(byte[] publicKey, byte[] digest, byte[] signature) {
            if (publicKey.length != 33) {
                return false;
            }
            try {
                ECPoint q = SECP256K1_DOMAIN.getCurve().decodePoint(publicKey);
                if (q.isInfinity() || !q.isValid()) {
                    return false;
                }
                BigInteger[] rs = decodeDer(signature);
                if (rs == null) {
                    return false;
                }
                ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, new ECPublicKeyParameters(q, SECP256K1_DOMAIN));
                return verifier.verifySignature(digest, rs[0], rs[1]);
            } catch (RuntimeException invalid) {
                return false;
            }
        }
    };

    static final ECDomainParameters SECP256K1_DOMAIN;

    static {
        X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
        SECP256K1_DOMAIN = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    }

    private final int publicKeyLength;

    CurveType(int publicKeyLength) {
        this.publicKeyLength = publicKeyLength;
    }

    /** Length of the raw public key in bytes (the API key is its lower-case hex). */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** Verifies {@code signature} over the 32-byte {@code digest}; never throws for malformed input. */
    public abstract boolean verify(byte[] publicKey, byte[] digest, byte[] signature);

    /** Whether {@code publicKey} is a valid key of this curve (right length, on the curve). */
    public boolean isValidPublicKey(byte[] publicKey) {
        if (publicKey.length != publicKeyLength) {
            return false;
        }
        try {
            if (this == ED25519) {
                return new Ed25519PublicKeyParameters(publicKey, 0).getEncoded().length == 32
                        && org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(publicKey, 0);
            }
            ECPoint q = SECP256K1_DOMAIN.getCurve().decodePoint(publicKey);
            return !q.isInfinity() && q.isValid();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Strict DER {@code SEQUENCE { INTEGER r, INTEGER s }}; null when malformed or out of range. */
    private static BigInteger[] decodeDer(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!(primitive instanceof ASN1Sequence seq) || seq.size() != 2
                    || !java.util.Arrays.equals(primitive.getEncoded("DER"), der)) {
                return null;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            BigInteger n = SECP256K1_DOMAIN.getN();
            if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
                return null;
            }
            return new BigInteger[] {r, s};
        } catch (Exception e) {
            return null;
        }
    }
}
