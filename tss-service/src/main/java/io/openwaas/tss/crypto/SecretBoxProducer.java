package io.openwaas.tss.crypto;

import io.openwaas.platform.config.SecretFile;
import io.openwaas.tss.config.TssConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The node's {@link SecretBox}, from {@code openwaas.tss.kek-file} (or {@code openwaas.tss.kek}). */
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(TssConfig config) {
        return SecretBox.fromBase64(SecretFile.fileOrValue(config.kekFile(), config.kek(), "openwaas.tss.kek")
                .orElseThrow(() -> new IllegalStateException(
                        "no key-encryption key: set openwaas.tss.kek-file (a 0600 file) or openwaas.tss.kek")));
    }
}
