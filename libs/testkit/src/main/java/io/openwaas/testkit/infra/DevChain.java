package io.openwaas.testkit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real EVM dev chain for tests: anvil from the project's npm folder {@code devchain/} (installed on first use, see
 * {@link DevChainPackages}) on a free port of 127.0.0.1, chain id 31337, with the dev chain's token
 * {@code DEV_ETH_USDT} deployed by the same script as {@code bin/waas up} uses, at the same address.
 *
 * <pre>{@code
 * try (DevChain chain = DevChain.builder().mining(DevChain.Mining.every(Duration.ofMillis(200))).start()) {
 *     chain.client().fund(address, "1.5");                       // dev ETH from account 0, mined
 *     chain.client().fund(address, "100", DevChain.TOKEN_ID);     // DEV_ETH_USDT
 *     BigInteger units = chain.client().tokenBalance(DevChain.TOKEN_ADDRESS, address);
 * }
 * }</pre>
 *
 * <p>Its files (state, log, pid files) stay in one directory, by default a new one under the module's
 * {@code target/openwaas-test}, removed at JVM exit. The state file ({@code --state}) is written when the chain {@link #stop() stops}, so a
 * {@link #start() start} afterwards continues the same chain (same token, balances, block height). Every chain still
 * running is killed when the JVM exits; one that a killed test JVM left behind is killed when the next chain starts
 * in the same test directory.
 */
public final class DevChain implements AutoCloseable {

    public static final long CHAIN_ID = 31337;
    /** anvil's first well-known dev account (unlocked): it deploys the token and holds its supply. */
    public static final String ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    public static final String NATIVE_TOKEN_ID = "DEV_ETH";
    public static final String TOKEN_ID = "DEV_ETH_USDT";
    /** Account 0's first contract creation: the catalogue's {@code token_address} of DEV_ETH_USDT. */
    public static final String TOKEN_ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    public static final int TOKEN_DECIMALS = 6;

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DELETE_AT_EXIT = ConcurrentHashMap.newKeySet();

    static {
        // At JVM exit the tests are over: kill (a graceful stop would only write a state nobody reads), then remove the
        // directories this class made.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ProcessHandle p : LIVE) {
                p.destroyForcibly();
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // SIGKILL sent: nothing more to do
                }
            }
            DELETE_AT_EXIT.forEach(Trees::deleteQuietly);
        }));
    }

    /** How the chain mines blocks. */
    public record Mining(Duration blockTime, boolean manual) {

        /** A block every {@code blockTime} (anvil's {@code --block-time}; bin/waas mines one a second). */
        public static Mining every(Duration blockTime) {
            if (blockTime.isZero() || blockTime.isNegative()) {
                throw new IllegalArgumentException("block time must be positive: " + blockTime);
            }
            return new Mining(blockTime, false);
        }

        /** A block for each transaction, at once (anvil's default). */
        public static Mining perTransaction() {
            return new Mining(null, false);
        }

        /** Only when asked ({@code --no-mining}; {@link DevChainClient#mine}). */
        public static Mining onDemand() {
            return new Mining(null, true);
        }

        List<String> args() {
            if (manual) {
                return List.of("--no-mining");
            }
            if (blockTime == null) {
                return List.of();
            }
            return List.of("--block-time", String.format(Locale.ROOT, "%.3f", blockTime.toMillis() / 1000.0));
        }
    }

    /** Options of a new chain. */
    public static final class Builder {
        private Path directory;
        private int port;
        private Mining mining = Mining.every(Duration.ofSeconds(1));
        private boolean deployToken = true;

        /** Where its files go (default: a new directory under the test directory). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** A fixed port (default: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default: a block every second, as {@code bin/waas up} runs it. */
        public Builder mining(Mining mining) {
            this.mining = mining;
            return this;
        }

        /** Whether to deploy DEV_ETH_USDT on start (default yes). */
        public Builder deployToken(boolean deployToken) {
            this.deployToken = deployToken;
            return this;
        }

        /** Starts the chain, waits until it answers, deploys (or checks) the token. */
        public DevChain start() throws IOException {
            Path dir = directory;
            if (dir == null) {
                dir = KafkaTestResource.testDirectory("devchain-");
                DELETE_AT_EXIT.add(dir);
                reapOrphans(dir.getParent());
            }
            DevChain chain = new DevChain(DevChainPackages.anvil(), Files.createDirectories(dir).toAbsolutePath(), port,
                    mining);
            chain.launch();
            if (deployToken) {
                try {
                    chain.deployToken();
                } catch (IOException | RuntimeException e) {
                    chain.kill();
                    throw e;
                }
            }
            return chain;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final Path anvil;
    private final Path dir;
    private final Mining mining;
    private final Path stateFile;
    private final Path logFile;
    private final boolean fixedPort;
    private int port;
    private Process process;
    private DevChainClient client;

    private DevChain(Path anvil, Path dir, int port, Mining mining) {
        this.anvil = anvil;
        this.dir = dir;
        this.port = port;
        this.fixedPort = port > 0;
        this.mining = mining;
        this.stateFile = dir.resolve("state.json");
        this.logFile = dir.resolve("anvil.log");
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Mining mining() {
        return mining;
    }

    public Path directory() {
        return dir;
    }

    public Path stateFile() {
        return stateFile;
    }

    public Path logFile() {
        return logFile;
    }

    /** JSON-RPC and the faucet for this chain. */
    public synchronized DevChainClient client() {
        if (client == null || !client.rpcUrl().equals(rpcUrl())) {
            client = new DevChainClient(rpcUrl(), mining.manual());
        }
        return client;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the stopped chain again: same port, same state. */
    public synchronized void start() throws IOException {
        if (!isRunning()) {
            launch();
        }
    }

    /** Stops the chain (SIGTERM: anvil writes its state file) and waits until it is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        LIVE.remove(process.toHandle());
    }

    /** Kills the chain (SIGKILL: no state written) and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process.toHandle());
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs {@code devchain/deploy.mjs} against this chain: deploys DEV_ETH_USDT on a fresh chain, or checks its code;
     * returns its address (always {@link #TOKEN_ADDRESS}).
     */
    public String deployToken() throws IOException {
        List<String> args = new ArrayList<>(List.of("--rpc", rpcUrl()));
        if (mining.manual()) {
            args.add("--mine");
        }
        Command.Result r = DevChainPackages.node("deploy.mjs", args, Duration.ofMinutes(3));
        Files.writeString(logFile, r.stderr(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String[] out = r.stdout().strip().split("\\s+");
        if (!r.ok() || out.length != 2 || !out[0].equals(TOKEN_ID) || !out[1].equalsIgnoreCase(TOKEN_ADDRESS)) {
            throw new IOException("devchain/deploy.mjs failed: " + r.stderr().strip() + " " + r.stdout().strip());
        }
        return out[1];
    }

    private void launch() throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (port == 0 || (attempt > 1 && !fixedPort)) {
                port = freePort(); // once: a restart listens where the chain was
            }
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            List<String> cmd = new ArrayList<>(List.of(anvil.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--chain-id", Long.toString(CHAIN_ID), "--state", stateFile.toString()));
            cmd.addAll(mining.args());
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            LIVE.add(process.toHandle());
            Files.writeString(dir.resolve("anvil.pid"), Long.toString(process.pid()));
            Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
            try {
                awaitReady(Duration.ofSeconds(60));
                return;
            } catch (IOException e) {
                kill();
                String output = logSince(logStart);
                last = new IOException("anvil did not start on port " + port + ": " + e.getMessage() + "; its output:\n"
                        + output, e);
                if (fixedPort || !output.contains("Address already in use")) {
                    throw last;
                }
            }
        }
        throw last;
    }

    private void awaitReady(Duration timeout) throws IOException {
        DevChainClient client = client();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("it exited with " + process.exitValue());
            }
            try {
                if (client.chainId() == CHAIN_ID) {
                    return;
                }
                throw new IOException("it answers a chain id other than " + CHAIN_ID);
            } catch (UncheckedIOException notYet) {
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for anvil", e);
                }
            }
        }
        throw new IOException("no answer after " + timeout);
    }

    private String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, all.length);
            String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Kills the chains that test JVMs killed before they could (surefire's timeout, a SIGKILL) left running in sibling
     * directories of {@code base}: their owner's pid is gone, and the process is the anvil of that directory's state.
     */
    static void reapOrphans(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "devchain-*")) {
            for (Path d : dirs) {
                Optional<ProcessHandle> owner = pidIn(d.resolve("owner.pid"));
                if (owner.isPresent()) {
                    continue;
                }
                String state = d.toAbsolutePath().resolve("state.json").toString();
                pidIn(d.resolve("anvil.pid"))
                        .filter(p -> p.info().commandLine().map(c -> c.contains(state)).orElse(false))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException e) {
            // best effort: the base directory may not exist yet
        }
    }

    private static Optional<ProcessHandle> pidIn(Path file) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
