package io.openwaas.tsscallback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys of the callback protocol as PEM: private keys as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), public
 * keys as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}) — what {@code openssl genpkey} and
 * {@code openssl pkey -pubout} write. Errors name the file or the expected format, never the key's content.
 */
public final class RsaPem {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private RsaPem() {
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair randomKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /**
     * Decodes a PKCS#8 PEM RSA private key.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static RSAPrivateKey parsePrivateKey(String pem) {
        byte[] der = decode(pem, PRIVATE, "a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA PKCS#8 private key");
        }
    }

    /**
     * Decodes an X.509 SubjectPublicKeyInfo PEM RSA public key.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static RSAPublicKey parsePublicKey(String pem) {
        byte[] der = decode(pem, PUBLIC, "an X.509 PEM public key (-----BEGIN PUBLIC KEY-----)");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA SubjectPublicKeyInfo public key");
        }
    }

    /**
     * Reads a PKCS#8 PEM RSA private key from a file.
     *
     * @throws IOException if the file cannot be read or holds no such key (the message names the file only)
     */
    public static RSAPrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return parsePrivateKey(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /**
     * Reads an X.509 PEM RSA public key from a file.
     *
     * @throws IOException if the file cannot be read or holds no such key
     */
    public static RSAPublicKey readPublicKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return parsePublicKey(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Encodes a private key as PKCS#8 PEM, or a public key as X.509 SubjectPublicKeyInfo PEM. */
    public static String encode(Key key) {
        String label;
        if (key instanceof PrivateKey && "PKCS#8".equals(key.getFormat())) {
            label = PRIVATE;
        } else if (key instanceof PublicKey && "X.509".equals(key.getFormat())) {
            label = PUBLIC;
        } else {
            throw new IllegalArgumentException("only PKCS#8 private keys and X.509 public keys are written");
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Writes a key as PEM ({@link #encode}); a private key file is created readable by its owner only where the
     * file system supports POSIX permissions.
     */
    public static void write(Path file, Key key) throws IOException {
        String pem = encode(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = Files.getFileStore(parent == null ? file.toAbsolutePath() : parent)
                .supportsFileAttributeView(PosixFileAttributeView.class);
        if (key instanceof PrivateKey && posix) {
            // Created owner-only before the key is written, so it is never readable by others.
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String pem, String label, String expected) {
        if (pem == null) {
            throw new IllegalArgumentException("expected " + expected);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("expected " + expected);
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + expected + "; the Base64 body is invalid");
        }
    }
}
