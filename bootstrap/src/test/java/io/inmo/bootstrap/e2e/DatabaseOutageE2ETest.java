package io.inmo.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.testing.Pg;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When PostgreSQL goes away, readiness answers 503 (a load balancer stops sending traffic). */
@ExtendWith(TestPostgres.class)
class DatabaseOutageE2ETest {

  @Test
  void givenDatabaseGone_whenReadyProbed_then503(Pg pg) throws Exception {
    PgDatabase database = pg.freshDatabase();
    try (Inmo inmo = Inmo.start(ServerE2ETest.config(database, Map.of()))) {
      assertThat(ready(inmo).statusCode()).isEqualTo(200);

      try (Connection admin = pg.connect()) {
        admin.createStatement().execute("DROP DATABASE \"" + database.name() + "\" WITH (FORCE)");
      }

      HttpResponse<String> response = ready(inmo);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"status\":\"down\"").contains("database unreachable");
      assertThat(ready(inmo).statusCode()).isEqualTo(503);
    }
  }

  private static HttpResponse<String> ready(Inmo inmo) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inmo.port() + "/health/ready"))
                .timeout(java.time.Duration.ofSeconds(20))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
