package io.openwaas.testkit.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The project's npm folder {@code devchain/} (anvil, solc-js, the deploy and faucet scripts) as the tests use it: its
 * packages are installed on first use by {@code devchain/install}, the same script {@code bin/waas up} runs (an
 * {@code npm ci} when {@code node_modules} is missing or the lock file changed; test JVMs and {@code bin/waas} starting
 * at once wait for each other on its file lock). So {@code ./mvnw verify} works on a machine that never ran npm.
 */
public final class DevChainPackages {

    /** System property naming the {@code devchain/} folder (the parent POM sets it); else found above user.dir. */
    public static final String DIRECTORY_PROPERTY = "openwaas.devchain.dir";

    private static Path anvil;

    private DevChainPackages() {
    }

    /** The {@code devchain/} folder of this work tree. */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("devchain/package.json"))) {
                return p.resolve("devchain");
            }
        }
        throw new IllegalStateException("devchain/ not found above " + System.getProperty("user.dir")
                + " (set -D" + DIRECTORY_PROPERTY + ")");
    }

    /**
     * The anvil binary, after installing the npm packages if needed (once per JVM). Fails naming what is missing:
     * Node.js or npm, or what npm said.
     */
    public static synchronized Path anvil() throws IOException {
        if (anvil == null) {
            Path dir = directory();
            Command.Result r = new Command(List.of("bash", dir.resolve("install").toString()), dir, Duration.ofMinutes(10))
                    .run("bash is needed to install the dev chain's npm packages");
            if (!r.ok()) {
                throw new IOException("the dev chain's npm packages could not be installed (devchain/install): "
                        + r.stderr().strip());
            }
            String[] lines = r.stdout().strip().split("\n");
            Path binary = Path.of(lines[lines.length - 1]);
            if (!Files.isExecutable(binary)) {
                throw new IOException("devchain/install named " + binary + ", which is not an executable");
            }
            anvil = binary;
        }
        return anvil;
    }

    /**
     * Runs one of the folder's Node scripts ({@code deploy.mjs}, {@code faucet.mjs}) with the given arguments.
     */
    static Command.Result node(String script, List<String> args, Duration timeout) throws IOException {
        anvil(); // the scripts' own packages (js-sha3, solc) come with the same install
        Path dir = directory();
        List<String> argv = new java.util.ArrayList<>(List.of("node", dir.resolve(script).toString()));
        argv.addAll(args);
        return new Command(argv, dir, timeout).run("Node.js (18+) is needed for the dev chain's scripts");
    }
}
