package io.openwaas.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code bin/waas bench SUITE [args]}: runs one suite, prints one line per metric
 * ({@code <metric> <value> <unit>}) and writes the same to {@code target/bench/SUITE.json}
 * (relative to the working directory, which the launcher sets to the repository root).
 *
 * <p>A suite named {@code foo} is the class {@code io.openwaas.bench.foo.FooSuite} (a public no-argument
 * constructor implementing {@link BenchSuite}); each suite lives in its own package, so suites are added
 * without touching a shared registry.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].matches("[a-z][a-z0-9]*")) {
            System.err.println("usage: bin/waas bench SUITE [args]   (SUITE: crypto, mpc, api, ...)");
            System.exit(2);
        }
        BenchSuite suite = load(args[0]);
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        List<Metric> metrics = suite.run(rest);
        metrics.forEach(m -> System.out.println(m.line()));
        write(Path.of("target", "bench", suite.name() + ".json"), suite.name(), metrics);
    }

    static BenchSuite load(String name) throws ReflectiveOperationException {
        String className = "io.openwaas.bench." + name + "." + Character.toUpperCase(name.charAt(0))
                + name.substring(1) + "Suite";
        try {
            return (BenchSuite) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            System.err.println("no benchmark suite '" + name + "' (expected class " + className + ")");
            System.exit(2);
            throw e;
        }
    }

    static void write(Path file, String suite, List<Metric> metrics) throws Exception {
        var mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("suite", suite);
        root.put("timestamp", System.currentTimeMillis());
        ArrayNode list = root.putArray("metrics");
        for (Metric m : metrics) {
            list.addObject().put("name", m.name()).put("value", m.value()).put("unit", m.unit());
        }
        Files.createDirectories(file.getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
