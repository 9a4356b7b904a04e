package dev.mayday.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the store of a server running in another process (SQLite in WAL mode lets it read while that one writes). */
final class StoreProbe {

    private final String url;

    StoreProbe(String url) {
        this.url = url;
    }

    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bench store: " + e.getMessage(), e);
        }
    }

    List<String> incidentChannels() {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT channel_id FROM incidents WHERE channel_id IS NOT NULL ORDER BY id")) {
            List<String> channels = new ArrayList<>();
            while (rs.next()) {
                channels.add(rs.getString(1));
            }
            return channels;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bench store: " + e.getMessage(), e);
        }
    }

    /** The status of each incident that has a channel, by channel id. */
    Map<String, String> statuses() {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT channel_id, status FROM incidents WHERE channel_id IS NOT NULL")) {
            Map<String, String> statuses = new HashMap<>();
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bench store: " + e.getMessage(), e);
        }
    }

    /** Waits until the outbox has nothing pending, so one phase's Slack work does not load the next; false at the cap. */
    boolean awaitOutboxIdle(Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (System.nanoTime() < deadline) {
            if (count("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'") == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
