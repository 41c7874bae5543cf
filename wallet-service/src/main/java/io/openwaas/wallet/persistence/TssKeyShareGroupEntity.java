package io.openwaas.wallet.persistence;

import io.openwaas.platform.auth.CurveType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A root key's sharing held by a group (one per curve), as the group's nodes reported it. */
@Entity
@Table(name = "tss_key_share_group")
public class TssKeyShareGroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CurveType curve;

    /** The nodes' key id: the wire's {@code tss_key_share_group_id}. */
    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "root_pubkey", nullable = false)
    public String rootPubkey;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
