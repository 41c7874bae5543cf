package io.openwaas.tss.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** One node's configuration ({@code openwaas.tss.*}). */
@ConfigMapping(prefix = "openwaas.tss")
public interface TssConfig {

    /** The node id key share holder groups name, e.g. {@code tss-node-0}. */
    String nodeId();

    /** The node's fixed protocol party id: positive and unique among the platform's nodes. */
    int partyId();

    /**
     * The key-encryption key: 32 bytes, base64. Every secret the node stores (key shares, its identity, encryption,
     * callback and aux keys) is sealed with AES-256-GCM under it. Prefer {@link #kekFile()}: an environment value is
     * visible to other local users of the machine. A Kubernetes Secret in deploy.
     */
    Optional<String> kek();

    /** A file (mode 0600) holding the key-encryption key (base64); wins over {@link #kek()}. bin/waas uses it. */
    Optional<String> kekFile();

    /** How long a protocol session may wait for a peer's message before it fails. */
    @WithDefault("20s")
    Duration sessionTimeout();

    /** How often the node re-announces itself on {@code tss.nodes}. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /** How many Paillier keys the background pool keeps ready for two-party ECDSA setups. */
    @WithDefault("2")
    int paillierPoolSize();

    /** Threads that run protocol sessions (each session blocks one while it waits for peers). */
    @WithDefault("48")
    int workers();

    /** Two-party ECDSA signing mode: GLOBAL_ABORT (Lindell with the CVE-2023-33242 freeze) or PROVED. */
    @WithDefault("GLOBAL_ABORT")
    String ecdsaMode();

    Callback callback();

    /** The callback risk server (seed 003). */
    interface Callback {

        /**
         * Base URL; the node POSTs to {@code <url>/v1/check}. Absent: the node refuses every request, unless
         * {@link #approveAllTestMode()}.
         */
        Optional<String> url();

        /**
         * For tests only: with no callback server, approve every request instead of refusing it. Logged at start
         * and shown in {@code /admin/status} ({@code approve_all_test_mode}). Never in production.
         */
        @WithDefault("false")
        boolean approveAllTestMode();

        /**
         * PEM file (PKCS#8) of the RSA key the node signs its callback JWTs with. Absent: the node's own key, made at
         * first start and kept sealed in its database (its public half is in the node's announcement and status).
         */
        Optional<String> nodePrivateKey();

        /** PEM file of the callback server's RSA public key (verifies its response JWTs). */
        Optional<String> serverPublicKey();

        /**
         * How requests sit in the JWT: {@code plain} (the CallbackRequest JSON is the payload, seed 003) or
         * {@code package-data} (a base64 {@code package_data} claim, for a server made from Cobo's callback-server
         * template). Answers are read in either.
         */
        @WithDefault("plain")
        String envelope();

        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("2s")
        Duration maxBackoff();

        @WithDefault("3s")
        Duration attemptTimeout();
    }
}
