package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.TssRequestStatus;
import io.openwaas.wallet.domain.TssRequestType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A TSS request of a vault: what was asked of the nodes, and where it stands. */
@Entity
@Table(name = "tss_request")
public class TssRequestEntity extends OrgOwnedEntity {

    /** The 32-digit {@code tss_request_id}. */
    @Id
    public String id;

    @Column(name = "vault_id", nullable = false)
    public UUID vaultId;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    public TssRequestType requestType;

    @Column(name = "target_group_id", nullable = false)
    public UUID targetGroupId;

    @Column(name = "source_group_id")
    public UUID sourceGroupId;

    /** Comma-separated: the dealers of a KeyGenFromKeyGroup. */
    @Column(name = "source_node_ids")
    public String sourceNodeIds;

    /** Comma-separated: the nodes whose reports count. */
    @Column(name = "participant_ids", nullable = false)
    public String participantIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TssRequestStatus status;

    @Column
    public String description;

    /** Why it failed (not on the wire). */
    @Column(name = "failure_reason")
    public String failureReason;

    public static String join(List<String> ids) {
        return String.join(",", ids);
    }

    public static List<String> split(String ids) {
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }
}
