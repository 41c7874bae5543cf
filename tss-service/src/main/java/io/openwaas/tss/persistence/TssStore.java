package io.openwaas.tss.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.tss.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The node's database, over JDBC (protocol sessions run on blocking worker threads). Every secret goes through
 * {@link SecretBox}: what reaches PostgreSQL is AES-256-GCM ciphertext bound to its row. A key share is bound to its
 * key id and its version ({@link #shareAssociatedData}); the version is raised on every rewrite and recorded apart
 * ({@code key_share_version}), so a share row restored from before a rewrite (a freeze) is refused loudly.
 */
@ApplicationScoped
public class TssStore {

    /** Work inside one database transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A stored request: its status and what the node reported. */
    public record RequestRow(String requestId, String type, String status, String error, String request,
                             String result) {
    }

    private final AgroalDataSource dataSource;
    private final SecretBox box;
    private final ObjectMapper mapper;

    public TssStore(AgroalDataSource dataSource, SecretBox box, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.box = box;
        this.mapper = mapper;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    // ------------------------------------------------------------------ node secrets

    public Optional<byte[]> secret(String name) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sealed FROM node_secret WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(box.open(rs.getBytes(1), "node_secret:" + name)) : Optional.empty();
                }
            }
        });
    }

    /** Stores a secret unless one of that name exists; returns the stored one (ours, or a concurrent writer's). */
    public byte[] storeSecretOnce(String name, byte[] plaintext) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO node_secret (name, sealed, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, name);
                ps.setBytes(2, box.seal(plaintext, "node_secret:" + name));
                ps.setLong(3, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
        return secret(name).orElseThrow();
    }

    // ------------------------------------------------------------------ requests

    /** Records a request the first time this node sees it; false when it was already recorded (a repeat). */
    public boolean claimRequest(String requestId, String type, String requestJson) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tss_request (request_id, request_type, status, "
                    + "request, created_at, updated_at) VALUES (?, ?, 'Running', ?, ?, ?) ON CONFLICT DO NOTHING")) {
                long now = System.currentTimeMillis();
                ps.setString(1, requestId);
                ps.setString(2, type);
                ps.setString(3, requestJson);
                ps.setLong(4, now);
                ps.setLong(5, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<RequestRow> request(String requestId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_id, request_type, status, error, request, "
                    + "result FROM tss_request WHERE request_id = ?")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new RequestRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6))) : Optional.empty();
                }
            }
        });
    }

    /** A leaving reshare dealer waits for the new holders to switch (it may have to retire its share). */
    public static final String AWAITING_SWITCH = "AwaitingSwitch";

    /**
     * Requests claimed but never finished by a process that died: {@code Running}, {@code Confirmed},
     * {@code AwaitingSwitch}, or {@code Cancelled} without a report.
     */
    public List<RequestRow> unfinishedRequests() {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_id, request_type, status, error, request, "
                    + "result FROM tss_request WHERE status IN ('Running', 'Confirmed', 'AwaitingSwitch') "
                    + "OR (status = 'Cancelled' AND result IS NULL) ORDER BY created_at")) {
                List<RequestRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RequestRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /** Marks a request that is still running {@code Cancelled}; false when it is not running (unknown or ended). */
    public boolean cancelRequest(String requestId, String reason) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tss_request SET status = 'Cancelled', error = ?, "
                    + "updated_at = ? WHERE request_id = ? AND status IN ('Running', 'Confirmed', 'AwaitingSwitch')")) {
                ps.setString(1, reason);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, requestId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A request's status, locked until the caller's transaction ends (a Cancel waits for it, or it for a Cancel). */
    public Optional<String> lockRequestStatus(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM tss_request WHERE request_id = ? FOR UPDATE")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets the status of a request that is still running (a Cancel that came first is kept). */
    public void setRunningStatus(String requestId, String status) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tss_request SET status = ?, updated_at = ? "
                    + "WHERE request_id = ? AND status IN ('Running', 'Confirmed', 'AwaitingSwitch')")) {
                ps.setString(1, status);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, requestId);
                return ps.executeUpdate();
            }
        });
    }

    /** Sets a request's status and the report that goes with it, inside the caller's transaction. */
    public void updateRequest(Connection c, String requestId, String status, String error, String resultJson)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tss_request SET status = ?, error = ?, result = ?, updated_at = ? WHERE request_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setString(3, resultJson);
            ps.setLong(4, System.currentTimeMillis());
            ps.setString(5, requestId);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ key shares

    private static final String KEY_COLUMNS = "key_id, curve, public_key, root_pubkey, group_id, threshold, node_ids, "
            + "status, frozen, request_id, created_at, updated_at";

    /** Inserts a key share (sealed) inside the caller's transaction. */
    public void insertKey(Connection c, KeyRecord k, byte[] share) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO key_share (" + KEY_COLUMNS + ", sealed_share, "
                + "share_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            ps.setString(1, k.keyId());
            ps.setString(2, k.curve().name());
            ps.setString(3, k.publicKey());
            ps.setString(4, k.rootPubkey());
            ps.setString(5, k.groupId());
            ps.setInt(6, k.threshold());
            ps.setString(7, json(k.nodeIds()));
            ps.setString(8, k.status());
            ps.setString(9, k.frozen());
            ps.setString(10, k.requestId());
            ps.setLong(11, k.createdAt());
            ps.setLong(12, k.updatedAt());
            ps.setBytes(13, box.seal(share, shareAssociatedData(k.keyId(), 1)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO key_share_version (key_id, version) VALUES (?, 1)")) {
            ps.setString(1, k.keyId());
            ps.executeUpdate();
        }
    }

    /**
     * The associated data a share is sealed under: key id and version (version 0: sealed before versions existed).
     */
    public static String shareAssociatedData(String keyId, long version) {
        return version == 0 ? "key_share:" + keyId : "key_share:" + keyId + "|v" + version;
    }

    public void setKeyStatus(Connection c, String keyId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE key_share SET status = ?, updated_at = ? WHERE key_id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, keyId);
            ps.executeUpdate();
        }
    }

    /** Records that this node told the other participants it stored the (PENDING) share. */
    public void markConfirmed(String keyId) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE key_share SET confirmed_at = ?, updated_at = ? WHERE key_id = ?")) {
                long now = System.currentTimeMillis();
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setString(3, keyId);
                return ps.executeUpdate();
            }
        });
    }

    /** Whether the node confirmed to the others that it stored this share. */
    public boolean confirmed(String keyId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT confirmed_at FROM key_share WHERE key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null;
                }
            }
        });
    }

    /** Keys a request wrote in the given status (a reshare's PENDING shares). */
    public List<KeyRecord> keysOfRequest(String requestId, String status) {
        return queryKeys("SELECT " + KEY_COLUMNS + " FROM key_share WHERE request_id = ? AND status = ? "
                + "ORDER BY created_at, key_id", requestId, status);
    }

    /** Deletes a share for good (after a reshare switched to the new sharing). */
    public void deleteKey(Connection c, String keyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM key_share WHERE key_id = ?")) {
            ps.setString(1, keyId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM key_share_version WHERE key_id = ?")) {
            ps.setString(1, keyId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks a key frozen and stores its share again (the share's own encoding now carries the frozen flag), as the
     * next version: the ciphertext from before the freeze no longer opens.
     */
    public void freeze(String keyId, String reason, byte[] share) {
        inTransaction(c -> {
            long version = lockVersion(c, keyId) + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE key_share SET status = 'FROZEN', frozen = ?, "
                    + "sealed_share = ?, share_version = ?, updated_at = ? WHERE key_id = ?")) {
                ps.setString(1, reason);
                ps.setBytes(2, box.seal(share, shareAssociatedData(keyId, version)));
                ps.setLong(3, version);
                ps.setLong(4, System.currentTimeMillis());
                ps.setString(5, keyId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE key_share_version SET version = ? WHERE key_id = ?")) {
                ps.setLong(1, version);
                ps.setString(2, keyId);
                return ps.executeUpdate();
            }
        });
    }

    private static long lockVersion(Connection c, String keyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM key_share_version WHERE key_id = ? FOR UPDATE")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("key share " + keyId + " has no version record");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Keys of a root key (by its extended public key) in the given status. */
    public List<KeyRecord> keysByRoot(String rootPubkey, String status) {
        return queryKeys("SELECT " + KEY_COLUMNS + " FROM key_share WHERE root_pubkey = ? AND status = ?",
                rootPubkey, status);
    }

    public List<KeyRecord> allKeys() {
        return queryKeys("SELECT " + KEY_COLUMNS + " FROM key_share ORDER BY created_at, key_id");
    }

    /**
     * The decrypted share of a key (the caller destroys what it parses from it). A share whose row is not the version
     * this node wrote last — restored from an older backup, or copied from elsewhere — is an
     * {@link IllegalStateException}, never a share.
     */
    public byte[] openShare(String keyId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.sealed_share, s.share_version, v.version "
                    + "FROM key_share s LEFT JOIN key_share_version v ON v.key_id = s.key_id WHERE s.key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no key share " + keyId);
                    }
                    long stored = rs.getLong(2);
                    long written = rs.getLong(3);
                    if (rs.wasNull()) {
                        throw new IllegalStateException("REFUSED key share " + keyId + ": this node has no record of "
                                + "writing it (a deleted share restored from a backup?)");
                    }
                    if (stored != written) {
                        throw new IllegalStateException("REFUSED key share " + keyId + ": the row is version " + stored
                                + ", this node last wrote version " + written + " (an older ciphertext was restored)");
                    }
                    try {
                        return box.open(rs.getBytes(1), shareAssociatedData(keyId, written));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("REFUSED key share " + keyId + " version " + written
                                + ": the ciphertext does not open under its key id and version (restored, copied or "
                                + "tampered)");
                    }
                }
            }
        });
    }

    private List<KeyRecord> queryKeys(String sql, String... args) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                List<KeyRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KeyRecord(rs.getString(1), TssCurve.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getInt(6), list(rs.getString(7)), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getLong(11), rs.getLong(12)));
                    }
                }
                return out;
            }
        });
    }

    // ------------------------------------------------------------------ outbox

    /**
     * Appends an event to the platform outbox inside the caller's transaction (the same row {@code Outbox.append}
     * writes; {@code OutboxRelay} publishes it after the commit).
     */
    public void appendOutbox(Connection c, String topic, String type, String key, String orgId, long sequence,
                             String source, Object data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, event_key, "
                + "event_type, source, subject, org_id, sequence, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, type);
            ps.setString(5, source);
            ps.setString(6, key);
            ps.setString(7, orgId);
            ps.setLong(8, sequence);
            ps.setString(9, json(data));
            ps.setLong(10, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> list(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
