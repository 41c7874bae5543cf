package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.MpcVaultType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "vault")
public class VaultEntity extends OrgOwnedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "vault_type", nullable = false)
    public MpcVaultType vaultType;

    @Column(name = "project_id")
    public UUID projectId;

    /** The secp256k1 root extended public key ({@code xpub…}), once the Main Group's keys are generated. */
    @Column(name = "root_pubkey_secp256k1")
    public String rootPubkeySecp256k1;

    /** The ed25519 root extended public key, once the Main Group's keys are generated. */
    @Column(name = "root_pubkey_ed25519")
    public String rootPubkeyEd25519;

    /** The version of the key state published on {@code wallet.vaults}. */
    @Column(name = "keys_version", nullable = false)
    public long keysVersion;

    public boolean hasRootKeys() {
        return rootPubkeySecp256k1 != null || rootPubkeyEd25519 != null;
    }
}
