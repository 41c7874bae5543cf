package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One message signature of a server wallet: the KeySign request and the nodes' answer. */
@Entity
@Table(name = "server_wallet_signature")
public class ServerWalletSignatureEntity {

    public static final String PENDING = "PENDING";
    public static final String SIGNED = "SIGNED";
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "wallet_id", nullable = false)
    public UUID walletId;

    @Column(name = "message_hash", nullable = false)
    public String messageHash;

    @Column(nullable = false)
    public String status;

    /** {@code r ‖ s ‖ v} (65 bytes, v = 27 + recovery id), 0x-hex. */
    public String signature;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
