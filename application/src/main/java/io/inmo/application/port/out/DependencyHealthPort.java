package io.inmo.application.port.out;

/** Outbound port: probes one infrastructure dependency (database, cache) for readiness. */
public interface DependencyHealthPort {

  /** Short, stable name shown in readiness details, e.g. {@code database} or {@code redis}. */
  String name();

  /** Whether a failure of this dependency makes the whole service unready (true) or degraded. */
  boolean critical();

  /** Checks the dependency now; never throws, a failure is reported as {@link Health#down}. */
  Health check();

  /** Outcome of one probe; {@code detail} is safe to show to operators (no secrets, no hosts). */
  record Health(boolean up, String detail, long latencyMillis) {
    public static Health up(long latencyMillis) {
      return new Health(true, "ok", latencyMillis);
    }

    public static Health down(String detail, long latencyMillis) {
      return new Health(false, detail, latencyMillis);
    }
  }
}
