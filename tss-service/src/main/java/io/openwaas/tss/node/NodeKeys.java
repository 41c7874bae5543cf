package io.openwaas.tss.node;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.ecdsa2p.AuxSetup;
import io.openwaas.mpc.ecdsa2p.AuxSetupSecret;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.persistence.TssStore;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The node's long-lived keys, made on its first start and kept sealed in its database: the Ed25519 identity key
 * (signs every peer message and every control record the node produces; configured from a file when the platform
 * pins it, which is how bin/waas and Kubernetes run nodes), the X25519 encryption key (peers encrypt point-to-point payloads to it), the RSA key
 * that signs callback JWTs (seed 003), and its two-party-ECDSA aux setup (ring-Pedersen parameters with Π^prm,
 * libs/mpc {@code AuxSetup}), which peers verify once.
 */
public final class NodeKeys {

    private static final Logger LOG = Logger.getLogger(NodeKeys.class);

    private final String nodeId;
    private final PartyId partyId;
    private final Ed25519PrivateKeyParameters identity;
    private final X25519PrivateKeyParameters encryption;
    private final KeyPair callbackKey;
    private final AuxSetupSecret aux;

    private NodeKeys(String nodeId, PartyId partyId, Ed25519PrivateKeyParameters identity,
                     X25519PrivateKeyParameters encryption, KeyPair callbackKey, AuxSetupSecret aux) {
        this.nodeId = nodeId;
        this.partyId = partyId;
        this.identity = identity;
        this.encryption = encryption;
        this.callbackKey = callbackKey;
        this.aux = aux;
    }

    /**
     * Loads the node's keys, making (and storing) any that do not exist yet. {@code identitySeed}: the node's
     * configured identity key ({@code openwaas.control.signing-key-file}, the key the platform pins for this node),
     * used instead of the stored one; absent, the node uses (or makes) the identity stored in its database.
     */
    public static NodeKeys loadOrCreate(TssConfig config, TssStore store, SecureRandom rnd,
                                        java.util.Optional<byte[]> identitySeed) {
        if (config.partyId() < 1) {
            throw new IllegalArgumentException("openwaas.tss.party-id must be positive");
        }
        PartyId party = PartyId.of(config.partyId());
        byte[] seed = identitySeed.map(byte[]::clone).orElseGet(() -> store.secret("identity")
                .orElseGet(() -> store.storeSecretOnce("identity", random(rnd, 32))));
        byte[] x = store.secret("encryption").orElseGet(() -> store.storeSecretOnce("encryption", random(rnd, 32)));
        byte[] rsa = configuredRsa(config).orElseGet(() -> store.secret("callback-rsa")
                .orElseGet(() -> store.storeSecretOnce("callback-rsa", newRsa(rnd))));
        byte[] auxBytes = store.secret("aux-setup").orElse(null);
        if (auxBytes == null) {
            long t0 = System.nanoTime();
            PaillierPrivateKey key = PaillierPrivateKey.random(2048, rnd);
            AuxSetupSecret made = AuxSetup.create(SessionId.random(), party, key, rnd);
            auxBytes = store.storeSecretOnce("aux-setup", made.toBytes());
            made.destroy();
            LOG.infof("made this node's two-party ECDSA aux setup in %d ms", (System.nanoTime() - t0) / 1_000_000);
        }
        AuxSetupSecret aux = AuxSetupSecret.parse(auxBytes);
        if (!aux.owner().equals(party)) {
            throw new IllegalStateException("the stored aux setup belongs to party " + aux.owner()
                    + ", not to this node's party id " + party + " (party ids must never change)");
        }
        try {
            return new NodeKeys(config.nodeId(), party, new Ed25519PrivateKeyParameters(seed, 0),
                    new X25519PrivateKeyParameters(x, 0), rsaPair(rsa), aux);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(x, (byte) 0);
            Arrays.fill(rsa, (byte) 0);
            Arrays.fill(auxBytes, (byte) 0);
        }
    }

    private static java.util.Optional<byte[]> configuredRsa(TssConfig config) {
        return config.callback().nodePrivateKey().map(path -> {
            try {
                return io.openwaas.tsscallback.RsaPem.readPrivateKey(java.nio.file.Path.of(path)).getEncoded();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read openwaas.tss.callback.node-private-key " + path);
            }
        });
    }

    private static byte[] random(SecureRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] newRsa(SecureRandom rnd) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, rnd);
            return g.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaPair(byte[] pkcs8) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) priv;
            PublicKey pub = f.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored callback RSA key unreadable", e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public PartyId partyId() {
        return partyId;
    }

    public Ed25519PrivateKeyParameters identity() {
        return identity;
    }

    public X25519PrivateKeyParameters encryption() {
        return encryption;
    }

    public String identityPublicKeyHex() {
        return HexFormat.of().formatHex(identity.generatePublicKey().getEncoded());
    }

    public String encryptionPublicKeyHex() {
        return HexFormat.of().formatHex(encryption.generatePublicKey().getEncoded());
    }

    /** The RSA key pair of the node's callback JWTs. */
    public KeyPair callbackKey() {
        return callbackKey;
    }

    /** PEM of the callback public key (what the callback server is configured with). */
    public String callbackPublicKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(callbackKey.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    public AuxSetupSecret aux() {
        return aux;
    }

    @Override
    public String toString() {
        return "NodeKeys[" + nodeId + ", party " + partyId + ", <redacted>]";
    }
}
