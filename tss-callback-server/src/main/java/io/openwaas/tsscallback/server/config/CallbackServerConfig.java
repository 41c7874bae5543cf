package io.openwaas.tsscallback.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.List;

/**
 * The callback server's configuration ({@code openwaas.callback.*}); in production every value comes from the
 * environment, e.g. {@code OPENWAAS_CALLBACK_PRIVATE_KEY=/etc/callback/server.pem}.
 */
@ConfigMapping(prefix = "openwaas.callback")
public interface CallbackServerConfig {

    /**
     * PEM files (X.509 {@code PUBLIC KEY}) of the TSS nodes allowed to ask; a request is accepted if its JWT verifies
     * with any of them. Environment: {@code OPENWAAS_CALLBACK_NODE_PUBLIC_KEYS=/keys/node-0.pub.pem,/keys/node-1.pub.pem}.
     */
    List<Path> nodePublicKeys();

    /** PEM file (PKCS#8 {@code PRIVATE KEY}) of this server's RSA key, which signs every answer. */
    Path privateKey();

    /** The JSON rules file; re-read when its modification time or size changes. */
    Path rulesFile();

    /** The append-only decision log, one JSON object per line; its directory is created if missing. */
    @WithDefault("decisions.jsonl")
    Path decisionLog();

    /** How many recent decisions {@code GET /v1/decisions} can return (kept in memory). */
    @WithDefault("1000")
    int decisionBufferSize();
}
