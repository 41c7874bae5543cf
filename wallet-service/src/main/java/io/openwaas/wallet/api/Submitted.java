package io.openwaas.wallet.api;

/** {@code {"submitted": true}}: the answer of the {@code …/delete} actions. */
public record Submitted(boolean submitted) {
}
