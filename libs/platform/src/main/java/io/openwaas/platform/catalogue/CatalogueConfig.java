package io.openwaas.platform.catalogue;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The chain and token catalogue ({@code openwaas.catalogue.*}). */
@ConfigMapping(prefix = "openwaas.catalogue")
public interface CatalogueConfig {

    /**
     * A catalogue file to use instead of the built-in {@code catalogue/catalogue.json} (same format), e.g. mounted
     * from a Kubernetes ConfigMap.
     */
    Optional<String> file();
}
