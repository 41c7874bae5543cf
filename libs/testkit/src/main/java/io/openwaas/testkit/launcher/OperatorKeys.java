package io.openwaas.testkit.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's own keys for a local installation, kept under {@code <home>/keys}: the operator's RSA-2048 key pair
 * (PEM, PKCS#8 private / X.509 public), which signs operator JWTs, and the Ed25519 seed the services sign responses
 * with. Created once; never overwritten; files readable by the owner only.
 */
public final class OperatorKeys {

    public static final String ISSUER = "openwaas-operator";
    /** The audience every service's operator API requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "openwaas-admin";

    private final PrivateKey operatorPrivate;
    private final String responseSeedHex;

    private OperatorKeys(PrivateKey operatorPrivate, String responseSeedHex) {
        this.operatorPrivate = operatorPrivate;
        this.responseSeedHex = responseSeedHex;
    }

    public static Path privateKeyFile(Path home) {
        return home.resolve("keys").resolve("operator-private.pem");
    }

    public static Path publicKeyFile(Path home) {
        return home.resolve("keys").resolve("operator-public.pem");
    }

    public static Path responseSeedFile(Path home) {
        return home.resolve("keys").resolve("response-signing.seed");
    }

    /** Loads the keys under {@code home}, generating whichever is missing. */
    public static OperatorKeys ensure(Path home) throws IOException, GeneralSecurityException {
        Path dir = home.resolve("keys");
        Files.createDirectories(dir);
        Secrets.restrictDirectory(dir);
        PrivateKey privateKey = ensureRsaPair(privateKeyFile(home), publicKeyFile(home), "operator");
        Path seed = responseSeedFile(home);
        if (!Files.exists(seed)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Secrets.writePrivate(seed, HexFormat.of().formatHex(bytes) + "\n");
            java.util.Arrays.fill(bytes, (byte) 0);
            Bootstrap.log("generated response-signing Ed25519 seed in " + seed);
        }
        String seedHex = Files.readString(seed, StandardCharsets.US_ASCII).trim();
        if (!seedHex.matches("[0-9a-f]{64}")) {
            throw new IOException(seed + " must hold 64 lower-case hex characters");
        }
        return new OperatorKeys(privateKey, seedHex);
    }

    /**
     * The RSA-2048 key pair {@code <home>/keys/NAME.pem} (PKCS#8, owner-only) and {@code NAME.pub.pem} (X.509), made
     * if missing, e.g. the TSS callback server's key and each node's callback key.
     */
    public static void ensureRsaPair(Path home, String name) throws IOException, GeneralSecurityException {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("key name must be lower-case letters, digits and '-': " + name);
        }
        Path dir = home.resolve("keys");
        Files.createDirectories(dir);
        Secrets.restrictDirectory(dir);
        ensureRsaPair(dir.resolve(name + ".pem"), dir.resolve(name + ".pub.pem"), name);
    }

    /** The control-plane identity key of {@code name}: its Ed25519 seed, 64 hex characters, mode 0600. */
    public static Path ed25519File(Path home, String name) {
        return home.resolve("keys").resolve(name + ".ed25519");
    }

    /** The pins every service reads ({@code openwaas.control.trusted-keys-file}): {@code name:hex} a line. */
    public static Path trustedKeysFile(Path home) {
        return home.resolve("keys").resolve("control-trusted-keys");
    }

    /**
     * The Ed25519 control identity of {@code name} (a service or a TSS node), made if missing: the seed in
     * {@link #ed25519File} (owner-only). Returns the public key, hex. Never overwritten: to rotate, delete the file.
     */
    public static String ensureEd25519(Path home, String name) throws IOException {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("key name must be lower-case letters, digits and '-': " + name);
        }
        Path dir = home.resolve("keys");
        Files.createDirectories(dir);
        Secrets.restrictDirectory(dir);
        Path file = ed25519File(home, name);
        if (!Files.exists(file)) {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            Secrets.writePrivate(file, HexFormat.of().formatHex(seed) + "\n");
            java.util.Arrays.fill(seed, (byte) 0);
            Bootstrap.log("generated " + name + "'s Ed25519 control identity key " + file.getFileName() + " in " + dir);
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IOException(file + " must hold 64 lower-case hex characters");
        }
        byte[] seed = HexFormat.of().parseHex(hex);
        try {
            return io.openwaas.platform.events.signing.RecordSigner.wrap(name, seed).publicKeyHex();
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** Writes the pins of {@code names} (their keys made if missing) to {@link #trustedKeysFile}, replacing it. */
    public static void writeTrustedKeys(Path home, java.util.List<String> names) throws IOException {
        StringBuilder s = new StringBuilder("# Control-plane pins: the Ed25519 public key of every producer of control "
                + "records (name:hex). Written by bin/waas from keys/*.ed25519.\n");
        for (String name : names) {
            s.append(name).append(':').append(ensureEd25519(home, name)).append('\n');
        }
        Path file = trustedKeysFile(home);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, s.toString(), StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Loads the private key, generating the pair if it is missing and the public half if only that is. */
    private static PrivateKey ensureRsaPair(Path priv, Path pub, String what)
            throws IOException, GeneralSecurityException {
        if (!Files.exists(priv)) {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            Secrets.writePrivate(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Bootstrap.log("generated " + what + " RSA-2048 key pair " + priv.getFileName() + " in " + priv.getParent());
        }
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(unpem(Files.readString(priv, StandardCharsets.US_ASCII))));
        if (!Files.exists(pub)) {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            Files.writeString(pub, pem("PUBLIC KEY", publicKey.getEncoded()), StandardCharsets.US_ASCII);
        }
        return privateKey;
    }

    /** The response-signing seed, 64 hex characters. */
    public String responseSeedHex() {
        return responseSeedHex;
    }

    /**
     * An operator JWT: RS256, {@code iss=openwaas-operator}, {@code aud=openwaas-admin}, {@code sub}/{@code upn} =
     * {@code operator}, {@code groups=["operator"]}, valid for {@code validity} from {@code now} (the services also
     * refuse one issued longer ago than their {@code MP_JWT_VERIFY_TOKEN_AGE}).
     */
    public String operatorToken(Instant now, Duration validity) throws GeneralSecurityException {
        long iat = now.getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"operator\",\"upn\":\"operator\","
                + "\"groups\":[\"operator\"],\"iat\":" + iat + ",\"exp\":" + (iat + validity.toSeconds()) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(operatorPrivate);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] unpem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
