package io.openwaas.tsscallback.server.domain;

import io.openwaas.tsscallback.server.config.CallbackServerConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The current {@link RiskRules}. The file is read at start (an unreadable or invalid file stops the start) and
 * again whenever its modification time or size changes; a change that does not parse is logged and the previous
 * rules stay in force.
 */
@Startup
@Singleton
public class RuleBook {

    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final Path file;
    private volatile Loaded loaded;
    private volatile String reloadError;

    public RuleBook(CallbackServerConfig config) {
        this.file = config.rulesFile();
        try {
            this.loaded = load();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the rules file " + file + ": " + e.getMessage());
        }
        LOG.infof("rules loaded from %s: %s", file, loaded.rules());
    }

    /** The rules in force, re-read first if the file changed. */
    public RiskRules current() {
        Loaded now = loaded;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(now.modified()) && attributes.size() == now.size()) {
                return now.rules();
            }
        } catch (IOException e) {
            return now.rules();
        }
        synchronized (this) {
            try {
                Loaded fresh = load();
                if (!fresh.modified().equals(loaded.modified()) || fresh.size() != loaded.size()) {
                    loaded = fresh;
                    reloadError = null;
                    LOG.infof("rules reloaded from %s: %s", file, fresh.rules());
                }
            } catch (IOException | IllegalArgumentException e) {
                String error = e.getMessage();
                if (!error.equals(reloadError)) {
                    LOG.errorf("rules file %s changed but cannot be used (%s); the previous rules stay in force",
                            file, error);
                }
                reloadError = error;
            }
            return loaded.rules();
        }
    }

    /** Why the last change of the file was not taken, or null. */
    public String reloadError() {
        return reloadError;
    }

    /** The rules file. */
    public Path file() {
        return file;
    }

    private Loaded load() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] content = Files.readAllBytes(file);
        return new Loaded(RiskRules.parse(content), attributes.lastModifiedTime(), attributes.size());
    }

    private record Loaded(RiskRules rules, FileTime modified, long size) {
    }
}
