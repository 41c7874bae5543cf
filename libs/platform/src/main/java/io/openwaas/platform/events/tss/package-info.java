/**
 * The TSS event contract (ARCHITECTURE.md, "Kafka topics"): commands on {@code tss.requests} ({@link TssRequest}),
 * node reports on {@code tss.results} ({@link TssResult}) and node announcements on the compacted {@code tss.nodes}
 * ({@link TssNodeInfo}). Golden samples live in {@code META-INF/openwaas/events/}. The protocol messages of
 * {@code tss.peer} are private to tss-service and are not part of this contract.
 */
package io.openwaas.platform.events.tss;
