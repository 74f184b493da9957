package io.inmo.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.persistence.lead.JpaLeadSearchRepository;
import io.inmo.adapters.persistence.lead.JpaLeadSearchRepository.NativeSql;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.application.port.out.LeadSearchRepository.LeadSearch;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.LeadSearchRepository.Position;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import io.inmo.bootstrap.jobs.ScheduledJobs;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lead list at a million leads (issue: p95 under 25 ms per list shape, reported with import and
 * export rows/s). Starts Inmo on a fresh database, registers the brokers and a few agents through
 * the API, seeds the leads with SQL ({@code generate_series}), then times every list shape twice:
 * over HTTP with the broker's ADMIN (or an AGENT) token — auth, JSON, service, SQL — and at the SQL
 * level, the exact statement {@link JpaLeadSearchRepository} sends, with its plan from {@code
 * EXPLAIN (ANALYZE, BUFFERS)} after the plan cache had its first executions. Speed is reported, not
 * asserted; what every page holds is asserted.
 *
 * <p>Not part of the normal build (tag {@code benchmark}); run it with {@code ./inmo mvn -B -o -pl
 * bootstrap verify -Pbenchmark} and {@code TEST_PG_URL}/{@code TEST_REDIS_URL} set. The report goes
 * to {@code bootstrap/target/benchmarks/lead-book.md}. A smaller data set for a quick look: {@code
 * -Dbench.brokers=10 -Dbench.leadsPerBroker=5000 -Dbench.importLines=1000}.
 */
@Tag("benchmark")
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadBookBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "Providencia-Norte-2026";
  private static final String AGENT_PASSWORD = "Lastarria-Sur-1987";
  private static final double TARGET_P95_MS = 25.0;
  private static final int PAGE = 50;

  private static final int BROKERS = Integer.getInteger("bench.brokers", 100);
  private static final int LEADS_PER_BROKER = Integer.getInteger("bench.leadsPerBroker", 10_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 150);
  private static final int TIMED = Integer.getInteger("bench.requests", 250);
  private static final String IMPORT_LINES = System.getProperty("bench.importLines", "10000,50000");
  private static final int AGENT_BROKERS = 5;
  private static final int AGENTS_PER_BROKER = 2;

  /** List requests rotate over this many brokers; the last two brokers take the imports. */
  private static final int SAMPLE_BROKERS = Math.max(1, Math.min(20, BROKERS - 2));

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger addresses = new AtomicInteger();
  private PgDatabase database;
  private Inmo inmo;
  private URI base;

  private final List<Broker> brokers = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final List<ShapeResult> results = new ArrayList<>();
  private final List<String> transfers = new ArrayList<>();
  private final Map<String, Stats> pipeline = new LinkedHashMap<>();

  private record Broker(int index, String id, String adminId, String token, String suffix) {}

  private record Agent(Broker broker, String id, String token) {}

  /** One list request: the HTTP query, the equivalent search the service hands the repository. */
  private record ListRequest(String token, String query, Broker broker, LeadSearch search) {}

  private record Stats(int count, double p50, double p95, double p99, double max, double mean) {
    static Stats of(List<Double> millis) {
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Stats(
          sorted.length,
          rank(sorted, 0.50),
          rank(sorted, 0.95),
          rank(sorted, 0.99),
          sorted[sorted.length - 1],
          Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static double rank(double[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  private record ShapeResult(
      String key,
      String title,
      String example,
      Stats http,
      Stats sql,
      String indexes,
      String planCache,
      String sqlText,
      String plan) {}

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.database = database;
    Map<String, String> env = new HashMap<>();
    env.put("INMO_PORT", "0");
    env.put("INMO_HOST", "127.0.0.1");
    env.put("INMO_DATABASE_URL", database.jdbcUrl());
    env.put("INMO_DATABASE_USER", database.user());
    env.put("INMO_DATABASE_PASSWORD", database.password() == null ? "" : database.password());
    env.put("INMO_REDIS_URL", redis.uri());
    env.put("INMO_TRUST_PROXY", "true");
    env.put("INMO_ACCESS_TOKEN_MINUTES", "60");
    env.put("INMO_SHUTDOWN_GRACE_SECONDS", "1");
    env.put("INMO_JWT_SECRET", "secreto-de-firma-para-el-benchmark-de-leads");
    env.put(
        "INMO_ADMIN_EMAIL",
        "plataforma." + UUID.randomUUID().toString().substring(0, 8) + "@inmo.cl");
    inmo = Inmo.start(AppConfig.from(env, Path.of(System.getProperty("java.io.tmpdir"))));
    base = URI.create("http://127.0.0.1:" + inmo.port());
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenMillionLeads_whenListedSearchedPagedImportedExported_thenReportWritten()
      throws Exception {
    long started = System.nanoTime();
    long t = System.nanoTime();
    registerBrokers();
    createAgents();
    facts.put("register", seconds(t));
    seed();

    DataSource sql = database.dataSource();
    Map<Integer, List<String>> phones = samplePhones(sql);

    List<ListRequest> firstPages = new ArrayList<>();
    measure(
        "a",
        "status + stage",
        i -> statusStage(i),
        (request, page) -> {
          checkStatusStage(request, page);
          firstPages.add(request);
        });
    List<ListRequest> secondPages =
        secondPages(firstPages.subList(0, Math.min(50, firstPages.size())));
    measure(
        "b", "score range, sort -score", i -> scoreRange(i), LeadBookBenchmark::checkScoreRange);
    measure("c", "q = name fragment", i -> nameFragment(i), LeadBookBenchmark::checkText);
    measure(
        "c2", "q = one or two letters", i -> shortFragment(i), LeadBookBenchmark::checkShortText);
    measure(
        "d",
        "q = phone fragment",
        i -> phoneFragment(i, phones),
        LeadBookBenchmark::checkPhoneFragment);
    measure(
        "e",
        "second page (cursor of a)",
        i -> secondPages.get(i % secondPages.size()),
        this::checkSecondPage);
    measure("f", "default list (-createdAt)", i -> defaultList(i), LeadBookBenchmark::checkDefault);
    measure(
        "g", "AGENT's list (own + unassigned)", i -> agentList(i), LeadBookBenchmark::checkAgent);

    measurePipeline("board", "/api/v1/pipeline/board?limit=20", this::checkBoard);
    measurePipeline("metrics", "/api/v1/pipeline/metrics", this::checkMetrics);
    rescoreBroker(brokers.get(Math.min(3, brokers.size() - 1)));
    nightly(sql);

    exportBroker(brokers.get(Math.min(2, brokers.size() - 1)));
    int importBroker = BROKERS - 1;
    for (String size : IMPORT_LINES.split(",")) {
      if (!size.isBlank()) {
        importCsv(brokers.get(Math.max(0, importBroker--)), Integer.parseInt(size.strip()));
      }
    }
    facts.put("total", seconds(started));

    String report = report();
    Path out = Path.of(System.getProperty("basedir", "."), "target", "benchmarks", "lead-book.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("[lead-book] report written to " + out.toAbsolutePath());
    holdDatabase();
  }

  /**
   * {@code -Dbench.holdMinutes=N}: keep the seeded database (and Inmo) up for N minutes after the
   * report, to try plans by hand with psql; Ctrl-C ends it early.
   */
  private void holdDatabase() throws InterruptedException {
    int minutes = Integer.getInteger("bench.holdMinutes", 0);
    if (minutes > 0) {
      System.out.println(
          "[lead-book] holding "
              + database.jdbcUrl()
              + " and "
              + base
              + " for "
              + minutes
              + " min");
      Thread.sleep(Duration.ofMinutes(minutes));
    }
  }

  // ---- brokers, agents ----

  private void registerBrokers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Broker>> futures = new ArrayList<>();
      for (int i = 0; i < BROKERS; i++) {
        int index = i;
        futures.add(pool.submit(() -> register(index)));
      }
      for (Future<Broker> future : futures) {
        brokers.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Broker register(int index) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> response =
        post(
            "/api/v1/auth/register",
            JSON.writeValueAsString(
                Map.of(
                    "brokerName",
                    "Propiedades " + COMUNAS[index % COMUNAS.length] + " " + index,
                    "name",
                    "Valentina Soto",
                    "email",
                    "valentina." + suffix + "@corredora.cl",
                    "password",
                    ADMIN_PASSWORD)),
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(response.body());
    return new Broker(
        index,
        body.get("user").get("brokerId").asText(),
        body.get("user").get("id").asText(),
        body.get("accessToken").asText(),
        suffix);
  }

  private void createAgents() throws Exception {
    for (Broker broker : brokers.subList(0, Math.min(AGENT_BROKERS, brokers.size()))) {
      for (int n = 0; n < AGENTS_PER_BROKER; n++) {
        String email = "agente" + n + "." + broker.suffix() + "@corredora.cl";
        HttpResponse<String> created =
            post(
                "/api/v1/users",
                JSON.writeValueAsString(
                    Map.of(
                        "name",
                        FIRST_NAMES[n * 7 % FIRST_NAMES.length] + " Agente",
                        "email",
                        email,
                        "role",
                        "AGENT",
                        "password",
                        AGENT_PASSWORD)),
                broker.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> login =
            post(
                "/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("email", email, "password", AGENT_PASSWORD)),
                null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        agents.add(
            new Agent(
                broker,
                JSON.readTree(created.body()).get("id").asText(),
                JSON.readTree(login.body()).get("accessToken").asText()));
      }
    }
  }

  // ---- seeding ----

  private static final String[] FIRST_NAMES = {
    "María",
    "José",
    "Juan",
    "Francisca",
    "Sofía",
    "Martín",
    "Benjamín",
    "Matías",
    "Valentina",
    "Catalina",
    "Agustín",
    "Tomás",
    "Joaquín",
    "Camila",
    "Javiera",
    "Constanza",
    "Ignacio",
    "Cristóbal",
    "Fernanda",
    "Antonia",
    "Florencia",
    "Isidora",
    "Vicente",
    "Maximiliano",
    "Sebastián",
    "Andrés",
    "Nicolás",
    "Rocío",
    "Inés",
    "Ramón",
    "Héctor",
    "Begoña",
    "Íñigo",
    "Lucía",
    "Martina",
    "Emilia",
    "Gonzalo",
    "Patricio",
    "Ximena",
    "Paz",
    "Verónica",
    "Raúl",
    "Germán",
    "Ángela",
    "Óscar",
    "Zoe",
    "Renata",
    "Pía",
    "Jesús",
    "Mónica"
  };

  /** Common Chilean surnames; the most frequent ones several times, roughly as in the census. */
  private static final String[] SURNAMES = {
    "González",
    "González",
    "González",
    "Muñoz",
    "Muñoz",
    "Muñoz",
    "Rojas",
    "Rojas",
    "Díaz",
    "Díaz",
    "Pérez",
    "Pérez",
    "Soto",
    "Soto",
    "Contreras",
    "Silva",
    "Martínez",
    "Sepúlveda",
    "Morales",
    "Rodríguez",
    "López",
    "Fuentes",
    "Hernández",
    "Torres",
    "Araya",
    "Flores",
    "Espinoza",
    "Valenzuela",
    "Castillo",
    "Tapia",
    "Reyes",
    "Gutiérrez",
    "Castro",
    "Pizarro",
    "Álvarez",
    "Vásquez",
    "Sánchez",
    "Fernández",
    "Ramírez",
    "Carrasco",
    "Gómez",
    "Cortés",
    "Herrera",
    "Núñez",
    "Ñuñez",
    "Jara",
    "Vergara",
    "Rivera",
    "Figueroa",
    "Riquelme",
    "García",
    "Miranda",
    "Bravo",
    "Vera",
    "Molina",
    "Vega",
    "Campos",
    "Sandoval",
    "Orellana",
    "Zúñiga",
    "Olivares",
    "Alarcón",
    "Gallardo",
    "Ortiz",
    "Garrido",
    "Salazar",
    "Guzmán",
    "Henríquez",
    "Saavedra",
    "Navarro",
    "Aguilera",
    "Parra",
    "Romero",
    "Aravena",
    "Vargas",
    "Peña",
    "Cáceres",
    "Yáñez",
    "Leiva",
    "Escobar",
    "Ruiz",
    "Valdés",
    "Vidal",
    "Salinas",
    "Muñoz-Ibáñez",
    "Poblete"
  };

  private static final String[] COMUNAS = {
    "Ñuñoa", "Providencia", "Las Condes", "Vitacura", "La Florida", "Maipú", "Puente Alto",
    "Santiago", "Viña del Mar", "Concepción", "Temuco", "Puerto Montt", "La Reina", "Peñalolén",
    "San Miguel", "Valparaíso", "Antofagasta", "La Serena", "Rancagua", "Chillán"
  };

  private static final String[] DOMAINS = {
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.es",
    "live.cl",
    "vtr.net",
    "icloud.com",
    "uc.cl"
  };

  /** The 8 subscriber digits of lead number g: a bijection on 0..99,999,999, so never repeated. */
  private static long subscriber(long g) {
    return (g * 48_271L + 12_345_678L) % 100_000_000L;
  }

  private static String sqlArray(String[] values) {
    return Arrays.stream(values)
        .map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(",", "ARRAY[", "]::text[]"));
  }

  private static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    String from = "áéíóúüñàèìòùâêîôûäëïöç";
    String to = "aeiouunaeiouaeiouaeioc";
    for (char c : lower.toCharArray()) {
      int at = from.indexOf(c);
      out.append(at < 0 ? c : to.charAt(at));
    }
    return out.toString();
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  private void seed() throws Exception {
    long total = (long) BROKERS * LEADS_PER_BROKER;
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '1GB'");
      s.execute("SET work_mem = '256MB'");
      s.execute(
          "CREATE TEMP TABLE bench_brokers (idx int PRIMARY KEY, broker_id uuid NOT NULL,"
              + " users uuid[] NOT NULL)");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO bench_brokers VALUES (?, ?::uuid, ?::uuid[])")) {
        for (Broker broker : brokers) {
          List<String> users = new ArrayList<>();
          users.add(broker.adminId());
          agents.stream().filter(a -> a.broker().equals(broker)).forEach(a -> users.add(a.id()));
          insert.setInt(1, broker.index());
          insert.setString(2, broker.id());
          insert.setString(3, "{" + String.join(",", users) + "}");
          insert.addBatch();
        }
        insert.executeBatch();
      }

      // bulk load: drop the secondary indexes of leads and lead_identities (keeping the ones
      // behind constraints), insert, build them again from their own definitions
      List<String[]> indexes = new ArrayList<>();
      try (ResultSet rows =
          s.executeQuery(
              "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                  + " WHERE i.indrelid IN ('leads'::regclass, 'lead_identities'::regclass)"
                  + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid ="
                  + " i.indexrelid) ORDER BY 1")) {
        while (rows.next()) {
          indexes.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
      for (String[] index : indexes) {
        s.execute("DROP INDEX " + index[0]);
      }

      long t = System.nanoTime();
      s.execute("SELECT setseed(0.2026)");
      s.executeUpdate(leadsInsert(total));
      facts.put("seedLeads", seconds(t));

      t = System.nanoTime();
      s.executeUpdate(
          """
          INSERT INTO lead_identities (id, broker_id, lead_id, channel, value, created_at)
          SELECT (lpad(to_hex((extract(epoch FROM l.created_at) * 1000)::bigint), 12, '0') || '7'
                  || substr(h, 1, 3) || '9' || substr(h, 4, 15))::uuid,
                 l.broker_id, l.id, 'phone', l.phone, l.created_at
          FROM leads l, LATERAL (SELECT md5(l.id::text) AS h) x
          WHERE l.phone IS NOT NULL AND l.deleted_at IS NULL
            AND l.broker_id IN (SELECT broker_id FROM bench_brokers)
          """);
      facts.put("seedIdentities", seconds(t));

      t = System.nanoTime();
      for (String[] index : indexes) {
        s.execute(index[1]);
      }
      facts.put("seedIndexes", seconds(t));
      facts.put(
          "rebuiltIndexes",
          indexes.stream().map(index -> index[0]).collect(Collectors.joining(", ")));

      t = System.nanoTime();
      s.execute("VACUUM (ANALYZE) leads");
      s.execute("VACUUM (ANALYZE) lead_identities");
      facts.put("seedAnalyze", seconds(t));

      try (ResultSet rows =
          s.executeQuery(
              "SELECT (SELECT count(*) FROM leads), (SELECT count(*) FROM leads WHERE deleted_at"
                  + " IS NOT NULL), (SELECT count(*) FROM lead_identities),"
                  + " pg_size_pretty(pg_table_size('leads')),"
                  + " pg_size_pretty(pg_indexes_size('leads')), version(),"
                  + " current_setting('shared_buffers'), current_setting('work_mem'),"
                  + " current_setting('jit')")) {
        rows.next();
        facts.put("leads", rows.getLong(1));
        facts.put("deleted", rows.getLong(2));
        facts.put("identities", rows.getLong(3));
        facts.put("tableSize", rows.getString(4));
        facts.put("indexSize", rows.getString(5));
        facts.put("pgVersion", rows.getString(6).replaceAll(" on .*", ""));
        facts.put(
            "pgSettings",
            "shared_buffers "
                + rows.getString(7)
                + ", work_mem "
                + rows.getString(8)
                + ", jit "
                + rows.getString(9));
      }
      try (ResultSet rows =
          s.executeQuery(
              "SELECT status, count(*) FROM leads WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1")) {
        StringBuilder spread = new StringBuilder();
        while (rows.next()) {
          spread.append(spread.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ');
          spread.append(rows.getLong(2));
        }
        facts.put("statusSpread", spread.toString());
      }
    }
    assertThat((long) facts.get("leads")).isEqualTo(total);
  }

  /** One INSERT … SELECT over generate_series: every lead of every broker, oldest first. */
  private static String leadsInsert(long total) {
    return """
        INSERT INTO leads (id, broker_id, phone, name, email, status, lead_score, lead_metadata,
                           pipeline_stage, assigned_to, tags, close_reason, closed_at,
                           closed_from_stage, last_contacted_at, stage_entered_at, deleted_at,
                           created_at, updated_at)
        SELECT (lpad(to_hex((extract(epoch FROM created) * 1000)::bigint), 12, '0') || '7'
                || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
               broker_id,
               CASE WHEN r_phone < 0.95
                    THEN '+569' || lpad(((g * 48271 + 12345678) %% 100000000)::text, 8, '0') END,
               first || CASE WHEN r_second < 0.3 THEN ' ' || second ELSE '' END
                     || ' ' || surname1 || ' ' || surname2,
               CASE WHEN r_email < 0.75
                    THEN translate(lower(first || '.' || surname1),
                                   'áéíóúüñàèìòùâêîôûäëïöç', 'aeiouunaeiouaeiouaeioc')
                         || g || '@' || domain END,
               CASE WHEN stage = 'won' THEN 'converted' WHEN stage = 'lost' THEN 'lost'
                    WHEN score >= 70 THEN 'hot' WHEN score >= 31 THEN 'warm' ELSE 'cold' END,
               score,
               CASE WHEN r_facts < 0.7 THEN jsonb_build_object(
                   'location', jsonb_build_object('value', comuna),
                   'operation', jsonb_build_object('value', CASE WHEN r_rent < 0.3 THEN 'rent' ELSE 'buy' END),
                   'propertyType', jsonb_build_object('value', property),
                   'bedrooms', jsonb_build_object('value', 1 + (r_beds * 4)::int),
                   'budget', jsonb_build_object('value', CASE WHEN r_rent < 0.3
                       THEN jsonb_build_object('amount', (300000 + (r_budget * 1200000)::int / 10000 * 10000)::text, 'currency', 'CLP')
                       ELSE jsonb_build_object('amount', (1500 + (r_budget * 13500)::int / 100 * 100)::text, 'currency', 'UF') END))
                    ELSE '{}'::jsonb END,
               stage,
               CASE WHEN r_assign < 0.6
                    THEN users[1 + floor(r_assign / 0.6 * array_length(users, 1))::int] END,
               CASE WHEN r_tag < 0.2 THEN '{inversionista}'::text[]
                    WHEN r_tag < 0.3 THEN '{referido,portal}'::text[] ELSE '{}'::text[] END,
               CASE stage WHEN 'won' THEN 'purchased' WHEN 'lost' THEN 'not_interested' END,
               CASE WHEN stage IN ('won', 'lost') THEN entered END,
               CASE stage WHEN 'won' THEN 'scheduled' WHEN 'lost' THEN 'profiling' END,
               CASE WHEN stage <> 'new' THEN entered END,
               entered,
               CASE WHEN r_deleted < 0.02 THEN least(now(), entered + interval '3 days') END,
               created,
               CASE WHEN r_deleted < 0.02 THEN least(now(), entered + interval '3 days') ELSE entered END
        FROM (
          SELECT g, b.broker_id, b.users, md5(g::text) AS h, created,
                 least(now(), created + random() * interval '20 days') AS entered,
                 (%1$s)[1 + floor(random() * %2$d)::int] AS first,
                 (%1$s)[1 + floor(random() * %2$d)::int] AS second,
                 (%3$s)[1 + floor(random() * %4$d)::int] AS surname1,
                 (%3$s)[1 + floor(random() * %4$d)::int] AS surname2,
                 (%5$s)[1 + floor(random() * %6$d)::int] AS comuna,
                 (%7$s)[1 + floor(random() * %8$d)::int] AS domain,
                 (ARRAY['apartment','apartment','house','house','office','land'])[1 + floor(random() * 6)::int] AS property,
                 floor(random() * 101)::int AS score,
                 (ARRAY['new','new','new','new','new','new','new','profiling','profiling','profiling',
                        'profiling','profiling','financial_qualification','financial_qualification',
                        'financial_qualification','potential','potential','scheduled','won','lost'])
                   [1 + floor(random() * 20)::int] AS stage,
                 random() AS r_phone, random() AS r_second, random() AS r_email,
                 random() AS r_facts, random() AS r_rent, random() AS r_beds, random() AS r_budget,
                 random() AS r_assign, random() AS r_tag, random() AS r_deleted
          FROM (SELECT g, now() - interval '730 days'
                          + (g * (730.0 * 86400 / %9$d) + random() * 60) * interval '1 second' AS created
                FROM generate_series(0::bigint, %9$d - 1) AS g
                OFFSET 0) s
          JOIN bench_brokers b ON b.idx = g %% %10$d
          OFFSET 0
        ) x
        """
        .formatted(
            sqlArray(FIRST_NAMES),
            FIRST_NAMES.length,
            sqlArray(SURNAMES),
            SURNAMES.length,
            sqlArray(COMUNAS),
            COMUNAS.length,
            sqlArray(DOMAINS),
            DOMAINS.length,
            total,
            BROKERS);
  }

  /** Some live phone numbers of each sample broker, to search for fragments of them. */
  private Map<Integer, List<String>> samplePhones(DataSource sql) throws SQLException {
    Map<Integer, List<String>> phones = new HashMap<>();
    try (Connection c = sql.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT phone FROM leads WHERE broker_id = ?::uuid AND deleted_at IS NULL AND"
                    + " phone IS NOT NULL ORDER BY md5(id::text) LIMIT 40")) {
      for (Broker broker : brokers.subList(0, SAMPLE_BROKERS)) {
        select.setString(1, broker.id());
        List<String> list = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            list.add(rows.getString(1));
          }
        }
        phones.put(broker.index(), list);
      }
    }
    return phones;
  }

  // ---- the list shapes ----

  private static final Object[][] STATUS_STAGES = {
    {LeadStatus.HOT, PipelineStage.PROFILING},
    {LeadStatus.WARM, PipelineStage.FINANCIAL_QUALIFICATION},
    {LeadStatus.COLD, PipelineStage.NEW},
    {LeadStatus.HOT, PipelineStage.POTENTIAL},
    {LeadStatus.WARM, PipelineStage.NEW}
  };
  private static final int[][] SCORE_RANGES = {{70, 100}, {40, 60}, {85, 95}, {10, 30}, {55, 80}};
  private static final String[] NAME_FRAGMENTS = {
    "muñoz", "gonza", "rojas", "pérez", "sepúl", "fernández", "valentina", "ñuñez", "MARÍA"
  };

  private Broker sampleBroker(int i) {
    return brokers.get(i % SAMPLE_BROKERS);
  }

  private static LeadSearch search(
      LeadStatus status,
      PipelineStage stage,
      Integer minScore,
      Integer maxScore,
      String text,
      UserId agent,
      LeadSort sort,
      Position after) {
    return new LeadSearch(
        status, stage, minScore, maxScore, null, false, null, null, text, null, null, agent, sort,
        after, PAGE + 1);
  }

  private ListRequest statusStage(int i) {
    Broker broker = sampleBroker(i);
    Object[] combo = STATUS_STAGES[(i / SAMPLE_BROKERS) % STATUS_STAGES.length];
    LeadStatus status = (LeadStatus) combo[0];
    PipelineStage stage = (PipelineStage) combo[1];
    return new ListRequest(
        broker.token(),
        "status=" + status.apiValue() + "&stage=" + stage.apiValue() + "&limit=" + PAGE,
        broker,
        search(status, stage, null, null, null, null, LeadSort.NEWEST, null));
  }

  private ListRequest scoreRange(int i) {
    Broker broker = sampleBroker(i);
    int[] range = SCORE_RANGES[(i / SAMPLE_BROKERS) % SCORE_RANGES.length];
    return new ListRequest(
        broker.token(),
        "minScore=" + range[0] + "&maxScore=" + range[1] + "&sort=-score&limit=" + PAGE,
        broker,
        search(null, null, range[0], range[1], null, null, LeadSort.HIGHEST_SCORE, null));
  }

  /** Too short for a trigram: searched without the index (common and rare ones). */
  private static final String[] SHORT_FRAGMENTS = {"ma", "ez", "jo", "ñu", "xi", "z", "Á"};

  private ListRequest shortFragment(int i) {
    Broker broker = sampleBroker(i);
    String q = SHORT_FRAGMENTS[(i / SAMPLE_BROKERS) % SHORT_FRAGMENTS.length];
    return new ListRequest(
        broker.token(),
        "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + PAGE,
        broker,
        search(null, null, null, null, q, null, LeadSort.NEWEST, null));
  }

  private ListRequest nameFragment(int i) {
    Broker broker = sampleBroker(i);
    String q = NAME_FRAGMENTS[(i / SAMPLE_BROKERS) % NAME_FRAGMENTS.length];
    return new ListRequest(
        broker.token(),
        "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + PAGE,
        broker,
        search(null, null, null, null, q, null, LeadSort.NEWEST, null));
  }

  private ListRequest phoneFragment(int i, Map<Integer, List<String>> phones) {
    Broker broker = sampleBroker(i);
    List<String> list = phones.get(broker.index());
    String phone = list.get((i / SAMPLE_BROKERS) % list.size());
    int length = 4 + i % 3; // 4, 5 or 6 digits
    int from = 4 + (i * 7) % (8 - length + 1); // inside the 8 subscriber digits of +569XXXXXXXX
    String digits = phone.substring(from, from + length);
    return new ListRequest(
        broker.token(),
        "q=" + digits + "&limit=" + PAGE,
        broker,
        search(null, null, null, null, digits, null, LeadSort.NEWEST, null));
  }

  private ListRequest defaultList(int i) {
    Broker broker = sampleBroker(i);
    return new ListRequest(
        broker.token(),
        "limit=" + PAGE,
        broker,
        search(null, null, null, null, null, null, LeadSort.NEWEST, null));
  }

  private ListRequest agentList(int i) {
    Agent agent = agents.get(i % agents.size());
    return new ListRequest(
        agent.token(),
        "limit=" + PAGE,
        agent.broker(),
        search(
            null,
            null,
            null,
            null,
            null,
            new UserId(UUID.fromString(agent.id())),
            LeadSort.NEWEST,
            null));
  }

  /** The second pages of the given first pages, from their nextCursor. */
  private List<ListRequest> secondPages(List<ListRequest> firstPages) throws Exception {
    List<ListRequest> pages = new ArrayList<>();
    for (ListRequest first : firstPages) {
      JsonNode page = JSON.readTree(list(first).body());
      firstPageIds.put(
          first.broker().id() + "?" + first.query(),
          items(page).stream().map(item -> item.get("id").asText()).collect(Collectors.toSet()));
      String cursor = page.get("nextCursor").asText();
      JsonNode last = page.get("items").get(page.get("items").size() - 1);
      Position after =
          new Position(
              0,
              Instant.parse(last.get("createdAt").asText()),
              UUID.fromString(last.get("id").asText()));
      LeadSearch s = first.search();
      pages.add(
          new ListRequest(
              first.token(),
              first.query() + "&cursor=" + cursor,
              first.broker(),
              new LeadSearch(
                  s.status(),
                  s.stage(),
                  s.minScore(),
                  s.maxScore(),
                  null,
                  false,
                  null,
                  null,
                  s.text(),
                  null,
                  null,
                  s.visibleToAgent(),
                  s.sort(),
                  after,
                  s.limit())));
    }
    return pages;
  }

  // ---- checks: what every page must hold ----

  private interface Check {
    void verify(ListRequest request, JsonNode page) throws Exception;
  }

  private static List<JsonNode> items(JsonNode page) {
    List<JsonNode> items = new ArrayList<>();
    page.get("items").forEach(items::add);
    return items;
  }

  private static void checkNewestFirst(List<JsonNode> items) {
    for (int i = 1; i < items.size(); i++) {
      Instant previous = Instant.parse(items.get(i - 1).get("createdAt").asText());
      Instant current = Instant.parse(items.get(i).get("createdAt").asText());
      assertThat(current).isBeforeOrEqualTo(previous);
    }
  }

  private static void checkStatusStage(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    assertThat(page.get("nextCursor").isNull()).isFalse();
    for (JsonNode item : items) {
      assertThat(item.get("status").asText()).isEqualTo(request.search().status().apiValue());
      assertThat(item.get("stage").asText()).isEqualTo(request.search().stage().apiValue());
    }
    checkNewestFirst(items);
  }

  private static void checkScoreRange(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    int previous = Integer.MAX_VALUE;
    for (JsonNode item : items) {
      int score = item.get("score").asInt();
      assertThat(score)
          .isBetween(request.search().minScore(), request.search().maxScore())
          .isLessThanOrEqualTo(previous);
      previous = score;
    }
  }

  private static String searchable(JsonNode item) {
    return fold(
        item.path("name").asText("")
            + " "
            + item.path("phone").asText("")
            + " "
            + item.path("email").asText(""));
  }

  private static void checkText(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    for (JsonNode item : items) {
      assertThat(searchable(item)).contains(fold(request.search().text()));
    }
    checkNewestFirst(items);
  }

  private static void checkShortText(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(PAGE);
    for (JsonNode item : items) {
      assertThat(searchable(item)).contains(fold(request.search().text()));
    }
    checkNewestFirst(items);
  }

  private static void checkPhoneFragment(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).isNotEmpty(); // the digits were cut from a live lead's phone
    for (JsonNode item : items) {
      assertThat(searchable(item)).contains(request.search().text());
    }
    assertThat(items.stream().map(item -> item.path("phone").asText("")))
        .anyMatch(phone -> phone.contains(request.search().text()));
  }

  private final Map<String, Set<String>> firstPageIds = new HashMap<>();

  private void checkSecondPage(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    checkStatusStage(request, page);
    String firstQuery = request.query().replaceAll("&cursor=.*", "");
    Set<String> first = firstPageIds.get(request.broker().id() + "?" + firstQuery);
    assertThat(first).isNotNull().hasSize(PAGE);
    for (JsonNode item : items) {
      assertThat(first).doesNotContain(item.get("id").asText());
    }
    Position after = request.search().after();
    Instant firstCreated = Instant.parse(items.get(0).get("createdAt").asText());
    assertThat(firstCreated).isBeforeOrEqualTo(after.createdAt());
  }

  private static void checkDefault(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    checkNewestFirst(items);
  }

  private static void checkAgent(ListRequest request, JsonNode page) {
    List<JsonNode> items = items(page);
    assertThat(items).hasSize(PAGE);
    String agent = request.search().visibleToAgent().value().toString();
    boolean own = false;
    for (JsonNode item : items) {
      JsonNode assignee = item.get("assignedTo");
      assertThat(assignee == null || assignee.isNull() || assignee.asText().equals(agent))
          .as("an agent sees own and unassigned leads only: %s", item)
          .isTrue();
      own |= assignee != null && !assignee.isNull();
    }
    assertThat(own).as("some of the agent's own leads are on the first page").isTrue();
    checkNewestFirst(items);
  }

  // ---- measuring ----

  private void measure(String key, String title, IntFunction<ListRequest> requests, Check check)
      throws Exception {
    // HTTP: the whole path, past pgjdbc's prepareThreshold and the plan cache's 5 custom plans
    for (int i = 0; i < WARMUP; i++) {
      ListRequest request = requests.apply(i);
      HttpResponse<String> response = list(request);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      check.verify(request, JSON.readTree(response.body()));
    }
    List<Double> httpMillis = new ArrayList<>();
    for (int i = 0; i < TIMED; i++) {
      ListRequest request = requests.apply(WARMUP + i);
      long t = System.nanoTime();
      HttpResponse<String> response = list(request);
      httpMillis.add((System.nanoTime() - t) / 1e6);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = JSON.readTree(response.body());
      check.verify(request, page);
    }

    // SQL: the repository's statement on one connection, as pgjdbc sends it
    List<Double> sqlMillis = new ArrayList<>();
    String plan;
    String planCache;
    String sqlText;
    try (Connection c = database.dataSource().getConnection()) {
      for (int i = 0; i < WARMUP + TIMED; i++) {
        ListRequest request = requests.apply(i);
        long t = System.nanoTime();
        List<String> ids = runSql(c, request);
        double millis = (System.nanoTime() - t) / 1e6;
        if (i >= WARMUP) {
          sqlMillis.add(millis);
        }
        if (i < 3) { // the same leads as the API answered
          JsonNode page = JSON.readTree(list(request).body());
          List<String> apiIds = items(page).stream().map(item -> item.get("id").asText()).toList();
          assertThat(ids.subList(0, Math.min(PAGE, ids.size()))).isEqualTo(apiIds);
        }
      }
      ListRequest sample = requests.apply(WARMUP + TIMED);
      NativeSql statement =
          JpaLeadSearchRepository.sql(
              new BrokerId(UUID.fromString(sample.broker().id())), sample.search());
      sqlText = statement.sql();
      planCache = pgjdbcPlanCache(c, statement);
      plan = explain(c, key, requests);
    }
    ShapeResult result =
        new ShapeResult(
            key,
            title,
            requests.apply(0).query(),
            Stats.of(httpMillis),
            Stats.of(sqlMillis),
            indexesOf(plan),
            planCache,
            sqlText,
            plan);
    results.add(result);
    System.out.printf(
        Locale.ROOT,
        "[lead-book] (%s) %-34s HTTP p50 %6.2f p95 %6.2f p99 %6.2f | SQL p50 %6.2f p95 %6.2f"
            + " p99 %6.2f ms | %s | %s%n",
        key,
        title,
        result.http().p50(),
        result.http().p95(),
        result.http().p99(),
        result.sql().p50(),
        result.sql().p95(),
        result.sql().p99(),
        result.indexes(),
        planCache);
  }

  private static final Pattern NAMED = Pattern.compile(":(\\w+)");

  /** The statement with JDBC placeholders and its values in placeholder order. */
  private static Map.Entry<String, List<Object>> positional(NativeSql statement) {
    List<Object> values = new ArrayList<>();
    Matcher m = NAMED.matcher(statement.sql());
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      assertThat(statement.parameters()).containsKey(m.group(1));
      values.add(statement.parameters().get(m.group(1)));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return Map.entry(sql.toString(), values);
  }

  /** Binds as Hibernate does: uuid, varchar, int4, timestamptz. */
  private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value instanceof String text) {
        statement.setString(i + 1, text);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  /** Runs one page's statement and reads every column of every row, as the JPA mapping does. */
  private static List<String> runSql(Connection c, ListRequest request) throws SQLException {
    NativeSql statement =
        JpaLeadSearchRepository.sql(
            new BrokerId(UUID.fromString(request.broker().id())), request.search());
    Map.Entry<String, List<Object>> sql = positional(statement);
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.getKey())) {
      bind(ps, sql.getValue());
      try (ResultSet rows = ps.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int col = 1; col <= columns; col++) {
            rows.getObject(col);
          }
          ids.add(rows.getString("id"));
        }
      }
    }
    return ids;
  }

  /** How the server-side statement pgjdbc prepared for this shape was planned so far. */
  private static String pgjdbcPlanCache(Connection c, NativeSql statement) throws SQLException {
    String sql = positional(statement).getKey();
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        numbered.append('$').append(++n);
      } else {
        numbered.append(ch);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = ?")) {
      ps.setString(1, numbered.toString());
      try (ResultSet rows = ps.executeQuery()) {
        if (rows.next()) {
          return rows.getLong(1) + " generic / " + rows.getLong(2) + " custom plans";
        }
      }
    }
    return "not server-prepared";
  }

  /**
   * The plan the plan cache uses once it had its custom plans: the statement is PREPAREd with the
   * types Hibernate binds, executed 8 times with different values, then EXPLAINed.
   */
  private static String explain(Connection c, String key, IntFunction<ListRequest> requests)
      throws SQLException {
    String name = "bench_" + key;
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement()) {
      for (int i = 0; i <= 8; i++) {
        ListRequest request = requests.apply(i * 7 + 1);
        NativeSql statement =
            JpaLeadSearchRepository.sql(
                new BrokerId(UUID.fromString(request.broker().id())), request.search());
        Map.Entry<String, List<Object>> sql = positional(statement);
        if (i == 0) {
          List<String> types = new ArrayList<>();
          for (Object value : sql.getValue()) {
            types.add(
                switch (value) {
                  case UUID u -> "uuid";
                  case String text -> "varchar";
                  case Integer number -> "int4";
                  case Instant instant -> "timestamptz";
                  default -> throw new IllegalStateException("parameter type " + value);
                });
          }
          StringBuilder numbered = new StringBuilder();
          int n = 0;
          for (char ch : sql.getKey().toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
          }
          s.execute("PREPARE " + name + " (" + String.join(", ", types) + ") AS " + numbered);
        }
        String arguments =
            sql.getValue().stream()
                .map(LeadBookBenchmark::literal)
                .collect(Collectors.joining(", "));
        String execute = "EXECUTE " + name + " (" + arguments + ")";
        if (i < 8) {
          s.execute(execute);
        } else {
          try (ResultSet rows = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute)) {
            while (rows.next()) {
              plan.append(rows.getString(1)).append('\n');
            }
          }
          try (ResultSet rows =
              s.executeQuery(
                  "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = '"
                      + name
                      + "'")) {
            rows.next();
            plan.append("-- plan cache after ")
                .append(rows.getLong(1) + rows.getLong(2))
                .append(" executions: ")
                .append(rows.getLong(1))
                .append(" generic, ")
                .append(rows.getLong(2))
                .append(" custom; EXPLAIN of ")
                .append(execute)
                .append('\n');
          }
        }
      }
      s.execute("DEALLOCATE " + name);
    }
    return plan.toString();
  }

  private static String literal(Object value) {
    return switch (value) {
      case UUID u -> "'" + u + "'";
      case String text -> "'" + text.replace("'", "''") + "'";
      case Integer number -> number.toString();
      case Instant instant -> "'" + instant + "'";
      default -> throw new IllegalStateException("parameter type " + value);
    };
  }

  private static final Pattern SCAN =
      Pattern.compile(
          "(Index Only Scan(?: Backward)? using \\S+|Index Scan(?: Backward)? using \\S+"
              + "|Bitmap Index Scan on \\S+|Seq Scan on \\S+)");

  private static String indexesOf(String plan) {
    Set<String> scans = new LinkedHashSet<>();
    Matcher m = SCAN.matcher(plan);
    while (m.find()) {
      scans.add(m.group(1));
    }
    return String.join("; ", scans);
  }

  // ---- import, export ----

  private void exportBroker(Broker broker) throws Exception {
    long live;
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM leads WHERE broker_id = ?::uuid AND deleted_at IS NULL")) {
      ps.setString(1, broker.id());
      try (ResultSet rows = ps.executeQuery()) {
        rows.next();
        live = rows.getLong(1);
      }
    }
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/leads/export"))
            .timeout(Duration.ofMinutes(10))
            .header("Accept", "text/csv")
            .header("Authorization", "Bearer " + broker.token())
            .header("X-Forwarded-For", nextAddress())
            .GET()
            .build();
    long t = System.nanoTime();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long lines = 0;
    long bytes = 0;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = body.read(buffer)) > 0) {
        bytes += read;
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double secs = (System.nanoTime() - t) / 1e9;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(lines - 1).as("one row per live lead after the header").isEqualTo(live);
    transfers.add(
        String.format(
            Locale.ROOT,
            "| export | %,d rows (%,.1f MB CSV) | %.2f s | **%,.0f rows/s** |",
            live,
            bytes / 1e6,
            secs,
            live / secs));
  }

  private void importCsv(Broker broker, int lines) throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "name,phone,email,location,operation,propertyType,budget,budgetCurrency\n");
    long first = 10_000_000L + (long) lines * 10 + broker.index(); // beyond every seeded number
    for (int i = 0; i < lines; i++) {
      long g = first + (long) i * 100;
      long number = subscriber(g);
      String name =
          FIRST_NAMES[i % FIRST_NAMES.length]
              + " "
              + SURNAMES[(i * 7) % SURNAMES.length]
              + " "
              + SURNAMES[(i * 13 + 5) % SURNAMES.length];
      String digits = String.format(Locale.ROOT, "%08d", number);
      boolean rent = i % 4 == 0;
      csv.append(name)
          .append(",9 ")
          .append(digits, 0, 4)
          .append(' ')
          .append(digits, 4, 8)
          .append(',')
          .append(ascii(fold(FIRST_NAMES[i % FIRST_NAMES.length])))
          .append(".imp")
          .append(g)
          .append('@')
          .append(DOMAINS[i % DOMAINS.length])
          .append(',')
          .append(COMUNAS[i % COMUNAS.length])
          .append(rent ? ",arriendo," : ",compra,")
          .append(i % 3 == 0 ? "casa," : "departamento,")
          .append(rent ? 450_000 + (i % 20) * 10_000 : 2_000 + (i % 80) * 50)
          .append(rent ? ",CLP\n" : ",UF\n");
    }
    byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/leads/import"))
            .timeout(Duration.ofMinutes(30))
            .header("Accept", "application/json")
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + broker.token())
            .header("X-Forwarded-For", nextAddress())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long t = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double secs = (System.nanoTime() - t) / 1e9;
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("failed").asInt())
        .as(response.body().substring(0, Math.min(2000, response.body().length())))
        .isZero();
    assertThat(report.get("created").asInt()).isEqualTo(lines);
    transfers.add(
        String.format(
            Locale.ROOT,
            "| import | %,d lines (%,.1f MB CSV) into a broker of %,d leads | %.2f s | **%,.0f"
                + " rows/s** |",
            lines,
            body.length / 1e6,
            LEADS_PER_BROKER,
            secs,
            lines / secs));
    System.out.printf(Locale.ROOT, "[lead-book] import %,d lines: %.1f s%n", lines, secs);
  }

  // ---- HTTP ----

  // ---- pipeline board and metrics, background rescoring ----

  private interface PageCheck {
    void verify(Broker broker, JsonNode body) throws Exception;
  }

  /** Board or metrics of the sample brokers, over HTTP only (several statements per request). */
  private void measurePipeline(String name, String path, PageCheck check) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < WARMUP + TIMED; i++) {
      Broker broker = sampleBroker(i);
      long t = System.nanoTime();
      HttpResponse<String> response = getJson(path, broker.token());
      double elapsed = (System.nanoTime() - t) / 1e6;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      check.verify(broker, JSON.readTree(response.body()));
      if (i >= WARMUP) {
        millis.add(elapsed);
      }
    }
    Stats stats = Stats.of(millis);
    pipeline.put(name + " `" + path + "`", stats);
    System.out.printf(
        Locale.ROOT,
        "[lead-book] %-8s HTTP p50 %6.2f p95 %6.2f p99 %6.2f ms%n",
        name,
        stats.p50(),
        stats.p95(),
        stats.p99());
  }

  private void checkBoard(Broker broker, JsonNode board) {
    long total = 0;
    for (JsonNode column : board.get("stages")) {
      total += column.get("count").asLong();
      assertThat(column.get("items").size()).isLessThanOrEqualTo(20);
    }
    // every live lead of the broker is in one column
    assertThat(total).isBetween((long) (LEADS_PER_BROKER * 0.95), (long) LEADS_PER_BROKER);
  }

  private void checkMetrics(Broker broker, JsonNode metrics) {
    assertThat(metrics.get("stages")).hasSize(7);
    assertThat(metrics.get("conversion").get(0).get("reached").asLong())
        .isBetween((long) (LEADS_PER_BROKER * 0.95), (long) LEADS_PER_BROKER);
    assertThat(metrics.get("weeklyIntake")).hasSize(12);
  }

  /**
   * Changes one broker's thresholds and waits for the background rescoring of all its leads: the
   * throughput of the job (batches of 500, one transaction each, on the scheduler's thread).
   */
  private void rescoreBroker(Broker broker) throws Exception {
    JsonNode config = JSON.readTree(getJson("/api/v1/broker/config/lead", broker.token()).body());
    Map<String, Object> stricter = new LinkedHashMap<>();
    for (String field :
        List.of(
            "fieldWeights",
            "fieldPriority",
            "requiredProfileFields",
            "qualifiedIncome",
            "potentialIncome",
            "acceptableDebt",
            "autoCloseNotQualified")) {
      stricter.put(field, JSON.treeToValue(config.get(field), Object.class));
    }
    stricter.put("coldMaxScore", 20);
    stricter.put("warmMaxScore", 49);
    long t = System.nanoTime();
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/broker/config/lead"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + broker.token())
                .header("X-Forwarded-For", "10.0.0.1")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(stricter)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode run;
    do {
      Thread.sleep(250);
      run = JSON.readTree(getJson("/api/v1/broker/rescoring", broker.token()).body());
    } while (!run.path("status").asText().equals("done")
        && System.nanoTime() - t < Duration.ofMinutes(10).toNanos());
    double seconds = (System.nanoTime() - t) / 1e9;
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
    long processed = run.get("processed").asLong();
    transfers.add(
        String.format(
            Locale.ROOT,
            "| rescoring (new thresholds) | %,d leads of one broker, %,d changed | %.2f s |"
                + " **%,.0f leads/s** |",
            processed,
            run.get("changed").asLong(),
            seconds,
            processed / seconds));
    System.out.printf(Locale.ROOT, "[lead-book] rescoring %,d leads: %.1f s%n", processed, seconds);
  }

  /**
   * The nightly job through the scheduler, twice: the first night finds the seeded book idle (no
   * lead was contacted, stages were entered months ago) and flags most of it; the next night finds
   * nothing new — the cost of an ordinary night.
   */
  private void nightly(DataSource sql) throws Exception {
    for (String night : List.of("first night: whole book idle", "next night")) {
      long open =
          count(
              sql,
              "SELECT count(*) FROM leads WHERE deleted_at IS NULL"
                  + " AND pipeline_stage NOT IN ('won', 'lost')");
      Timestamp from = new Timestamp(System.currentTimeMillis() - 1000);
      long t = System.nanoTime();
      ScheduledJobs.runNow(sql, Inmo.NIGHTLY_JOB, Duration.ofMinutes(60));
      double seconds = (System.nanoTime() - t) / 1e9;
      long flagged = logged(sql, "lead_stale", from);
      long rescored = logged(sql, "score_changed", from);
      transfers.add(
          String.format(
              Locale.ROOT,
              "| nightly job (%s) | %,d open leads of %d brokers: %,d flagged stale, %,d rescored"
                  + " | %.2f s | **%,.0f open leads/s** |",
              night,
              open,
              BROKERS,
              flagged,
              rescored,
              seconds,
              open / seconds));
      System.out.printf(
          Locale.ROOT,
          "[lead-book] nightly job (%s): %,d flagged, %,d rescored, %.1f s%n",
          night,
          flagged,
          rescored,
          seconds);
    }
  }

  private static long logged(DataSource sql, String type, Timestamp from) throws SQLException {
    try (Connection c = sql.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM activity_log WHERE action_type = ? AND actor_type = 'system'"
                    + " AND ts >= ?")) {
      s.setString(1, type);
      s.setTimestamp(2, from);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long count(DataSource sql, String query) throws SQLException {
    try (Connection c = sql.getConnection();
        ResultSet rows = c.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private HttpResponse<String> getJson(String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("X-Forwarded-For", "10.0.0.1")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> list(ListRequest request) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/api/v1/leads?" + request.query()))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + request.token())
            .header("X-Forwarded-For", "10.0.0.1")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", nextAddress())
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A fresh client address per call (10.1.0.0/16), so per-address rate limits never interfere. */
  private String nextAddress() {
    int n = addresses.incrementAndGet();
    return "10.1." + (n / 250 % 250) + "." + (1 + n % 250);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  // ---- report ----

  private String report() {
    StringBuilder md = new StringBuilder();
    md.append("# Lead book benchmark\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%,d leads (%,d soft-deleted) over %d brokers, %,d phone identities; %d agents."
                + " Lists: limit=%d, %d warm-up + %d timed requests per shape over %d brokers,"
                + " one client, sequential. Target: p95 < %.0f ms.%n%n",
            (long) facts.get("leads"),
            (long) facts.get("deleted"),
            BROKERS,
            (long) facts.get("identities"),
            agents.size(),
            PAGE,
            WARMUP,
            TIMED,
            SAMPLE_BROKERS,
            TARGET_P95_MS));
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %s %s, Java %s; %s (%s). Live leads by status: %s."
                + " Table %s, indexes %s.%n%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"),
            facts.get("pgVersion"),
            facts.get("pgSettings"),
            facts.get("statusSpread"),
            facts.get("tableSize"),
            facts.get("indexSize")));
    md.append("## Setup\n\n| step | seconds |\n|---|---:|\n");
    row(md, "register brokers + agents (API)", facts.get("register"));
    row(md, "INSERT leads (generate_series)", facts.get("seedLeads"));
    row(md, "INSERT lead_identities", facts.get("seedIdentities"));
    row(md, "CREATE the secondary indexes again", facts.get("seedIndexes"));
    row(md, "VACUUM (ANALYZE)", facts.get("seedAnalyze"));
    md.append("\nIndexes dropped during the load and rebuilt from their own definitions: ")
        .append(facts.get("rebuiltIndexes"))
        .append(".\n\n");

    md.append("## List latency (ms)\n\n");
    md.append(
        "HTTP = `GET /api/v1/leads` round trip (token check, service, SQL, JSON); SQL = the"
            + " repository's statement over JDBC on one connection, rows read.\n\n");
    md.append(
        "| shape | example query | HTTP p50 | HTTP p95 | HTTP p99 | HTTP max | SQL p50 | SQL p95 |"
            + " SQL p99 | SQL max | p95 < 25 ms | plan |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---|\n");
    for (ShapeResult r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| (%s) %s | `%s` | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
              r.key(),
              r.title(),
              r.example().replaceAll("&cursor=.*", "&cursor=…"),
              r.http().p50(),
              r.http().p95(),
              r.http().p99(),
              r.http().max(),
              r.sql().p50(),
              r.sql().p95(),
              r.sql().p99(),
              r.sql().max(),
              r.http().p95() < TARGET_P95_MS ? "yes" : "**no**",
              r.indexes()));
    }
    md.append(
        "\n## Pipeline board and metrics (ms, HTTP; target p95 < 50 ms)\n\n"
            + "| request | p50 | p95 | p99 | max | p95 < 50 ms |\n|---|---:|---:|---:|---:|:---:|\n");
    pipeline.forEach(
        (name, r) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %s |%n",
                    name,
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.max(),
                    r.p95() < 50 ? "yes" : "**no**")));
    md.append(
        "\n## Import, export and rescoring\n\n| | size | time | rate |\n|---|---|---:|---:|\n");
    transfers.forEach(line -> md.append(line).append('\n'));
    md.append(String.format(Locale.ROOT, "%nTotal run: %.0f s.%n", (double) facts.get("total")));

    md.append("\n## Plans\n\n");
    md.append(
        "Each statement PREPAREd with the parameter types Hibernate binds, executed 8 times with"
            + " other values (the plan cache decides between custom and generic plans after 5),"
            + " then `EXPLAIN (ANALYZE, BUFFERS) EXECUTE`. The statement pgjdbc prepared during"
            + " the timed run is reported as 'pgjdbc'.\n\n");
    for (ShapeResult r : results) {
      md.append("### (").append(r.key()).append(") ").append(r.title()).append("\n\n");
      md.append("pgjdbc: ").append(r.planCache()).append("\n\n");
      md.append("```sql\n").append(r.sqlText()).append("\n```\n\n");
      md.append("```\n").append(r.plan()).append("```\n\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String step, Object seconds) {
    md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", step, (double) seconds));
  }
}
