package io.openwaas.tsscallback.server.domain;

import io.openwaas.tsscallback.CallbackJwt;
import io.openwaas.tsscallback.CallbackJwtException;
import io.openwaas.tsscallback.RsaPem;
import io.openwaas.tsscallback.server.config.CallbackServerConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the protocol: the TSS nodes' public keys (verify requests) and this server's private key (signs
 * answers), read once at start. A missing or unreadable key file stops the start with a message naming the file;
 * key material is never logged.
 */
@Startup
@Singleton
public class CallbackKeys {

    private static final Logger LOG = Logger.getLogger(CallbackKeys.class);

    private final List<NodeKey> nodeKeys;
    private final RSAPrivateKey serverKey;

    public CallbackKeys(CallbackServerConfig config) {
        if (config.nodePublicKeys().isEmpty()) {
            throw new IllegalStateException("openwaas.callback.node-public-keys names no TSS node key");
        }
        List<NodeKey> keys = new ArrayList<>();
        for (Path file : config.nodePublicKeys()) {
            try {
                keys.add(new NodeKey(file.toString(), RsaPem.readPublicKey(file)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read TSS node public key " + describe(e, file));
            }
        }
        this.nodeKeys = List.copyOf(keys);
        try {
            this.serverKey = RsaPem.readPrivateKey(config.privateKey());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the callback server private key "
                    + describe(e, config.privateKey()));
        }
        LOG.infof("callback server keys loaded: %d TSS node key(s) %s", nodeKeys.size(),
                nodeKeys.stream().map(NodeKey::id).toList());
    }

    private static String describe(IOException e, Path file) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return file + ": no such file";
        }
        String message = e.getMessage();
        return message != null && message.startsWith(file.toString()) ? message
                : file + " (" + e.getClass().getSimpleName() + ")";
    }

    /** The configured node keys, in configuration order. */
    public List<NodeKey> nodeKeys() {
        return nodeKeys;
    }

    /**
     * Verifies a request JWT with each node key in turn.
     *
     * @return the payload and the key that verified it, or empty if none did
     */
    public Optional<Verified> verify(String jwt) {
        for (NodeKey key : nodeKeys) {
            try {
                return Optional.of(new Verified(CallbackJwt.verify(jwt, key.key()), key.id()));
            } catch (CallbackJwtException e) {
                // try the next key
            }
        }
        return Optional.empty();
    }

    /** Signs an answer with this server's key. */
    public String sign(String payloadJson) {
        return CallbackJwt.sign(payloadJson, serverKey);
    }

    /**
     * A TSS node's public key.
     *
     * @param id  the file it was read from, which names it in the decision log
     * @param key the RSA public key
     */
    public record NodeKey(String id, RSAPublicKey key) {
    }

    /**
     * A verified request JWT.
     *
     * @param payload the JWT payload
     * @param nodeKey the {@link NodeKey#id()} that verified it
     */
    public record Verified(String payload, String nodeKey) {
    }
}
