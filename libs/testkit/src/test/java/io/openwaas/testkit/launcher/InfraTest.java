package io.openwaas.testkit.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's infrastructure: real PostgreSQL and Kafka, stopped and started again on the same data. */
class InfraTest {

    @TempDir
    Path home;

    @Test
    void createsDatabasesAndTopicsAndKeepsDataAcrossRestarts() throws Exception {
        try (InfraMain.Infra infra = new InfraMain.Infra(home)) {
            infra.start(0, 0);
            for (String db : InfraMain.DATABASES) {
                try (Connection c = connect(infra, db); Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
            }
            try (Connection c = connect(infra, "wallet"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('survives')");
            }
            assertTopics(infra.kafka().bootstrapServers());
        }

        try (InfraMain.Infra again = new InfraMain.Infra(home)) {
            again.start(0, 0);
            try (Connection c = connect(again, "wallet"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("survives", rs.getString(1));
            }
            assertTopics(again.kafka().bootstrapServers());
        }
    }

    private static Connection connect(InfraMain.Infra infra, String db) throws Exception {
        return DriverManager.getConnection(infra.postgres().jdbcUrl(db), "postgres", "postgres");
    }

    private static void assertTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(names.containsAll(InfraMain.TOPICS), names.toString());
            Set<ConfigResource> resources = new HashSet<>();
            for (String t : InfraMain.TOPICS) {
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t));
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (Map.Entry<ConfigResource, Config> e : configs.entrySet()) {
                String policy = e.getValue().get("cleanup.policy").value();
                String expected = InfraMain.COMPACTED.contains(e.getKey().name()) ? "compact" : "delete";
                assertEquals(expected, policy, e.getKey().name());
            }
        }
    }
}
