package io.openwaas.tsscallback;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * The protocol's envelope: a JSON document ({@link CallbackRequest} or {@link CallbackResponse}) as the payload of a
 * compact RS256 JWS. The payload is the JSON string exactly as serialized, with no registered claims added.
 */
public final class CallbackJwt {

    private static final AlgorithmConstraints RS256_ONLY =
            new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);

    private CallbackJwt() {
    }

    /**
     * Signs a payload with RS256.
     *
     * @param payloadJson the JSON string to sign, used as the payload byte for byte (UTF-8)
     * @param key         an RSA private key of at least 2048 bits
     * @return the compact serialization {@code header.payload.signature}
     */
    public static String sign(String payloadJson, PrivateKey key) {
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (!(key instanceof RSAPrivateKey)) {
            throw new IllegalArgumentException("an RS256 JWT needs an RSA private key");
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(payloadJson);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("RS256 signing failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Verifies a compact JWS against one RSA public key and returns its payload.
     *
     * @throws CallbackJwtException if the token is malformed, its {@code alg} is not {@code RS256} (including
     *                              {@code none}), or the signature does not verify with this key
     */
    public static String verify(String compactJws, PublicKey key) throws CallbackJwtException {
        if (!(key instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("an RS256 JWT needs an RSA public key");
        }
        if (compactJws == null || compactJws.isBlank()) {
            throw new CallbackJwtException("the JWT is empty");
        }
        String token = compactJws.strip();
        if (token.chars().filter(c -> c == '.').count() != 2) {
            throw new CallbackJwtException("the JWT is not a compact JWS (header.payload.signature)");
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(RS256_ONLY);
        try {
            jws.setCompactSerialization(token);
        } catch (JoseException e) {
            throw new CallbackJwtException("the JWT is malformed");
        }
        String alg = jws.getAlgorithmHeaderValue();
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
            throw new CallbackJwtException("the JWT algorithm is " + (alg == null ? "missing" : "'" + alg + "'")
                    + ", only RS256 is accepted");
        }
        jws.setKey(key);
        boolean valid;
        try {
            valid = jws.verifySignature();
        } catch (JoseException e) {
            throw new CallbackJwtException("the JWT cannot be verified: " + e.getClass().getSimpleName());
        }
        if (!valid) {
            throw new CallbackJwtException("the JWT signature does not verify with this key");
        }
        try {
            return jws.getPayload();
        } catch (JoseException e) {
            throw new CallbackJwtException("the JWT payload cannot be read");
        }
    }
}
