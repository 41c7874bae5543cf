package io.openwaas.wallet;

import io.openwaas.testkit.infra.KafkaTestResource;
import io.openwaas.testkit.infra.PlatformKeysTestResource;
import io.openwaas.testkit.infra.TssNodesTestResource;
import io.openwaas.testkit.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real infrastructure every test of this module runs against, started once per test JVM: embedded PostgreSQL
 * (database {@code wallet}), a real Kafka broker in its own JVM, keys generated for this run, and three real TSS
 * node processes ({@code tss-node-0..2}, from the packaged tss-service) on the same PostgreSQL and Kafka.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "wallet"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = {
        @ResourceArg(name = "topics", value = "iam.api-keys,tss.nodes,tss.requests,tss.results"),
        @ResourceArg(name = "compacted", value = "iam.api-keys,tss.nodes")})
@QuarkusTestResource(PlatformKeysTestResource.class)
@QuarkusTestResource(TssNodesTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
