package io.openwaas.wallet.api;

import jakarta.validation.constraints.Size;

import java.util.List;

/** Reference §3.4 {@code SourceGroup}: the group whose keys a KeyGenFromKeyGroup copies, and its dealing nodes. */
public record SourceGroup(@Size(max = 100) String keyShareHolderGroupId, @Size(max = 10) List<String> tssNodeIds) {
}
