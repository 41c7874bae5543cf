package io.openwaas.transaction;

import io.openwaas.testkit.infra.DevChainTestResource;
import io.openwaas.testkit.infra.KafkaTestResource;
import io.openwaas.testkit.infra.PlatformKeysTestResource;
import io.openwaas.testkit.infra.PostgresTestResource;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real infrastructure every test of this module runs against, started once per test JVM: embedded PostgreSQL
 * (database {@code transaction}), a real Kafka broker in its own JVM, keys generated for this run, and the dev chain
 * (anvil with DEV_ETH_USDT deployed), mining only when a test asks, so confirmations and reorgs are exact, and three
 * real TSS node processes ({@code tss-node-0..2}) that generate keys and sign over Kafka.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "transaction"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = {
        @ResourceArg(name = "topics", value = "iam.api-keys,wallet.address.created,wallet.vaults,"
                + "wallet.balance.updated,transaction.created,transaction.updated,transaction.succeeded,"
                + "transaction.failed,tss.nodes,tss.requests,tss.results"),
        @ResourceArg(name = "compacted", value = "iam.api-keys,wallet.vaults,tss.nodes")})
@QuarkusTestResource(value = PlatformKeysTestResource.class, initArgs = @ResourceArg(name = "control-signer",
        value = "transaction-service"))
@QuarkusTestResource(TssNodesTestResource.class)
@QuarkusTestResource(value = DevChainTestResource.class, initArgs = {
        @ResourceArg(name = "mining", value = "on-demand"),
        @ResourceArg(name = "rpc-url-property", value = "openwaas.transaction.chains.DEV_ETH.rpc-url")})
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
