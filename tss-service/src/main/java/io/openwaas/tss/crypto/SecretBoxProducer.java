package io.openwaas.tss.crypto;

import io.openwaas.tss.config.TssConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The node's {@link SecretBox}, from {@code openwaas.tss.kek}. */
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(TssConfig config) {
        return SecretBox.fromBase64(config.kek());
    }
}
