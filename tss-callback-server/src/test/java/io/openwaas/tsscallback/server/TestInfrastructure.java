package io.openwaas.tsscallback.server;

import io.quarkus.test.common.QuarkusTestResource;

/** Keys and rules for every {@code @QuarkusTest} of this module, generated once per test JVM. */
@QuarkusTestResource(CallbackTestSetup.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
