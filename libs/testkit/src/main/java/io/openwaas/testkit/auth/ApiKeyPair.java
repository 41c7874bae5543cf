package io.openwaas.testkit.auth;

import io.openwaas.platform.auth.CurveType;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A client's API key pair, as the Cobo SDKs hold it: the API secret (private key) and the API key (public key,
 * lower-case hex). Test and tooling code only; the platform never sees a secret.
 */
public final class ApiKeyPair {

    private static final HexFormat HEX = HexFormat.of();
    private static final ECDomainParameters SECP256K1;

    static {
        X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
        SECP256K1 = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    }

    private final CurveType curve;
    private final byte[] secret;
    private final byte[] publicKey;

    private ApiKeyPair(CurveType curve, byte[] secret) {
        this.curve = curve;
        this.secret = secret.clone();
        if (curve == CurveType.ED25519) {
            this.publicKey = new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
        } else {
            this.publicKey = SECP256K1.getG().multiply(new BigInteger(1, secret)).normalize().getEncoded(true);
        }
    }

    public static ApiKeyPair random(CurveType curve) {
        SecureRandom rnd = new SecureRandom();
        byte[] secret = new byte[32];
        do {
            rnd.nextBytes(secret);
        } while (curve == CurveType.SECP256K1
                && (new BigInteger(1, secret).signum() == 0 || new BigInteger(1, secret).compareTo(SECP256K1.getN()) >= 0));
        return new ApiKeyPair(curve, secret);
    }

    /** From the API secret: Ed25519 seed or secp256k1 scalar, 64 hex characters. */
    public static ApiKeyPair fromSecretHex(CurveType curve, String secretHex) {
        return new ApiKeyPair(curve, HEX.parseHex(secretHex));
    }

    public CurveType curve() {
        return curve;
    }

    /** The API key: public key hex. */
    public String apiKey() {
        return HEX.formatHex(publicKey);
    }

    /** The API secret: private key hex (what {@code WAAS_API_SECRET} holds). */
    public String secretHex() {
        return HEX.formatHex(secret);
    }

    /** Signs a 32-byte digest: Ed25519 (64 bytes) or ECDSA DER with RFC 6979 nonces. */
    public byte[] sign(byte[] digest) {
        if (curve == CurveType.ED25519) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(secret, 0));
            signer.update(digest, 0, digest.length);
            return signer.generateSignature();
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, secret), SECP256K1));
        BigInteger[] rs = signer.generateSignature(digest);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(rs[0]));
        v.add(new ASN1Integer(rs[1]));
        try {
            return new DERSequence(v).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyPair[" + curve + ", apiKey=" + apiKey() + "]";
    }
}
