package io.openwaas.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The control plane's keys ({@code openwaas.control.*}): this service's Ed25519 signing key and the public keys it
 * pins for the producers of control records ({@code tss.requests}, {@code tss.results}, {@code tss.nodes},
 * {@code iam.api-keys}). Keys are never in the image: Kubernetes mounts them from Secrets, {@code bin/waas} writes
 * them under {@code .waas/keys} (mode 0600).
 */
@ConfigMapping(prefix = "openwaas.control")
public interface ControlConfig {

    /** The name this service signs as (what consumers pin): default the application name; a TSS node its node id. */
    Optional<String> signerName();

    /** This service's Ed25519 signing seed, 64 hex characters (prefer {@link #signingKeyFile()}). */
    Optional<String> signingKey();

    /** A file (mode 0600) holding the signing seed as 64 hex characters. Wins over {@link #signingKey()}. */
    Optional<String> signingKeyFile();

    /** Pinned public keys, {@code name:hex} (32-byte Ed25519, 64 hex characters). */
    Optional<List<String>> trustedKeys();

    /** A file of pinned keys, one {@code name:hex} a line ({@code #} comments); added to {@link #trustedKeys()}. */
    Optional<String> trustedKeysFile();

    /** The TSS node ids: they alone produce {@code tss.results} and {@code tss.nodes}, each only as itself. */
    Optional<List<String>> nodes();

    /** The services that may issue commands on {@code tss.requests}. */
    @WithDefault("wallet-service,transaction-service")
    List<String> issuers();

    /** The services that may publish {@code iam.api-keys}. */
    @WithDefault("wallet-service")
    List<String> apiKeyIssuers();

    /** The services that may publish {@code wallet.vaults} (a vault's root keys and signing holders). */
    @WithDefault("wallet-service")
    List<String> vaultIssuers();

    /** How far a record's signing time may be from its Kafka timestamp before it is refused as a replay. */
    @WithDefault("5m")
    Duration maxSkew();

    /** How many refused records the operator list keeps. */
    @WithDefault("200")
    int refusedKept();
}
