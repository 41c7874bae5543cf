package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A user's server wallet (seed 001): its 2-of-2 key's holders, state and, once made, its key and address. */
@Entity
@Table(name = "server_wallet")
public class ServerWalletEntity extends OrgOwnedEntity {

    /** Key generation asked for; no key yet. */
    public static final String CREATING = "CREATING";
    public static final String READY = "READY";
    /** Key generation failed ({@link #failureReason}); asking again for the same user retries it. */
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String status;

    /** The two TSS nodes, comma-separated. */
    @Column(name = "node_ids", nullable = false)
    public String nodeIds;

    @Column(name = "keygen_request_id", nullable = false)
    public String keygenRequestId;

    /** EIP-55 address. */
    public String address;

    /** Compressed secp256k1 public key, hex. */
    @Column(name = "public_key")
    public String publicKey;

    /** The key's root extended public key (what KeySign names). */
    @Column(name = "root_pubkey")
    public String rootPubkey;

    @Column(name = "failure_reason")
    public String failureReason;
}
