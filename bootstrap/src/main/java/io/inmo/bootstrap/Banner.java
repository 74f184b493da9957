package io.inmo.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator needs right after start: where the dashboard is, which database, how to log in.
 */
final class Banner {
  private Banner() {}

  static void print(Inmo inmo, Duration startup) {
    String url = inmo.config().publicUrl().toString();
    if (inmo.config().port() == 0 || url.endsWith(":0")) {
      url = "http://localhost:" + inmo.port();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "Inmo "
            + Version.current()
            + " is ready in "
            + String.format("%.1f", startup.toMillis() / 1000.0)
            + " s");
    lines.add(
        "  Dashboard:  "
            + url
            + "/"
            + (inmo.uiPackaged() ? "" : "   (web-ui not packaged in this build)"));
    lines.add("  API:        " + url + "/api/openapi.json");
    lines.add("  Health:     " + url + "/health/ready");
    lines.add(
        "  Database:   "
            + inmo.embeddedDatabase()
                .map(db -> "embedded PostgreSQL, data in " + db.directory())
                .orElse("external PostgreSQL (INMO_DATABASE_URL)"));
    lines.add(
        "  Cache:      "
            + (inmo.config().redisUrl().isPresent() ? "Redis (INMO_REDIS_URL)" : "in-process"));
    inmo.firstAdmin()
        .ifPresent(
            admin -> {
              lines.add("");
              lines.add("  First start: a platform administrator (SUPERADMIN) was created.");
              lines.add("    e-mail:    " + admin.email());
              lines.add("    password:  " + admin.password());
              lines.add("  This password is shown only once: sign in and change it.");
            });
    int width = lines.stream().mapToInt(String::length).max().orElse(40) + 2;
    String rule = "=".repeat(width);
    StringBuilder out = new StringBuilder("\n").append(rule).append('\n');
    lines.forEach(line -> out.append(' ').append(line).append('\n'));
    out.append(rule).append('\n');
    System.out.print(out);
    System.out.flush();
  }
}
