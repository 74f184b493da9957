package io.inmo.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.bench.TelegramStub.Receipt;
import io.inmo.bootstrap.config.AppConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversations under load (issue 5, ADR 0015; PRODUCT §7: a webhook is acknowledged within 50 ms
 * after the message is stored and its turn scheduled). Starts Inmo on a fresh database with a
 * WireMock stub as the Telegram Bot API (answers at once) and the built-in offline Spanish agent
 * (rules, no model: about a millisecond), registers brokers through the API with their own bot and
 * webhook secret, and measures:
 *
 * <ol>
 *   <li>webhook acknowledgement latency ({@code POST /webhooks/telegram/{slug}}) at increasing
 *       open-loop rates (requests leave on a fixed schedule, each from its own client thread, and
 *       latency is counted from the scheduled instant, so a slow server cannot hide behind a slow
 *       client — no coordinated omission), updates cycling over {@code bench.chats} chats that
 *       already are leads, until p99 reaches 50 ms or the turns stop keeping up;
 *   <li>end-to-end turn latency of single messages at a low rate: webhook POST to the {@code
 *       sendMessage} request arriving at the stub, minus the broker's burst window, with a
 *       breakdown from the stored timestamps;
 *   <li>throughput: {@code bench.floodLeads} new leads writing one message each at once, first POST
 *       to last {@code sendMessage}.
 * </ol>
 *
 * Speed is reported, not asserted; that every message got exactly one reply is asserted. On a
 * 2-core machine anything else running is measured too: each measurement waits until other
 * processes leave the machine alone and is repeated when they disturbed it (CPU of this JVM, of
 * PostgreSQL and of the rest is in the report).
 *
 * <p>Not part of the normal build (tag {@code benchmark}). Run only this one with {@code ./inmo mvn
 * -B -o -pl bootstrap verify -Pbenchmark -Dtest=ConversationBenchmark} and {@code
 * TEST_PG_URL}/{@code TEST_REDIS_URL} set; the report goes to {@code
 * bootstrap/target/benchmarks/conversations.md}. Knobs: {@code -Dbench.rates=20,30,...}, {@code
 * -Dbench.stepSeconds=12}, {@code -Dbench.brokers=20}, {@code -Dbench.chats=2000}, {@code
 * -Dbench.burstWindow=0}, {@code -Dbench.warmRate=60 -Dbench.warmSeconds=30}, {@code
 * -Dbench.e2eMessages=400 -Dbench.e2eRate=20}, {@code -Dbench.floodLeads=2000
 * -Dbench.floodClients=32}, {@code -Dbench.attempts=3 -Dbench.quietWaitSeconds=120}, {@code
 * -Dbench.virtualClient=true}, {@code -Dbench.jfr=true} (a JFR profile of the whole run next to the
 * report), {@code -Dbench.holdMinutes=N} (keep the database and Inmo up afterwards, for psql).
 */
@Tag("benchmark")
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Providencia-Norte-2026";
  private static final double TARGET_P99_MS = 50.0;

  private static final int BROKERS = Integer.getInteger("bench.brokers", 20);
  private static final int CHATS = Integer.getInteger("bench.chats", 2000);
  private static final String RATES =
      System.getProperty("bench.rates", "20,30,40,50,60,70,80,100,120,150,200");
  private static final int WARM_RATE = Integer.getInteger("bench.warmRate", 60);
  private static final int WARM_SECONDS = Integer.getInteger("bench.warmSeconds", 30);
  private static final int STEP_SECONDS = Integer.getInteger("bench.stepSeconds", 12);
  private static final int BURST_WINDOW = Integer.getInteger("bench.burstWindow", 0);
  private static final int E2E_MESSAGES = Integer.getInteger("bench.e2eMessages", 400);
  private static final int E2E_RATE = Integer.getInteger("bench.e2eRate", 20);
  private static final int FLOOD_LEADS = Integer.getInteger("bench.floodLeads", 2000);
  private static final int FLOOD_CLIENTS = Integer.getInteger("bench.floodClients", 32);
  private static final boolean JFR = Boolean.getBoolean("bench.jfr");
  private static final int QUIET_WAIT_SECONDS = Integer.getInteger("bench.quietWaitSeconds", 120);
  private static final int ATTEMPTS = Integer.getInteger("bench.attempts", 3);

  /** Other processes using more CPU than this during a measurement disturb it (2 cores). */
  private static final double FOREIGN_CPU_LIMIT = 0.10;

  /** CPU of the machine that no process seen accounts for, beyond which a measurement is redone. */
  private static final double UNSEEN_CPU_LIMIT = 0.20;

  /** A step still passes when the turns caught up within this long after its last request. */
  private static final Duration CAUGHT_UP = Duration.ofSeconds(2);

  private static final long POOL_CHAT = 700_000_000L;
  private static final long E2E_CHAT = 750_000_000L;
  private static final long FLOOD_CHAT = 800_000_000L;

  private static final String[] TEXTS = {
    "Hola, busco depto en Ñuñoa",
    "¿Tienen casas en arriendo en Maipú?",
    "Quiero comprar un departamento de 2 dormitorios",
    "Mi presupuesto es de 4.000 UF",
    "¿Qué hay disponible cerca del metro Los Leones?",
    "Busco oficina en Providencia para arrendar",
    "¿El depto de Irarrázaval sigue disponible?",
    "Somos cuatro, necesitamos 3 dormitorios y estacionamiento"
  };
  private static final String[][] SENDERS = {
    {"Lucía", "Fernández"}, {"Tomás", "Muñoz"}, {"Javiera", "Rojas"}, {"Benjamín", "Soto"},
    {"Catalina", "Pérez"}, {"Matías", "González"}, {"Inés", "Díaz"}, {"Joaquín", "Silva"}
  };
  private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"([a-z]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger addresses = new AtomicInteger();
  private final AtomicLong updateIds = new AtomicLong(1_000_000);
  private final List<Broker> brokers = new ArrayList<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final List<StepResult> steps = new ArrayList<>();
  private long poolCursor;

  private PgDatabase database;
  private DataSource sql;
  private TelegramStub telegram;
  private Inmo inmo;
  private URI base;
  private Recording recording;
  private Cpu idle;
  private AccessLogTap accessLog;

  private record Broker(int index, String id, String slug, String secret, String botToken) {}

  /** One Telegram update for a chat of a broker. */
  private record Update(Broker broker, long chatId, long updateId, String json) {}

  /**
   * One webhook request: when it should have left (open loop), when it left, when the answer was
   * read ({@link System#nanoTime()}), the wall clock when it left, and the answer.
   */
  private record Shot(
      Update update,
      long intended,
      long sent,
      long done,
      long sentMicros,
      int status,
      String result,
      String requestId) {
    double responseMillis() {
      return (done - intended) / 1e6;
    }

    double serviceMillis() {
      return (done - sent) / 1e6;
    }

    boolean stored() {
      return status == 200 && "stored".equals(result);
    }
  }

  private record Stats(
      int count, double p50, double p90, double p95, double p99, double max, double mean) {
    static Stats of(List<Double> millis) {
      if (millis.isEmpty()) {
        return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Stats(
          sorted.length,
          rank(sorted, 0.50),
          rank(sorted, 0.90),
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

  /**
   * CPU used over an interval, in cores: this JVM (Inmo, WireMock and the client); PostgreSQL (the
   * backends of the benchmark's database and the server's own processes); foreign = every other
   * user process (other databases' backends, builds and tests of others on the machine); the whole
   * machine (the rest is the kernel, Redis and processes too short-lived to be seen).
   */
  private record Cpu(double jvmCores, double pgCores, double foreignCores, double machineCores) {
    String describe() {
      return String.format(
          Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", jvmCores, pgCores, foreignCores, machineCores);
    }

    /**
     * Other processes used more than {@value #FOREIGN_CPU_LIMIT} cores, or the machine spent more
     * than {@value #UNSEEN_CPU_LIMIT} cores nobody seen here accounts for (processes that came and
     * went: a build's forks).
     */
    boolean disturbed() {
      return foreignCores > FOREIGN_CPU_LIMIT
          || machineCores - jvmCores - pgCores - foreignCores > UNSEEN_CPU_LIMIT;
    }
  }

  private record StepResult(
      int rate,
      int sent,
      double achievedRate,
      Stats response,
      Stats service,
      Stats inmo,
      int errors,
      double repliesPerSecond,
      Stats endToEnd,
      int backlog,
      double catchUpSeconds,
      Cpu cpu,
      boolean pass,
      String why) {}

  // ------------------------------------------------------------------ lifecycle

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) throws Exception {
    this.database = database;
    this.sql = database.dataSource();
    CpuSample.database = database.name();
    telegram = new TelegramStub();
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
    env.put("INMO_JWT_SECRET", "secreto-de-firma-para-el-benchmark-de-conversaciones");
    env.put("INMO_TELEGRAM_API_URL", telegram.baseUrl());
    env.put("INMO_WHATSAPP_API_URL", telegram.baseUrl());
    env.put(
        "INMO_ADMIN_EMAIL",
        "plataforma." + UUID.randomUUID().toString().substring(0, 8) + "@inmo.cl");
    AppConfig config = AppConfig.from(env, Path.of(System.getProperty("java.io.tmpdir")));
    facts.put("dbPool", config.databasePoolSize());
    inmo = Inmo.start(config);
    accessLog = AccessLogTap.attach();
    base = URI.create("http://127.0.0.1:" + inmo.port());
    if (JFR) {
      recording = new Recording(Configuration.getConfiguration("profile"));
      recording.setName("conversation-benchmark");
      recording.start();
    }
  }

  @AfterAll
  void stop() {
    if (accessLog != null) {
      accessLog.close();
    }
    if (inmo != null) {
      inmo.close();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void givenManyChats_whenTheyWrite_thenAcksTurnsAndThroughputReported() throws Exception {
    long started = System.nanoTime();
    registerBrokers();
    facts.put("register", seconds(started));
    describeDatabase();

    // warm-up: every chat of the pool writes its first message (creates its lead), closed loop
    awaitQuietMachine("the warm-up");
    long t = System.nanoTime();
    List<Shot> warm = closedLoop(CHATS, 8, i -> update(pool(i), "Hola"));
    facts.put("warmupLeads", seconds(t));
    assertAllStored(warm, "warm-up");
    awaitReplies(warm, Duration.ofSeconds(120), "warm-up");
    facts.put("warmupAck", Stats.of(warm.stream().map(Shot::serviceMillis).toList()));
    facts.put("autovacuum", analyze());
    List<Integer> rates =
        Arrays.stream(RATES.split(",")).map(String::strip).map(Integer::parseInt).toList();
    // an unrecorded open-loop run: the request path of a known lead gets compiled (the JIT keeps
    // compiling Hibernate, Jersey, Jetty and Jackson code for well over a minute)
    awaitQuietMachine("the warm-up step");
    List<Shot> warmStep =
        openLoop(WARM_RATE, WARM_RATE * WARM_SECONDS, i -> update(nextPoolChat(), text(i)));
    awaitReplies(warmStep, Duration.ofSeconds(60), "warm-up step");

    // 1. webhook acknowledgement at increasing rates, up to the first clean failure
    int lastPass = 0;
    int firstFail = 0;
    for (int rate : rates) {
      StepResult result = step(rate);
      if (result.pass()) {
        lastPass = rate;
      } else if (!result.cpu().disturbed()) {
        firstFail = rate;
        break;
      }
    }
    // the first rate already too much: halve it until one passes
    int lower = rates.getFirst() / 2;
    while (lastPass == 0 && lower >= 5) {
      if (step(lower).pass()) {
        lastPass = lower;
        firstFail = lower * 2;
      }
      lower /= 2;
    }
    if (firstFail > 0 && lastPass > 0) {
      int middle = (lastPass + firstFail) / 2 / 5 * 5;
      if (middle > lastPass && middle < firstFail) {
        if (step(middle).pass()) {
          lastPass = middle;
        }
      }
    }
    facts.put("sustained", lastPass);

    // 2. end-to-end latency of single messages at a low rate (other chats when measured again)
    for (int n = 0; n < ATTEMPTS && (n == 0 || ((Cpu) facts.get("e2eCpu")).disturbed()); n++) {
      endToEnd(E2E_CHAT + n * 10_000_000L);
    }

    // 3. many new leads at once (other new leads when measured again)
    for (int n = 0; n < ATTEMPTS && (n == 0 || floodCpu().disturbed()); n++) {
      flood(FLOOD_CHAT + n * 10_000_000L);
    }

    facts.put("total", seconds(started));
    if (recording != null) {
      Path jfr = reportDir().resolve("conversations.jfr");
      recording.dump(jfr);
      recording.close();
      facts.put("jfr", jfr.toAbsolutePath().toString());
    }
    String report = report();
    Path out = reportDir().resolve("conversations.md");
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("[conversations] report written to " + out.toAbsolutePath());
    int hold = Integer.getInteger("bench.holdMinutes", 0);
    if (hold > 0) {
      System.out.println(
          "[conversations] holding "
              + database.jdbcUrl()
              + " and "
              + base
              + " for "
              + hold
              + " min");
      Thread.sleep(Duration.ofMinutes(hold));
    }
  }

  // ------------------------------------------------------------------ 1. acknowledgement

  /** A step at {@code rate}; measured again (up to {@code bench.attempts}) while disturbed. */
  private StepResult step(int rate) throws Exception {
    StepResult result = attempt(rate);
    for (int n = 1; n < ATTEMPTS && result.cpu().disturbed(); n++) {
      System.out.printf(
          Locale.ROOT,
          "[conversations] %d/s disturbed (other processes used %.2f cores): once more%n",
          rate,
          result.cpu().foreignCores());
      result = attempt(rate);
    }
    steps.add(result);
    return result;
  }

  private StepResult attempt(int rate) throws Exception {
    awaitQuiet(Duration.ofSeconds(60));
    awaitQuietMachine(rate + "/s");
    int count = rate * STEP_SECONDS;
    int repliesBefore = telegram.total();
    CpuSample cpuBefore = CpuSample.now();
    long first = System.nanoTime();
    List<Shot> shots = openLoop(rate, count, i -> update(nextPoolChat(), text(i)));
    long last = shots.stream().mapToLong(Shot::done).max().orElse(first);
    Cpu cpu = CpuSample.now().since(cpuBefore);
    int repliesDuring = telegram.total() - repliesBefore;
    int backlog = pendingTurns();
    long caughtUp = awaitReplies(shots, Duration.ofSeconds(120), "rate " + rate);
    double catchUp = Math.max(0, (caughtUp - last) / 1e9);

    List<Shot> ok = shots.stream().filter(Shot::stored).toList();
    int errors = shots.size() - ok.size();
    Stats response = Stats.of(shots.stream().map(Shot::responseMillis).toList());
    Stats service = Stats.of(shots.stream().map(Shot::serviceMillis).toList());
    double windowSeconds = (last - first) / 1e9;
    double achieved = ok.size() / windowSeconds;
    Stats e2e = Stats.of(endToEndMillis(ok));

    List<String> why = new ArrayList<>();
    if (response.p99() >= TARGET_P99_MS) {
      why.add(String.format(Locale.ROOT, "p99 %.1f ms", response.p99()));
    }
    if (errors > 0) {
      why.add(errors + " not stored");
    }
    if (achieved < 0.95 * rate) {
      why.add(String.format(Locale.ROOT, "only %.0f/s acknowledged", achieved));
    }
    if (catchUp > CAUGHT_UP.toMillis() / 1000.0) {
      why.add(String.format(Locale.ROOT, "turns %.1f s behind", catchUp));
    }
    StepResult result =
        new StepResult(
            rate,
            shots.size(),
            achieved,
            response,
            service,
            inmoMillis(shots),
            errors,
            repliesDuring / windowSeconds,
            e2e,
            backlog,
            catchUp,
            cpu,
            why.isEmpty(),
            String.join(", ", why));
    System.out.printf(
        Locale.ROOT,
        "[conversations] %d/s: ack p50 %.1f p95 %.1f p99 %.1f max %.1f ms (in Inmo p99 %.0f);"
            + " %d errors;"
            + " replies %.0f/s; e2e p50 %.0f p99 %.0f ms; backlog %d, caught up %.1f s;"
            + " CPU jvm/pg/foreign/machine %s cores; %s%n",
        rate,
        response.p50(),
        response.p95(),
        response.p99(),
        response.max(),
        result.inmo().p99(),
        errors,
        result.repliesPerSecond(),
        e2e.p50(),
        e2e.p99(),
        backlog,
        catchUp,
        cpu.describe(),
        result.pass() ? "pass" : "FAIL (" + result.why() + ")");
    return result;
  }

  /**
   * Sends {@code count} updates at {@code rate} per second on a fixed schedule, each from its own
   * client thread, whatever the earlier ones are doing.
   */
  private List<Shot> openLoop(double rate, int count, IntFunction<Update> next) {
    Shot[] shots = new Shot[count];
    long period = (long) (1e9 / rate);
    long start = System.nanoTime() + 20_000_000L;
    try (ExecutorService senders = clientThreads()) {
      for (int i = 0; i < count; i++) {
        long intended = start + i * period;
        Update update = next.apply(i);
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        int index = i;
        senders.submit(() -> shots[index] = post(update, intended));
      }
    }
    return List.of(shots);
  }

  /** Sends {@code count} updates from {@code clients} clients, each waiting for its answer. */
  private List<Shot> closedLoop(int count, int clients, IntFunction<Update> next) throws Exception {
    Shot[] shots = new Shot[count];
    AtomicInteger cursor = new AtomicInteger();
    try (ExecutorService senders = clientThreads()) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            senders.submit(
                () -> {
                  int i;
                  while ((i = cursor.getAndIncrement()) < count) {
                    shots[i] = post(next.apply(i), System.nanoTime());
                  }
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    }
    return List.of(shots);
  }

  /**
   * The client's threads: platform threads by default, which the kernel schedules apart from Inmo's
   * virtual threads (a client on Inmo's two carrier threads would wait behind a turn to note an
   * answer); {@code -Dbench.virtualClient=true} for virtual ones.
   */
  private static ExecutorService clientThreads() {
    return Boolean.getBoolean("bench.virtualClient")
        ? Executors.newVirtualThreadPerTaskExecutor()
        : Executors.newCachedThreadPool();
  }

  private Shot post(Update update, long intended) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/webhooks/telegram/" + update.broker().slug()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", update.broker().secret())
            .POST(HttpRequest.BodyPublishers.ofString(update.json(), StandardCharsets.UTF_8))
            .build();
    long sentMicros = epochMicros();
    long sent = System.nanoTime();
    int status;
    String result = null;
    String requestId = null;
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      Matcher matcher = RESULT.matcher(response.body());
      result = matcher.find() ? matcher.group(1) : response.body();
      requestId = response.headers().firstValue("X-Request-Id").orElse(null);
    } catch (IOException e) {
      status = -1;
      result = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
      result = "interrupted";
    }
    return new Shot(
        update, intended, sent, System.nanoTime(), sentMicros, status, result, requestId);
  }

  // ------------------------------------------------------------------ 2. end to end

  private void endToEnd(long chats) throws Exception {
    awaitQuiet(Duration.ofSeconds(60));
    // first messages of E2E_MESSAGES chats, so that the lead exists: the timed message is a reply
    List<Shot> first =
        closedLoop(E2E_MESSAGES, 8, i -> update(chat(chats, i), "Hola, ¿siguen atendiendo?"));
    assertAllStored(first, "end-to-end setup");
    awaitReplies(first, Duration.ofSeconds(60), "end-to-end setup");
    awaitQuiet(Duration.ofSeconds(60));

    awaitQuietMachine("the end-to-end run");
    CpuSample cpuBefore = CpuSample.now();
    List<Shot> shots = openLoop(E2E_RATE, E2E_MESSAGES, i -> update(chat(chats, i), text(i)));
    assertAllStored(shots, "end-to-end");
    awaitReplies(shots, Duration.ofSeconds(60), "end-to-end");
    facts.put("e2eCpu", CpuSample.now().since(cpuBefore));
    double burstMillis = BURST_WINDOW * 1000.0;
    facts.put("e2e", Stats.of(endToEndMillis(shots).stream().map(ms -> ms - burstMillis).toList()));
    facts.put("e2eAck", Stats.of(shots.stream().map(Shot::responseMillis).toList()));
    facts.put("e2eInmo", inmoMillis(shots));

    // where the time goes, from the timestamps Inmo stored (its own clock, microseconds)
    Map<Long, long[]> stored = storedTimes(shots);
    List<Double> toStore = new ArrayList<>();
    List<Double> toReply = new ArrayList<>();
    List<Double> toSend = new ArrayList<>();
    for (Shot shot : shots) {
      long[] times = stored.get(shot.update().updateId());
      Receipt receipt = telegram.firstAfter(shot.update().chatId(), shot.sent());
      if (times == null || receipt == null) {
        continue;
      }
      toStore.add((times[0] - shot.sentMicros()) / 1000.0);
      toReply.add((times[1] - times[0]) / 1000.0 - burstMillis);
      toSend.add((receipt.epochMicros() - times[1]) / 1000.0);
    }
    facts.put("e2eStore", Stats.of(toStore));
    facts.put("e2eReply", Stats.of(toReply));
    facts.put("e2eSend", Stats.of(toSend));
  }

  /** Per update id: the inbound row's {@code created_at} and its reply's, in epoch microseconds. */
  private Map<Long, long[]> storedTimes(List<Shot> shots) throws SQLException {
    Map<Long, long[]> times = new HashMap<>();
    try (Connection c = sql.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT i.provider_message_id,"
                    + " (extract(epoch FROM i.created_at) * 1000000)::bigint,"
                    + " (extract(epoch FROM o.created_at) * 1000000)::bigint"
                    + " FROM chat_messages i"
                    + " JOIN LATERAL (SELECT created_at FROM chat_messages o"
                    + "   WHERE o.broker_id = i.broker_id AND o.lead_id = i.lead_id"
                    + "   AND o.direction = 'outbound' AND o.created_at >= i.created_at"
                    + "   ORDER BY o.created_at LIMIT 1) o ON true"
                    + " WHERE i.direction = 'inbound' AND i.provider = 'telegram'"
                    + " AND i.provider_message_id = ANY (?)")) {
      Array ids =
          c.createArrayOf(
              "text", shots.stream().map(s2 -> Long.toString(s2.update().updateId())).toArray());
      s.setArray(1, ids);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          times.put(
              Long.parseLong(rows.getString(1)), new long[] {rows.getLong(2), rows.getLong(3)});
        }
      }
    }
    return times;
  }

  /** The milliseconds Inmo's access log gave the requests (whole milliseconds). */
  private Stats inmoMillis(List<Shot> shots) {
    List<Double> millis = new ArrayList<>();
    for (Shot shot : shots) {
      Long taken = accessLog.millis(shot.requestId());
      if (taken != null) {
        millis.add(taken.doubleValue());
      }
    }
    return Stats.of(millis);
  }

  /** Each stored update's reply: the first {@code sendMessage} to its chat after it was posted. */
  private List<Double> endToEndMillis(List<Shot> shots) {
    List<Double> millis = new ArrayList<>();
    for (Shot shot : shots) {
      if (!shot.stored()) {
        continue;
      }
      Receipt receipt = telegram.firstAfter(shot.update().chatId(), shot.sent());
      if (receipt != null) {
        millis.add((receipt.nanos() - shot.sent()) / 1e6);
      }
    }
    return millis;
  }

  // ------------------------------------------------------------------ 3. throughput

  @SuppressWarnings("unchecked")
  private Cpu floodCpu() {
    return (Cpu) ((Map<String, Object>) facts.get("flood")).get("cpu");
  }

  private void flood(long chats) throws Exception {
    awaitQuiet(Duration.ofSeconds(60));
    awaitQuietMachine("the flood");
    Map<String, Long> dbBefore = databaseCounters();
    Map<String, long[]> tablesBefore = tableCounters();
    CpuSample cpuBefore = CpuSample.now();
    long first = System.nanoTime();
    List<Shot> shots = closedLoop(FLOOD_LEADS, FLOOD_CLIENTS, i -> update(chat(chats, i), text(i)));
    long ingested = shots.stream().mapToLong(Shot::done).max().orElseThrow();
    assertAllStored(shots, "flood");
    long lastReply = awaitReplies(shots, Duration.ofSeconds(180), "flood");
    Cpu cpu = CpuSample.now().since(cpuBefore);
    Thread.sleep(1500); // PostgreSQL flushes its statistics at most once a second
    Map<String, Long> dbAfter = databaseCounters();
    Map<String, long[]> tablesAfter = tableCounters();

    // every new lead got exactly one reply
    int missing = 0;
    int duplicates = 0;
    List<Long> replyTimes = new ArrayList<>();
    for (Shot shot : shots) {
      List<Receipt> receipts = telegram.receipts(shot.update().chatId());
      if (receipts.isEmpty()) {
        missing++;
      } else {
        replyTimes.add(receipts.getFirst().nanos());
        if (receipts.size() > 1) {
          duplicates++;
        }
      }
    }
    assertThat(missing).as("flood: leads without a reply").isZero();
    assertThat(duplicates).as("flood: leads with more than one reply").isZero();
    replyTimes.sort(Long::compare);
    int repliedWhileIngesting = (int) replyTimes.stream().filter(n -> n <= ingested).count();

    Map<String, Object> flood = new LinkedHashMap<>();
    flood.put("leads", shots.size());
    flood.put("ingestSeconds", (ingested - first) / 1e9);
    flood.put("ackRate", shots.size() / ((ingested - first) / 1e9));
    flood.put("ack", Stats.of(shots.stream().map(Shot::serviceMillis).toList()));
    flood.put("ackInmo", inmoMillis(shots));
    flood.put("totalSeconds", (lastReply - first) / 1e9);
    flood.put("turnsPerSecond", shots.size() / ((lastReply - first) / 1e9));
    flood.put("repliedWhileIngesting", repliedWhileIngesting);
    flood.put(
        "drainRate",
        (shots.size() - repliedWhileIngesting)
            / Math.max(1e-9, (lastReply - Math.max(ingested, first)) / 1e9));
    flood.put("half", (replyTimes.get(replyTimes.size() / 2 - 1) - first) / 1e9);
    flood.put("ninety", (replyTimes.get((int) (replyTimes.size() * 0.9) - 1) - first) / 1e9);
    flood.put("cpu", cpu);
    Map<String, Double> perTurn = new LinkedHashMap<>();
    dbAfter.forEach(
        (key, after) -> perTurn.put(key, (after - dbBefore.get(key)) / (double) shots.size()));
    flood.put("perTurn", perTurn);
    Map<String, double[]> tables = new LinkedHashMap<>();
    tablesAfter.forEach(
        (table, after) -> {
          long[] before = tablesBefore.getOrDefault(table, new long[after.length]);
          double[] delta = new double[after.length];
          boolean any = false;
          for (int k = 0; k < after.length; k++) {
            delta[k] = (after[k] - before[k]) / (double) shots.size();
            any |= delta[k] > 0;
          }
          if (any) {
            tables.put(table, delta);
          }
        });
    flood.put("tables", tables);
    flood.put("analyzed", analyzed());
    flood.put(
        "failedReplies",
        count(
            "SELECT count(*) FROM chat_messages WHERE direction ="
                + " 'outbound' AND delivery_status <> 'sent'"));
    facts.put("flood", flood);
    System.out.printf(
        Locale.ROOT,
        "[conversations] flood: %d leads posted in %.1f s (%.0f/s), last reply after %.1f s:"
            + " %.0f turns/s; %s per turn%n",
        shots.size(),
        flood.get("ingestSeconds"),
        flood.get("ackRate"),
        flood.get("totalSeconds"),
        flood.get("turnsPerSecond"),
        perTurn);
  }

  // ------------------------------------------------------------------ waiting

  /**
   * Waits until every stored update has its reply at the stub; the instant ({@link
   * System#nanoTime()}) the last one arrived.
   */
  private long awaitReplies(List<Shot> shots, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Shot> waiting = new ArrayList<>(shots.stream().filter(Shot::stored).toList());
    long latest = 0;
    while (true) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        Shot shot = it.next();
        Receipt receipt = telegram.firstAfter(shot.update().chatId(), shot.sent());
        if (receipt != null) {
          latest = Math.max(latest, receipt.nanos());
          it.remove();
        }
      }
      if (waiting.isEmpty()) {
        return latest;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            what
                + ": "
                + waiting.size()
                + " messages still without a reply after "
                + timeout
                + "; pending turns "
                + pendingTurns());
      }
      Thread.sleep(20);
    }
  }

  /** Waits until no turn is pending and no reply is queued. */
  private void awaitQuiet(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pendingTurns() > 0
        || count(
                "SELECT count(*) FROM chat_messages WHERE direction = 'outbound'"
                    + " AND delivery_status = 'queued'")
            > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("turns still pending after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private int pendingTurns() throws SQLException {
    return (int) count("SELECT count(*) FROM conversations WHERE turn_due_at IS NOT NULL");
  }

  private static void assertAllStored(List<Shot> shots, String what) {
    List<String> bad =
        shots.stream()
            .filter(s -> !s.stored())
            .limit(5)
            .map(s -> s.status() + " " + s.result())
            .toList();
    assertThat(bad).as(what + ": webhook requests not stored").isEmpty();
  }

  // ------------------------------------------------------------------ brokers, updates

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
    HttpResponse<String> registered =
        exchange(
            "POST",
            "/api/v1/auth/register",
            Map.of(
                "brokerName",
                "Corredora Conversaciones " + index,
                "name",
                "Valentina Soto",
                "email",
                "valentina." + suffix + "@corredora.cl",
                "password",
                PASSWORD),
            null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(registered.body());
    String token = body.get("accessToken").asText();
    String botToken =
        String.format(Locale.ROOT, "71%08d:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", index);
    String secret = "secreto-webhook-bench-" + suffix;
    HttpResponse<String> configured =
        exchange(
            "PUT",
            "/api/v1/broker/config/chat",
            Map.of(
                "enabledProviders",
                List.of("webchat", "telegram"),
                "defaultProvider",
                "telegram",
                "telegram",
                Map.of("botToken", botToken, "webhookSecret", secret),
                "burstWindowSeconds",
                BURST_WINDOW,
                "takeoverIdleMinutes",
                60),
            token);
    assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
    HttpResponse<String> broker = exchange("GET", "/api/v1/broker", null, token);
    assertThat(broker.statusCode()).as(broker.body()).isEqualTo(200);
    return new Broker(
        index,
        body.get("user").get("brokerId").asText(),
        JSON.readTree(broker.body()).get("slug").asText(),
        secret,
        botToken);
  }

  /** Chat {@code i} of a range; its broker is {@code i mod brokers}. */
  private long chat(long range, int i) {
    return range + i;
  }

  private long pool(int i) {
    return chat(POOL_CHAT, i % CHATS);
  }

  /** The chats of the pool in turn, so that each writes again only after all the others did. */
  private long nextPoolChat() {
    return pool((int) (poolCursor++ % CHATS));
  }

  private static String text(int i) {
    return TEXTS[i % TEXTS.length];
  }

  private Update update(long chatId, String text) {
    Broker broker = brokers.get((int) (chatId % BROKERS));
    long updateId = updateIds.incrementAndGet();
    String[] sender = SENDERS[(int) (chatId % SENDERS.length)];
    String json =
        """
        {"update_id": %d,
         "message": {"message_id": %d, "date": %d,
           "from": {"id": %d, "is_bot": false, "first_name": "%s", "last_name": "%s",
                    "language_code": "es"},
           "chat": {"id": %d, "first_name": "%s", "type": "private"},
           "text": "%s"}}
        """
            .formatted(
                updateId,
                updateId % 100_000,
                Instant.now().getEpochSecond(),
                chatId,
                sender[0],
                sender[1],
                chatId,
                sender[0],
                text);
    return new Update(broker, chatId, updateId, json);
  }

  private HttpResponse<String> exchange(String method, String path, Object json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("X-Forwarded-For", nextAddress())
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json)));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
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

  // ------------------------------------------------------------------ database, CPU

  private void describeDatabase() throws SQLException {
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT version(), current_setting('shared_buffers'),"
                    + " current_setting('synchronous_commit'),"
                    + " current_setting('max_connections')")) {
      rows.next();
      facts.put("pgVersion", rows.getString(1).replaceAll(" on .*", ""));
      facts.put(
          "pgSettings",
          "shared_buffers "
              + rows.getString(2)
              + ", synchronous_commit "
              + rows.getString(3)
              + ", max_connections "
              + rows.getString(4));
    }
  }

  /** Counters of this database in {@code pg_stat_database}. */
  private Map<String, Long> databaseCounters() throws SQLException {
    Map<String, Long> counters = new LinkedHashMap<>();
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted,"
                    + " tup_updated, tup_deleted FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
      rows.next();
      for (String column :
          List.of(
              "xact_commit",
              "xact_rollback",
              "tup_returned",
              "tup_fetched",
              "tup_inserted",
              "tup_updated",
              "tup_deleted")) {
        counters.put(column, rows.getLong(column));
      }
    }
    return counters;
  }

  /**
   * Scans since the statistics were reset: per index of {@code pg_stat_user_indexes} (scans, index
   * entries read, live rows fetched) and per table the sequential scans (scans, rows read, rows
   * read).
   */
  private Map<String, long[]> tableCounters() throws SQLException {
    Map<String, long[]> counters = new LinkedHashMap<>();
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT indexrelname, idx_scan, idx_tup_read, idx_tup_fetch"
                    + " FROM pg_stat_user_indexes"
                    + " UNION ALL SELECT relname || ' (sequential scan)', seq_scan, seq_tup_read,"
                    + " seq_tup_read FROM pg_stat_user_tables")) {
      while (rows.next()) {
        counters.put(
            rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
      }
    }
    return counters;
  }

  /**
   * {@code VACUUM (ANALYZE)} of the database, as autovacuum would have done by now on a server that
   * runs it (the test server may not: CI configurations turn it off). Without statistics the
   * generic plans cached on Inmo's connections while the tables were empty stay: lookups by {@code
   * (broker_id, id)} then walk the broker's part of {@code (broker_id, lead_id)} indexes. Returns
   * the server's {@code autovacuum} setting.
   */
  private String analyze() throws SQLException {
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
      try (ResultSet rows = s.executeQuery("SELECT current_setting('autovacuum')")) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** When the conversation tables were last analyzed, and their rows then and now. */
  private String analyzed() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT t.relname, t.n_live_tup, c.reltuples::bigint,"
                    + " greatest(t.last_analyze, t.last_autoanalyze) IS NOT NULL,"
                    + " t.analyze_count + t.autoanalyze_count FROM pg_stat_user_tables t"
                    + " JOIN pg_class c ON c.oid = t.relid"
                    + " WHERE t.relname IN ('conversations', 'chat_messages', 'leads')"
                    + " ORDER BY t.relname")) {
      while (rows.next()) {
        tables.add(
            String.format(
                Locale.ROOT,
                "%s %,d rows (planner's estimate %,d; %s)",
                rows.getString(1),
                rows.getLong(2),
                rows.getLong(3),
                rows.getBoolean(4) ? "analyzed " + rows.getLong(5) + "×" : "never analyzed"));
      }
    }
    return String.join(", ", tables);
  }

  private long count(String query) throws SQLException {
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * CPU time at one instant ({@code /proc}, clock ticks of 10 ms): the machine's busy time and each
   * user process's, with its group (see {@link Cpu}).
   */
  private record CpuSample(long nanos, long machineBusy, Map<Long, long[]> processes) {
    static final int PG = 0;
    static final int FOREIGN = 1;
    static final int MINE = 2;
    static String database = "";

    static CpuSample now() {
      long busy = -1;
      Map<Long, long[]> processes = new HashMap<>();
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
          total += Long.parseLong(f[i]);
        }
        busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]); // minus idle and iowait
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
          for (Path dir : dirs) {
            try {
              long pid = Long.parseLong(dir.getFileName().toString());
              String stat = Files.readString(dir.resolve("stat"));
              String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")));
              if (pid == self || cmd.isEmpty()) {
                continue; // this JVM is measured apart; kernel threads are not attributed
              }
              String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
              int group;
              if (stat.contains("(postgres)")) {
                // a backend's title names its database; the server's own processes name none
                boolean backend = cmd.matches("postgres: \\S+: \\S+ \\S+ .*");
                group = !backend || cmd.contains(" " + database + " ") ? PG : FOREIGN;
              } else if (stat.contains("(redis-server)")) {
                group = MINE;
              } else {
                group = FOREIGN;
              }
              processes.put(pid, new long[] {ticks, group});
            } catch (IOException | RuntimeException gone) {
              // the process ended meanwhile
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux: only this JVM's CPU is known
      }
      long jvmTicks =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 10_000_000L;
      processes.put(-1L, new long[] {jvmTicks, MINE});
      return new CpuSample(System.nanoTime(), busy, processes);
    }

    Cpu since(CpuSample before) {
      double wall = (nanos - before.nanos) / 1e9;
      double[] groups = new double[3];
      processes.forEach(
          (pid, now) -> {
            if (pid >= 0) {
              long[] then = before.processes.get(pid);
              groups[(int) now[1]] += (then == null ? now[0] : now[0] - then[0]) / 100.0;
            }
          });
      double jvm = (processes.get(-1L)[0] - before.processes.get(-1L)[0]) / 100.0;
      double machine = machineBusy < 0 ? Double.NaN : (machineBusy - before.machineBusy) / 100.0;
      return new Cpu(jvm / wall, groups[PG] / wall, groups[FOREIGN] / wall, machine / wall);
    }
  }

  /**
   * Waits until other processes leave the machine alone (under {@value #FOREIGN_CPU_LIMIT} cores
   * for two seconds), at most {@code bench.quietWaitSeconds}: on a 2-core machine a build running
   * next to the benchmark would be measured too.
   */
  private void awaitQuietMachine(String before) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(QUIET_WAIT_SECONDS).toNanos();
    int quiet = 0;
    boolean told = false;
    while (quiet < 2 && System.nanoTime() < deadline) {
      CpuSample start = CpuSample.now();
      Thread.sleep(1000);
      Cpu cpu = CpuSample.now().since(start);
      if (cpu.disturbed()) {
        quiet = 0;
        if (!told) {
          System.out.printf(
              Locale.ROOT,
              "[conversations] waiting before %s: other processes use %.2f cores%n",
              before,
              cpu.foreignCores());
          told = true;
        }
      } else {
        quiet++;
        idle = cpu;
      }
    }
  }

  private static long epochMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static Path reportDir() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "benchmarks");
    Files.createDirectories(dir);
    return dir;
  }

  // ------------------------------------------------------------------ report

  private String report() {
    StringBuilder md = new StringBuilder();
    md.append("# Conversations benchmark\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Inmo in-process (%d turn workers, database pool %s) on %s (%s), Redis for the flood"
                + " limit; Telegram Bot API = in-process WireMock stub answering at once; built-in"
                + " offline Spanish agent (rules, no model). %d brokers, each its own bot; burst window %d s. Client,"
                + " Inmo, WireMock, PostgreSQL and Redis share one machine: %d cores, %s %s, Java"
                + " %s.%n%n",
            4,
            facts.get("dbPool"),
            facts.get("pgVersion"),
            facts.get("pgSettings"),
            BROKERS,
            BURST_WINDOW,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version")));
    Stats warm = (Stats) facts.get("warmupAck");
    md.append(
        String.format(
            Locale.ROOT,
            "Warm-up: %,d chats wrote their first message (a new lead each; 8 clients, closed"
                + " loop, cold JIT) in %.1f s, acknowledged p50 %.1f ms, p99 %.1f ms. Then"
                + " `VACUUM (ANALYZE)`, as autovacuum would have done by then (this server:"
                + " autovacuum %s), and %d s at %d updates/s, not recorded.%n%n",
            CHATS,
            (double) facts.get("warmupLeads"),
            warm.p50(),
            warm.p99(),
            facts.get("autovacuum"),
            WARM_SECONDS,
            WARM_RATE));

    md.append("## 1. Webhook acknowledgement (`POST /webhooks/telegram/{slug}`), open loop\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Each step sends rate × %d s updates on a fixed schedule (a client thread each),"
                + " cycling over %,d chats that are already leads (a message every %,d / rate s per"
                + " chat), and waits for every reply before the next step. Response time is counted"
                + " from the scheduled instant (coordinated omission corrected); \"in Inmo\" is"
                + " what Inmo's access log says the request took inside the application (whole ms,"
                + " without connection, Jetty queueing and client). \"e2e\" = webhook POST to"
                + " `sendMessage` at the stub, under that load. A step passes with p99 < %.0f ms,"
                + " every update stored, ≥ 95 %% of the rate acknowledged and the turns caught up"
                + " within %d s of the last request. CPU in cores (of %d): JVM = this JVM (Inmo +"
                + " WireMock + client); PG = PostgreSQL (this database's backends and the server's"
                + " own processes); foreign = other processes (a step they disturbed with more than"
                + " %.2f cores, or with more than %.2f cores of short-lived processes, is measured"
                + " again, up to %d times); machine = all.%n%n",
            STEP_SECONDS,
            CHATS,
            CHATS,
            TARGET_P99_MS,
            CAUGHT_UP.toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            FOREIGN_CPU_LIMIT,
            UNSEEN_CPU_LIMIT,
            ATTEMPTS));
    md.append(
        "| rate/s | acked/s | p50 | p95 | p99 | max | in Inmo p50 | in Inmo p99 | in Inmo max |"
            + " not stored | replies/s | e2e p50 | e2e p99 | turns pending at end | caught up after"
            + " | CPU JVM / PG / foreign / machine | pass |\n");
    md.append(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|\n");
    for (StepResult r : steps) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %d | %.0f | %.0f |"
                  + " %.0f | %d | %.1f s | %s | %s |%n",
              r.rate(),
              r.achievedRate(),
              r.response().p50(),
              r.response().p95(),
              r.response().p99(),
              r.response().max(),
              r.inmo().p50(),
              r.inmo().p99(),
              r.inmo().max(),
              r.errors(),
              r.repliesPerSecond(),
              r.endToEnd().p50(),
              r.endToEnd().p99(),
              r.backlog(),
              r.catchUpSeconds(),
              r.cpu().describe(),
              r.pass()
                  ? "yes"
                  : r.cpu().disturbed()
                      ? "inconclusive: disturbed (" + r.why() + ")"
                      : "**no** (" + r.why() + ")"));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nHighest rate passing: **%s**.%n%n",
            (int) facts.get("sustained") == 0 ? "none" : facts.get("sustained") + " updates/s"));

    Stats e2e = (Stats) facts.get("e2e");
    Stats ack = (Stats) facts.get("e2eAck");
    Cpu e2eCpu = (Cpu) facts.get("e2eCpu");
    md.append("## 2. End-to-end turn latency, single messages\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d chats with a lead already (one earlier message and reply each) write one more"
                + " message, %d/s open loop; from the webhook POST to the `sendMessage` request"
                + " arriving at the stub, minus the burst window (%d s). CPU during the run (JVM /"
                + " PG / foreign / machine): %s cores.%n%n",
            E2E_MESSAGES,
            E2E_RATE,
            BURST_WINDOW,
            e2eCpu.describe()));
    md.append("| ms | p50 | p90 | p95 | p99 | max | mean |\n|---|---:|---:|---:|---:|---:|---:|\n");
    statsRow(md, "**POST → sendMessage − burst window**", e2e);
    statsRow(md, "webhook acknowledged", ack);
    statsRow(md, "webhook inside Inmo (access log)", (Stats) facts.get("e2eInmo"));
    statsRow(md, "POST → inbound stored (`created_at`)", (Stats) facts.get("e2eStore"));
    statsRow(
        md,
        "inbound stored → reply stored (− burst window): poll, claim, read, agent",
        (Stats) facts.get("e2eReply"));
    statsRow(
        md,
        "reply stored → `sendMessage` at the stub: commit, deliver",
        (Stats) facts.get("e2eSend"));
    md.append(
        "\nStored times are Inmo's clock at the start of the storing and the turn-committing"
            + " unit of work; the stub's the instant the request reached it.\n\n");

    @SuppressWarnings("unchecked")
    Map<String, Object> flood = (Map<String, Object>) facts.get("flood");
    Stats floodAck = (Stats) flood.get("ack");
    Cpu floodCpu = (Cpu) flood.get("cpu");
    md.append("## 3. Throughput: many new leads at once\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%,d new chats (a new lead each, over %d brokers) write one message each, from %d"
                + " clients as fast as they are acknowledged; every lead got exactly one reply"
                + " (asserted).%n%n",
            (int) flood.get("leads"),
            BROKERS,
            FLOOD_CLIENTS));
    md.append("| | value |\n|---|---:|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| webhooks: all %,d acknowledged after | %.1f s (%.0f/s; ack p50 %.1f ms, p99 %.1f ms;"
                + " inside Inmo p50 %.0f ms, p99 %.0f ms) |%n",
            (int) flood.get("leads"),
            (double) flood.get("ingestSeconds"),
            (double) flood.get("ackRate"),
            floodAck.p50(),
            floodAck.p99(),
            ((Stats) flood.get("ackInmo")).p50(),
            ((Stats) flood.get("ackInmo")).p99()));
    md.append(
        String.format(
            Locale.ROOT,
            "| replies sent while webhooks were still coming in | %,d |%n",
            (int) flood.get("repliedWhileIngesting")));
    md.append(
        String.format(
            Locale.ROOT,
            "| half / 90 %% of the replies sent after | %.1f s / %.1f s |%n",
            (double) flood.get("half"),
            (double) flood.get("ninety")));
    md.append(
        String.format(
            Locale.ROOT,
            "| **first POST → last `sendMessage`** | **%.1f s = %.0f turns/s** |%n",
            (double) flood.get("totalSeconds"),
            (double) flood.get("turnsPerSecond")));
    md.append(
        String.format(
            Locale.ROOT,
            "| turns/s after the last webhook (workers only) | %.0f |%n",
            (double) flood.get("drainRate")));
    md.append(
        String.format(
            Locale.ROOT,
            "| CPU (JVM / PG / foreign / machine, cores) | %s |%n",
            floodCpu.describe()));
    md.append(
        String.format(
            Locale.ROOT,
            "| replies not `sent` (whole run) | %d |%n",
            (long) flood.get("failedReplies")));
    @SuppressWarnings("unchecked")
    Map<String, Double> perTurn = (Map<String, Double>) flood.get("perTurn");
    md.append("\nPostgreSQL work per lead (webhook + turn + delivery; `pg_stat_database`): ");
    md.append(
        String.join(
            ", ",
            perTurn.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .toList()));
    md.append(".\n\n");
    @SuppressWarnings("unchecked")
    Map<String, double[]> tables = (Map<String, double[]>) flood.get("tables");
    md.append(
        "Scans per lead, most rows first (`pg_stat_user_indexes`, sequential scans from"
            + " `pg_stat_user_tables`):\n\n"
            + "| index | scans | entries read | live rows fetched |\n|---|---:|---:|---:|\n");
    tables.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
        .limit(10)
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.1f | %.1f |%n",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2])));
    md.append("\nAt the end: ").append(flood.get("analyzed")).append(".\n\n");
    if (idle != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "Idle, between measurements (turn workers polling, no traffic), CPU JVM / PG /"
                  + " foreign / machine: %s cores.%n%n",
              idle.describe()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Setup (register %d brokers) %.1f s; total run %.0f s.%s%n",
            BROKERS,
            (double) facts.get("register"),
            (double) facts.get("total"),
            facts.containsKey("jfr") ? " JFR: `" + facts.get("jfr") + "`." : ""));
    return md.toString();
  }

  private static void statsRow(StringBuilder md, String name, Stats s) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
            name,
            s.p50(),
            s.p90(),
            s.p95(),
            s.p99(),
            s.max(),
            s.mean()));
  }
}
