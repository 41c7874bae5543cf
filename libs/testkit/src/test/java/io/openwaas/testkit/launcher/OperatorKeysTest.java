package io.openwaas.testkit.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.ResponseSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void createsKeysOnceWithOwnerOnlyPermissions() throws Exception {
        OperatorKeys first = OperatorKeys.ensure(home);
        byte[] priv = Files.readAllBytes(OperatorKeys.privateKeyFile(home));
        byte[] pub = Files.readAllBytes(OperatorKeys.publicKeyFile(home));
        String seed = Files.readString(OperatorKeys.responseSeedFile(home)).trim();

        assertTrue(new String(priv, StandardCharsets.US_ASCII).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(new String(pub, StandardCharsets.US_ASCII).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(seed.matches("[0-9a-f]{64}"));
        assertEquals(seed, first.responseSeedHex());
        assertEquals("rw-------", perms(OperatorKeys.privateKeyFile(home)));
        assertEquals("rw-------", perms(OperatorKeys.responseSeedFile(home)));
        assertEquals("rwx------", perms(home.resolve("keys")));
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) publicKey()).getModulus().bitLength());

        OperatorKeys second = OperatorKeys.ensure(home);
        assertEquals(new String(priv), Files.readString(OperatorKeys.privateKeyFile(home)), "never regenerated");
        assertEquals(new String(pub), Files.readString(OperatorKeys.publicKeyFile(home)));
        assertEquals(seed, second.responseSeedHex());
        assertEquals(64, ResponseSignature.fromSeedHex(seed).publicKeyHex().length());
    }

    @Test
    void bootstrapMakesEd25519ControlKeysOnceAndPinsThem() throws Exception {
        Bootstrap.main(new String[]{"keys", "--home", home.toString(), "--ed25519", "wallet-service",
                "--ed25519", "tss-node-0"});
        Path seed = OperatorKeys.ed25519File(home, "wallet-service");
        String hex = Files.readString(seed).trim();
        assertTrue(hex.matches("[0-9a-f]{64}"));
        assertEquals("rw-------", perms(seed));
        assertEquals("rw-------", perms(OperatorKeys.ed25519File(home, "tss-node-0")));
        String pins = Files.readString(OperatorKeys.trustedKeysFile(home));
        String walletPin = io.openwaas.platform.events.signing.RecordSigner.parse("wallet-service", hex).publicKeyHex();
        assertTrue(pins.contains("wallet-service:" + walletPin + "\n"), pins);
        assertTrue(pins.contains("tss-node-0:" + OperatorKeys.ensureEd25519(home, "tss-node-0")), pins);
        assertFalse(pins.contains(hex), "the pins hold public keys only");

        Bootstrap.main(new String[]{"keys", "--home", home.toString(), "--ed25519", "wallet-service"});
        assertEquals(hex, Files.readString(seed).trim(), "never regenerated");
    }

    @Test
    void namedRsaPairsAreMadeOnceAsMatchingPemFiles() throws Exception {
        OperatorKeys.ensureRsaPair(home, "tss-node-0-callback");
        Path priv = home.resolve("keys/tss-node-0-callback.pem");
        Path pub = home.resolve("keys/tss-node-0-callback.pub.pem");
        String privText = Files.readString(priv);
        assertTrue(privText.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("rw-------", perms(priv));

        java.security.PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(OperatorKeys.unpem(privText)));
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(OperatorKeys.unpem(Files.readString(pub))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signer.sign()), "the two files are one key pair");

        Files.delete(pub);
        OperatorKeys.ensureRsaPair(home, "tss-node-0-callback");
        assertEquals(privText, Files.readString(priv), "never regenerated");
        assertEquals(publicKey, KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(OperatorKeys.unpem(Files.readString(pub)))), "a lost public half is restored");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OperatorKeys.ensureRsaPair(home, "../escape"));
    }

    @Test
    void operatorTokenIsAnRs256JwtWithTheAgreedClaims() throws Exception {
        OperatorKeys keys = OperatorKeys.ensure(home);
        Instant now = Instant.ofEpochSecond(1_790_000_000L);
        String token = keys.operatorToken(now, Duration.ofDays(365));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("openwaas-operator", claims.get("iss").asText());
        assertEquals("openwaas-admin", claims.get("aud").asText());
        assertEquals("operator", claims.get("sub").asText());
        assertEquals("operator", claims.get("upn").asText());
        assertEquals("[\"operator\"]", claims.get("groups").toString());
        assertEquals(now.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(now.getEpochSecond() + 365L * 24 * 3600, claims.get("exp").asLong());
        assertFalse(token.contains("="), "base64url without padding");

        assertTrue(verifies(parts[0] + "." + parts[1], parts[2]));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.toString().replace("\"operator\"]", "\"admin\"]").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifies(parts[0] + "." + forged, parts[2]), "changed claims no longer verify");
    }

    private boolean verifies(String signingInput, String signature) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(signature));
    }

    private PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(OperatorKeys.unpem(Files.readString(OperatorKeys.publicKeyFile(home)))));
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
