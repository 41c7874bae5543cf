package io.openwaas.testkit.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A short-lived command of the test infrastructure (the dev chain's install, deploy and faucet scripts). */
record Command(List<String> argv, Path directory, Duration timeout) {

    /** What a finished command printed, and its exit code. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    Command {
        argv = List.copyOf(argv);
    }

    /**
     * Runs the command and waits for it (killed after the timeout). A program that does not exist at all throws an
     * {@link IOException} naming {@code missing}, e.g. "node (18+) is needed".
     */
    Result run(String missing) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(directory.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new IOException(missing + " (cannot run " + argv.get(0) + ": " + e.getMessage() + ")", e);
        }
        process.getOutputStream().close();
        CompletableFuture<String> stdout = reader(process.getInputStream());
        CompletableFuture<String> stderr = reader(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the output of " + argv.get(0), e);
        }
    }

    /** Reads a stream to its end on a thread of its own (a pipe left unread can block the command). */
    private static CompletableFuture<String> reader(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                text.complete(read(in));
            } catch (RuntimeException e) {
                text.completeExceptionally(e);
            }
        }, "command-output");
        t.setDaemon(true);
        t.start();
        return text;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
