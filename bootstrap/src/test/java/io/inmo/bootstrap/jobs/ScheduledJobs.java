package io.inmo.bootstrap.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Runs a recurring db-scheduler job of a running Inmo now, through the scheduler itself: its
 * execution is made due, as the clock reaching its time would, and the call returns once a node ran
 * it to the end ({@code last_success} moved and the next execution is scheduled).
 */
public final class ScheduledJobs {
  private ScheduledJobs() {}

  public static void runNow(DataSource dataSource, String job, Duration timeout)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Timestamp before = null;
    boolean registered = false;
    while (!registered) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT coalesce(last_success, 'epoch'::timestamptz) FROM scheduled_tasks"
                      + " WHERE task_name = ?")) {
        s.setString(1, job);
        try (ResultSet rows = s.executeQuery()) {
          registered = rows.next();
          before = registered ? rows.getTimestamp(1) : null;
        }
      }
      if (!registered) {
        waitOrFail(deadline, job + " is not registered");
      }
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ?")) {
      s.setString(1, job);
      s.executeUpdate();
    }
    while (true) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND NOT picked"
                      + " AND last_success > ? AND execution_time > now()")) {
        s.setString(1, job);
        s.setTimestamp(2, before);
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          if (rows.getLong(1) > 0) {
            return;
          }
        }
      }
      waitOrFail(deadline, job + " did not finish within the timeout");
    }
  }

  private static void waitOrFail(long deadline, String failure) throws InterruptedException {
    if (System.nanoTime() > deadline) {
      throw new AssertionError(failure);
    }
    Thread.sleep(100);
  }
}
