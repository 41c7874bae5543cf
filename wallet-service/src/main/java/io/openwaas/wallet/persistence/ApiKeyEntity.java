package io.openwaas.wallet.persistence;

import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered API key: the client's public key. No secret is ever stored. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends OrgOwnedEntity {

    /** Public key, lower-case hex. */
    @Id
    @Column(name = "api_key")
    public String apiKey;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "curve_type", nullable = false)
    public CurveType curveType;

    /** Comma-separated scope names. */
    @Column(nullable = false)
    public String scopes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApiKeyStatus status;

    @Column(name = "callback_url")
    public String callbackUrl;

    /** Bumped on every change; the version of the iam.api-keys event. */
    @Column(nullable = false)
    public long version;
}
