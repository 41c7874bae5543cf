package io.openwaas.wallet.persistence;

import io.openwaas.platform.events.tss.TssResultStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One node's latest report on one TSS request. */
@Entity
@Table(name = "tss_request_report")
public class TssRequestReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "node_id", nullable = false)
    public String nodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TssResultStatus status;

    @Column
    public String error;

    /** JSON array of the reported keys (TssResult.Key), or null. */
    @Column(name = "keys_json", columnDefinition = "text")
    public String keysJson;

    @Column(name = "reported_at", nullable = false)
    public long reportedAt;
}
