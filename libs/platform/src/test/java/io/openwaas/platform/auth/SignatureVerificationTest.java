package io.openwaas.platform.auth;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request signatures of both curves, checked with BouncyCastle signers as the independent side. */
class SignatureVerificationTest {

    private static final byte[] DIGEST = CoboAuthMessage.digest("GET|/v2/wallets|1795284526567||");

    @Test
    void ed25519() {
        // RFC 8032 test 1 key.
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
        byte[] pub = key.generatePublicKey().getEncoded();
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(DIGEST, 0, DIGEST.length);
        byte[] sig = signer.generateSignature();
        assertTrue(CurveType.ED25519.verify(pub, DIGEST, sig));
        sig[10] ^= 1;
        assertFalse(CurveType.ED25519.verify(pub, DIGEST, sig));
        assertFalse(CurveType.ED25519.verify(pub, DIGEST, new byte[63]));
        assertTrue(CurveType.ED25519.isValidPublicKey(pub));
        assertFalse(CurveType.ED25519.isValidPublicKey(new byte[32]));
    }

    @Test
    void secp256k1AcceptsBothSFormsAndRejectsGarbage() throws Exception {
        BigInteger d = new BigInteger("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721", 16);
        byte[] pub = CurveType.SECP256K1_DOMAIN.getG().multiply(d).normalize().getEncoded(true);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, CurveType.SECP256K1_DOMAIN));
        BigInteger[] rs = signer.generateSignature(DIGEST);
        BigInteger n = CurveType.SECP256K1_DOMAIN.getN();
        BigInteger low = rs[1].min(n.subtract(rs[1]));
        BigInteger high = n.subtract(low);
        assertTrue(CurveType.SECP256K1.verify(pub, DIGEST, der(rs[0], low)));
        assertTrue(CurveType.SECP256K1.verify(pub, DIGEST, der(rs[0], high)));
        assertFalse(CurveType.SECP256K1.verify(pub, DIGEST, der(rs[0], low.add(BigInteger.ONE))));
        assertFalse(CurveType.SECP256K1.verify(pub, DIGEST, der(BigInteger.ZERO, low)));
        assertFalse(CurveType.SECP256K1.verify(pub, DIGEST, der(rs[0], n)));
        byte[] withTrailing = java.util.Arrays.copyOf(der(rs[0], low), der(rs[0], low).length + 1);
        assertFalse(CurveType.SECP256K1.verify(pub, DIGEST, withTrailing), "non-canonical DER is refused");
        assertFalse(CurveType.SECP256K1.verify(new byte[33], DIGEST, der(rs[0], low)));
        assertTrue(CurveType.SECP256K1.isValidPublicKey(pub));
    }

    @Test
    void responseSignatureRoundTripsAndBindsBodyAndTimestamp() {
        ResponseSignature signer = ResponseSignature.fromSeedHex("11".repeat(32));
        byte[] body = "{\"a\":1}".getBytes();
        String sig = signer.sign(body, "1795284526567");
        assertTrue(ResponseSignature.verify(signer.publicKeyHex(), body, "1795284526567", sig));
        assertFalse(ResponseSignature.verify(signer.publicKeyHex(), body, "1795284526568", sig));
        assertFalse(ResponseSignature.verify(signer.publicKeyHex(), "{\"a\":2}".getBytes(), "1795284526567", sig));
        assertFalse(signer.toString().contains("11111111"), "the seed never prints");
    }

    private static byte[] der(BigInteger r, BigInteger s) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        return new DERSequence(v).getEncoded("DER");
    }
}
