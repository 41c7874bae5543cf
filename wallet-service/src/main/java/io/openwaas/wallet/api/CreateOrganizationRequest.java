package io.openwaas.wallet.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Operator API: {@code POST /admin/organizations}. */
public record CreateOrganizationRequest(@NotBlank @Size(max = 200) String name) {
}
