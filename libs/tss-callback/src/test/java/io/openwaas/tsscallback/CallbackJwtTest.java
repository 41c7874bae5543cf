package io.openwaas.tsscallback;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackJwtTest {

    private static final KeyPair NODE = RsaPem.randomKeyPair();
    private static final KeyPair OTHER = RsaPem.randomKeyPair();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void roundTripKeepsThePayloadByteForByte() throws Exception {
        String payload = CallbackRequest.ping("req-1").toJson();
        String jwt = CallbackJwt.sign(payload, NODE.getPrivate());

        assertEquals(3, jwt.split("\\.").length);
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        assertEquals(payload, new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(payload, CallbackJwt.verify(jwt, NODE.getPublic()));
    }

    @Test
    void nonAsciiPayloadSurvives() throws Exception {
        String payload = "{\"note\":\"Überweisung – 送金\"}";
        assertEquals(payload, CallbackJwt.verify(CallbackJwt.sign(payload, NODE.getPrivate()), NODE.getPublic()));
    }

    @Test
    void tamperedPayloadIsRejected() {
        String jwt = CallbackJwt.sign(CallbackResponse.reject("r", "no").toJson(), NODE.getPrivate());
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + B64URL.encodeToString(CallbackResponse.approve("r").toJson()
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        CallbackJwtException e = assertThrows(CallbackJwtException.class,
                () -> CallbackJwt.verify(forged, NODE.getPublic()));
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    @Test
    void tamperedSignatureIsRejected() {
        String jwt = CallbackJwt.sign("{}", NODE.getPrivate());
        char last = jwt.charAt(jwt.length() - 5);
        String forged = jwt.substring(0, jwt.length() - 5) + (last == 'A' ? 'B' : 'A') + jwt.substring(jwt.length() - 4);
        assertThrows(CallbackJwtException.class, () -> CallbackJwt.verify(forged, NODE.getPublic()));
    }

    @Test
    void anotherKeysSignatureIsRejected() {
        String jwt = CallbackJwt.sign("{}", OTHER.getPrivate());
        assertThrows(CallbackJwtException.class, () -> CallbackJwt.verify(jwt, NODE.getPublic()));
    }

    @Test
    void algNoneIsRejected() {
        String unsigned = B64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64URL.encodeToString(CallbackResponse.approve("r").toJson().getBytes(StandardCharsets.UTF_8))
                + ".";
        CallbackJwtException e = assertThrows(CallbackJwtException.class,
                () -> CallbackJwt.verify(unsigned, NODE.getPublic()));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRejected() throws Exception {
        // The classic algorithm confusion: an HMAC "signed" with the verifier's public key bytes.
        String signingInput = B64URL.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RsaPem.encode(NODE.getPublic()).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String forged = signingInput + "." + B64URL.encodeToString(mac.doFinal(
                signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertThrows(CallbackJwtException.class, () -> CallbackJwt.verify(forged, NODE.getPublic()));
    }

    @Test
    void garbageIsRejected() {
        for (String garbage : new String[]{"", "   ", "abc", "a.b", "a.b.c", "<html>502</html>", "a.b.c.d.e"}) {
            assertThrows(CallbackJwtException.class, () -> CallbackJwt.verify(garbage, NODE.getPublic()), garbage);
        }
        assertThrows(CallbackJwtException.class, () -> CallbackJwt.verify(null, NODE.getPublic()));
    }

    @Test
    void pemRoundTrip(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path privateFile = dir.resolve("keys/node.pem");
        Path publicFile = dir.resolve("keys/node.pub.pem");
        RsaPem.write(privateFile, NODE.getPrivate());
        RsaPem.write(publicFile, NODE.getPublic());

        assertTrue(Files.readString(privateFile).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(privateFile)));
        RsaPem.write(privateFile, NODE.getPrivate());
        assertTrue(Files.readString(publicFile).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        RSAPrivateKey privateKey = RsaPem.readPrivateKey(privateFile);
        RSAPublicKey publicKey = RsaPem.readPublicKey(publicFile);
        assertArrayEquals(NODE.getPrivate().getEncoded(), privateKey.getEncoded());
        assertArrayEquals(NODE.getPublic().getEncoded(), publicKey.getEncoded());
        assertEquals("{}", CallbackJwt.verify(CallbackJwt.sign("{}", privateKey), publicKey));
    }

    @Test
    void pemErrorsNeverEchoTheKey(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String privatePem = RsaPem.encode(NODE.getPrivate());
        String body = privatePem.split("\n")[1];

        IllegalArgumentException asPublic = assertThrows(IllegalArgumentException.class,
                () -> RsaPem.parsePublicKey(privatePem));
        assertFalse(asPublic.getMessage().contains(body));

        String broken = privatePem.replace(body, body.substring(0, 20) + "!!!!" + body.substring(24));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RsaPem.parsePrivateKey(broken));
        assertFalse(bad.getMessage().contains(body.substring(0, 20)));

        Path file = dir.resolve("wrong.pem");
        Files.writeString(file, privatePem);
        java.io.IOException io = assertThrows(java.io.IOException.class, () -> RsaPem.readPublicKey(file));
        assertTrue(io.getMessage().startsWith(file.toString()), io.getMessage());
        assertFalse(io.getMessage().contains(body));
    }
}
