package io.openwaas.tsscallback.server.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.tsscallback.server.config.CallbackServerConfig;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every decision, appended as one JSON line to the decision log file, logged at INFO, and kept in memory (the most
 * recent {@code openwaas.callback.decision-buffer-size}) for {@code GET /v1/decisions}.
 */
@Singleton
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final Path file;
    private final int capacity;
    private final ObjectMapper mapper;
    private final ArrayDeque<Decision> recent;

    public DecisionLog(CallbackServerConfig config, ObjectMapper mapper) {
        this.file = config.decisionLog();
        this.capacity = Math.max(1, config.decisionBufferSize());
        this.mapper = mapper;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Records a decision.
     *
     * @throws IOException if the line could not be written to the file (the decision is still kept in memory and
     *                     logged)
     */
    public void append(Decision decision) throws IOException {
        LOG.infof("decision request_id=%s request_type=%s status=%d action=%s rule=%s node_key=%s error=%s",
                decision.requestId(), decision.requestType(), decision.status(), decision.action(), decision.rule(),
                decision.nodeKey(), decision.error());
        String line;
        try {
            line = mapper.writeValueAsString(decision) + "\n";
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialize a decision", e);
        }
        synchronized (this) {
            recent.addLast(decision);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }

    /** The most recent decisions, newest first, at most {@code limit}. */
    public synchronized List<Decision> recent(int limit) {
        List<Decision> result = new ArrayList<>(Math.min(limit, recent.size()));
        Iterator<Decision> newestFirst = recent.descendingIterator();
        while (newestFirst.hasNext() && result.size() < limit) {
            result.add(newestFirst.next());
        }
        return result;
    }

    /** How many decisions the memory keeps. */
    public int capacity() {
        return capacity;
    }

    /** The decision log file. */
    public Path file() {
        return file;
    }
}
