/**
 * The wallet event contract (ARCHITECTURE.md, "Kafka topics"): addresses wallet-service derived, on
 * {@code wallet.address.created} ({@link WalletAddressCreated}, producer wallet-service, consumer transaction-service),
 * and balance changes on {@code wallet.balance.updated} ({@link WalletBalanceUpdated}, producer transaction-service,
 * consumer wallet-service's balance projection). Golden samples live in {@code META-INF/openwaas/events/}.
 */
package io.openwaas.platform.events.wallet;
