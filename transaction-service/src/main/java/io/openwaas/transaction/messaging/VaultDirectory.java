package io.openwaas.transaction.messaging;

import io.openwaas.platform.events.signing.ControlRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.VaultKeys;
import io.openwaas.platform.kafka.CompactedTopicView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * This service's view of {@code wallet.vaults}: each vault's root keys and the key share holder group that holds them
 * (the signers of its withdrawals). Only records signed by wallet-service under its pinned key are admitted (anything
 * else is refused and listed); a record whose key is not its vault id is ignored; the higher version wins.
 */
@ApplicationScoped
public class VaultDirectory {

    private static final Logger LOG = Logger.getLogger(VaultDirectory.class);
    private final CompactedTopicView<VaultKeys> view;

    public VaultDirectory(ObjectMapper mapper, ControlRecords control, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                          @ConfigProperty(name = "quarkus.application.name") String application) {
        this.view = new CompactedTopicView<>(Topics.WALLET_VAULTS, bootstrap, application + "-vault-directory",
                r -> {
                    String vaultId = r.key();
                    VaultKeys keys = mapper.readValue(r.value(), VaultKeys.class);
                    if (!vaultId.equals(keys.vaultId()) || keys.nodeIds() == null || keys.nodeIds().isEmpty()) {
                        LOG.warnf("ignoring wallet.vaults record %s: key and vault_id differ, or no holders", vaultId);
                        return null;
                    }
                    return keys;
                },
                (old, neu) -> neu.version() >= old.version() ? neu : old,
                CompactedTopicView.Refused.IGNORED, r -> control.admit(r).admitted());
    }

    void start(@Observes StartupEvent event) {
        view.start();
    }

    void stop(@Observes ShutdownEvent event) {
        view.stop();
    }

    public Optional<VaultKeys> find(String vaultId) {
        return view.find(vaultId);
    }
}
