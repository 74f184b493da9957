package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.e2e.JaxRsRoutes.QueryParam;
import io.inmo.bootstrap.e2e.JaxRsRoutes.Route;
import io.inmo.bootstrap.e2e.JaxRsRoutes.Variable;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenant isolation over every route the server answers. Two brokerages, A and B, each with an ADMIN
 * and an AGENT; A also gets one object of every kind the API creates (users, and leads once {@code
 * POST /api/v1/leads} is routed). Then every route × method of the running JAX-RS model (see {@link
 * JaxRsRoutes}, so a route added later is swept without editing this test) is called by B's ADMIN,
 * B's AGENT and an anonymous client, with each path variable set to A's id of the matching kind (by
 * variable name, else by the path segment before it; an unknown kind gets A's ids of every kind and
 * a random UUID) and a plausible body from {@link #bodies}.
 *
 * <p>Verdicts: no 5xx anywhere; errors as problem+json; no response body of B's (nor an anonymous
 * one) contains A's ids, e-mails, names or slug, the request's own path echoed in a problem aside;
 * a request that names A's object is refused (400/403/404/415/422, never 2xx or 409) and answers
 * exactly as the same request naming an id that does not exist (no existence oracle); a protected
 * route answers an anonymous client 401; the same GET by A's owner (A's ADMIN, else the SUPERADMIN)
 * succeeds, so the refusals are not vacuous; and A's rows are byte-for-byte the same afterwards.
 * {@code @PermitAll} routes (register, login, refresh, logout, health, OpenAPI) are checked for
 * leaks only. Besides paths, a few bodies of B's naming A's objects are probed while lead routes
 * exist (assigning B's lead to A's agent is refused; A's lead phone is no identity clash in B). The
 * route list and a verdict table go to the test log.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationSweepE2ETest {
  private static final Logger LOG = LoggerFactory.getLogger(TenantIsolationSweepE2ETest.class);
  private static final String PASSWORD = "Quebrada-Verde-2026";

  /** What B may answer for a request that names A's object. */
  private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 415, 422);

  /**
   * Routes deliberately not swept, by {@code METHOD template}, with the reason. Logout is swept
   * with a random refresh token (it cannot touch anybody's session), register creates throw-away
   * brokerages. An entry whose route no longer exists fails the test.
   */
  private static final Map<String, String> EXCLUDED =
      Map.of(
          "GET /api/v1/events",
          "a stream that stays open for minutes; LiveEventsE2ETest checks that another broker's"
              + " staff, a foreign brokerId and an agent outside the lead see nothing");

  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_\\-/.]+");
  private static final Pattern PREFIX = Pattern.compile("^([A-Za-z0-9_\\-/]*)(.*)$");

  private Sql sql;
  private Inmo inmo;
  private URI base;

  /** A's ids by kind ("broker", "user", "lead", "slug"), each with a label for the table. */
  private final Map<String, List<Named>> ids = new LinkedHashMap<>();

  /** What must never reach B: label → value. */
  private final Map<String, String> secrets = new LinkedHashMap<>();

  private int requests;
  private String leadPhone;
  private Tenant a;
  private Tenant b;
  private String superadmin;

  /**
   * Plausible bodies by {@code METHOD template}, variables written {@code {}}: valid enough that a
   * missing tenant check would succeed instead of failing validation. Anything else gets {@code
   * {}}.
   */
  private final Map<String, Supplier<Object>> bodies = new LinkedHashMap<>();

  private record Named(String label, String value) {}

  private record Tenant(
      String brokerId,
      String brokerName,
      String slug,
      String adminId,
      String adminEmail,
      String adminName,
      String adminToken,
      String agentId,
      String agentEmail,
      String agentName,
      String agentToken) {}

  private record Caller(String label, String token) {}

  /** One value of a path variable. */
  private record Option(String value, String label, boolean foreign, boolean known, String ghost) {}

  /**
   * One concrete request path of a route: {@code foreign} when it names A's object, {@code known}
   * when every variable's kind was recognised, {@code ghost} the same path with A's ids replaced by
   * ids that do not exist.
   */
  private record Variant(
      String path, String display, boolean foreign, boolean known, String ghost) {}

  private record Row(
      String method,
      String display,
      boolean foreign,
      Map<String, String> answers,
      String owner,
      List<String> bad) {}

  /**
   * A request of B's ADMIN on B's own objects whose body names A's object ({@code assignedTo}: A's
   * agent …): refused, and answered as the same body naming a missing id; or, when {@code
   * succeeds}, accepted (e.g. A's lead phone is no identity B may not use).
   */
  private record Probe(
      String route,
      String path,
      Map<String, Object> body,
      Map<String, Object> ghost,
      boolean succeeds) {}

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL",
                    redis.uri(),
                    "INMO_TRUST_PROXY",
                    "true",
                    "INMO_JWT_SECRET",
                    "secreto-de-firma-para-pruebas-e2e-de-inmo",
                    "INMO_ENCRYPTION_KEY",
                    Base64.getEncoder()
                        .encodeToString("clave-aes-de-32-bytes-para-e2e!!".getBytes()))));
    base = URI.create("http://127.0.0.1:" + inmo.port());
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenTwoBrokers_whenBSweepsEveryRouteWithAsIds_thenNothingOfALeaksOrChanges()
      throws Exception {
    List<Route> routes = JaxRsRoutes.of(inmo);
    assertThat(routes).as("routes enumerated from the JAX-RS model").isNotEmpty();
    assertModelCoversOpenApi(routes);
    LOG.info(
        "tenant sweep: {} routes in the JAX-RS model\n{}",
        routes.size(),
        routes.stream()
            .map(
                r ->
                    String.format(
                        "  %-6s %-55s %-9s %s",
                        r.method(),
                        r.template(),
                        r.permitAll() ? "permitAll" : "bearer",
                        r.javaMethod()))
            .collect(Collectors.joining("\n")));

    setUpTenants(routes);
    defineBodies();
    String before = fingerprintOfA();

    List<Caller> callers =
        List.of(
            new Caller("B-ADMIN", b.adminToken()),
            new Caller("B-AGENT", b.agentToken()),
            new Caller("ANON", null));
    List<Row> rows = new ArrayList<>();
    Set<String> exercised = new TreeSet<>();
    for (Route route : routes) {
      if (EXCLUDED.containsKey(route.key())) {
        continue;
      }
      for (Variant variant : variants(route)) {
        rows.add(sweep(route, variant, callers));
      }
      exercised.add(route.key());
    }

    rows.addAll(crossReferences(routes));
    String after = fingerprintOfA();
    LOG.info(
        "tenant sweep verdicts: {} routes, {} variants, {} requests\n{}",
        routes.size(),
        rows.size(),
        requests,
        table(rows));

    Set<String> keys = routes.stream().map(Route::key).collect(Collectors.toSet());
    assertThat(EXCLUDED.keySet()).as("exclusions of routes that no longer exist").isSubsetOf(keys);
    Set<String> uncovered = new TreeSet<>(keys);
    uncovered.removeAll(exercised);
    uncovered.removeAll(EXCLUDED.keySet());
    assertThat(uncovered).as("routes neither swept nor excluded").isEmpty();

    List<String> violations =
        new ArrayList<>(
            rows.stream()
                .filter(row -> !row.bad().isEmpty())
                .map(
                    row -> row.method() + " " + row.display() + ": " + String.join("; ", row.bad()))
                .toList());
    if (!after.equals(before)) {
      violations.add(
          "A's rows changed during B's sweep:\nbefore:\n" + before + "\nafter:\n" + after);
    }
    assertThat(violations)
        .as(
            "tenant isolation violations ("
                + violations.size()
                + "):\n"
                + String.join("\n", violations))
        .isEmpty();
  }

  // ---------------------------------------------------------------- the sweep

  private Row sweep(Route route, Variant variant, List<Caller> callers) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (Caller caller : callers) {
      HttpResponse<String> response = send(route, variant.path(), caller.token());
      int status = response.statusCode();
      answers.put(caller.label(), status + code(response));
      String who = caller.label() + " ";
      if (status >= 500) {
        bad.add(who + "got " + status + " " + response.body());
      }
      if (status >= 400 && !isProblem(response)) {
        bad.add(who + status + " without application/problem+json");
      }
      List<String> leaked = leaks(response.body(), variant.path());
      if (!leaked.isEmpty()) {
        bad.add(who + "response contains A's " + leaked);
      }
      if (route.permitAll()) {
        continue; // open routes: leaks only
      }
      if (caller.token() == null) {
        if (status != 401) {
          bad.add(who + "got " + status + " on a protected route (expected 401)");
        }
        continue;
      }
      if (!variant.foreign()) {
        continue; // B's own scope: any non-5xx answer, no leak
      }
      if (!REFUSALS.contains(status)) {
        bad.add(who + "got " + status + " for A's object (expected one of " + REFUSALS + ")");
      }
      HttpResponse<String> ghost = send(route, variant.ghost(), caller.token());
      String mine = status + code(response);
      String unknown = ghost.statusCode() + code(ghost);
      if (!mine.equals(unknown)) {
        bad.add(who + "existence oracle: A's id answers " + mine + ", a missing id " + unknown);
      }
    }
    String owner = "-";
    // open routes answer their own credential (a web-chat session), not a staff token
    if (variant.foreign()
        && variant.known()
        && route.method().equals("GET")
        && !route.permitAll()) {
      owner = ownerControl(route, variant, bad);
    }
    return new Row(route.method(), variant.display(), variant.foreign(), answers, owner, bad);
  }

  /**
   * The same GET by A's ADMIN (or the SUPERADMIN, for routes staff may not use) must succeed;
   * otherwise the refusals above prove nothing about isolation.
   */
  private String ownerControl(Route route, Variant variant, List<String> bad) throws Exception {
    HttpResponse<String> asAdmin = send(route, variant.path(), a.adminToken());
    if (asAdmin.statusCode() / 100 == 2) {
      return "A:" + asAdmin.statusCode();
    }
    HttpResponse<String> asRoot = send(route, variant.path(), superadmin);
    if (asRoot.statusCode() / 100 == 2) {
      return "SA:" + asRoot.statusCode();
    }
    bad.add(
        "owner control failed (A-ADMIN "
            + asAdmin.statusCode()
            + code(asAdmin)
            + ", SUPERADMIN "
            + asRoot.statusCode()
            + code(asRoot)
            + "): the id put in the path does not name A's object, so the refusals prove nothing");
    return "FAIL";
  }

  private HttpResponse<String> send(Route route, String path, String token) throws Exception {
    String body = route.hasBody() ? bodyFor(route) : null;
    requests++;
    return new Api(base)
        .raw(
            route.method(),
            path,
            body == null ? null : route.contentType(),
            body,
            token,
            route.accept());
  }

  /** From {@link #bodies}; else {@code {}} for JSON, a one-line CSV for text. */
  private String bodyFor(Route route) throws Exception {
    Supplier<Object> body = bodies.get(route.method() + " " + placeholders(route.template()));
    if (body != null) {
      Object value = body.get();
      return value instanceof String text ? text : Api.JSON.writeValueAsString(value);
    }
    return route.consumesJson() ? "{}" : "name,phone\nIntruso Beta,+56987654321\n";
  }

  // ---------------------------------------------------------------- bodies naming A's objects

  private List<Row> crossReferences(List<Route> routes) throws Exception {
    Set<String> routed =
        routes.stream()
            .map(r -> r.method() + " " + placeholders(r.template()))
            .collect(Collectors.toSet());
    List<Row> rows = new ArrayList<>();
    if (!routed.contains("POST /api/v1/leads") || leadPhone == null) {
      return rows;
    }
    // A's lead phone in B: B's own lead, no identity clash across tenants (else: an oracle)
    Probe same =
        new Probe(
            "POST /api/v1/leads",
            "/api/v1/leads",
            Map.of("name", "Bárbara Beta", "phone", leadPhone),
            null,
            true);
    HttpResponse<String> created = probe(same, rows);
    if (created.statusCode() / 100 != 2) {
      return rows;
    }
    String mine = "/api/v1/leads/" + json(created).get("id").asText();
    String agent = a.agentId();
    String nobody = UUID.randomUUID().toString();
    List<Probe> probes =
        List.of(
            new Probe(
                "POST /api/v1/leads",
                "/api/v1/leads",
                Map.of("name", "Benjamín Beta", "phone", "+56991234567", "assignedTo", agent),
                Map.of("name", "Benjamín Beta", "phone", "+56991234567", "assignedTo", nobody),
                false),
            new Probe(
                "PATCH /api/v1/leads/{}",
                mine,
                Map.of("assignedTo", agent),
                Map.of("assignedTo", nobody),
                false),
            new Probe(
                "POST /api/v1/leads/{}/assign",
                mine + "/assign",
                Map.of("assignedTo", agent),
                Map.of("assignedTo", nobody),
                false));
    for (Probe probe : probes) {
      if (routed.contains(probe.route())) {
        probe(probe, rows);
      }
    }
    return rows;
  }

  private HttpResponse<String> probe(Probe probe, List<Row> rows) throws Exception {
    String method = probe.route().substring(0, probe.route().indexOf(' '));
    List<String> bad = new ArrayList<>();
    requests += probe.succeeds() ? 1 : 2;
    HttpResponse<String> response =
        new Api(base)
            .raw(
                method,
                probe.path(),
                "application/json",
                Api.JSON.writeValueAsString(probe.body()),
                b.adminToken());
    int status = response.statusCode();
    if (status >= 500) {
      bad.add("got " + status + " " + response.body());
    }
    List<String> leaked = leaks(response.body(), probe.path());
    if (!leaked.isEmpty()) {
      bad.add("response contains A's " + leaked);
    }
    String answer = status + code(response);
    if (probe.succeeds() && status / 100 != 2) {
      bad.add("got " + answer + ": A's data must not collide with B's");
    }
    if (!probe.succeeds()) {
      if (!REFUSALS.contains(status)) {
        bad.add("got " + answer + " for a body naming A's object");
      }
      HttpResponse<String> ghost =
          new Api(base)
              .raw(
                  method,
                  probe.path(),
                  "application/json",
                  Api.JSON.writeValueAsString(probe.ghost()),
                  b.adminToken());
      String unknown = ghost.statusCode() + code(ghost);
      if (!answer.equals(unknown)) {
        bad.add("existence oracle: A's id answers " + answer + ", a missing id " + unknown);
      }
    }
    String shown =
        probe.path().replace(a.agentId(), "‹A.agent›").replaceAll("[0-9a-f-]{36}", "‹B.lead›")
            + " body "
            + Api.JSON
                .writeValueAsString(probe.body())
                .replace(a.agentId(), "‹A.agent›")
                .replace(leadPhone, "‹A.lead.phone›");
    rows.add(
        new Row(
            method,
            shown,
            !probe.succeeds(),
            Map.of("B-ADMIN", answer, "B-AGENT", "-", "ANON", "-"),
            "-",
            bad));
    return response;
  }

  // ---------------------------------------------------------------- variants

  private List<Variant> variants(Route route) {
    List<List<Option>> slots = new ArrayList<>();
    String preceding = "";
    for (Object part : JaxRsRoutes.parts(route.template())) {
      if (part instanceof String literal) {
        slots.add(List.of(new Option(literal, literal, false, true, literal)));
        preceding = lastSegment(literal);
      } else {
        Variable variable = (Variable) part;
        List<Option> options = options(variable, preceding);
        assertThat(options)
            .as("no value of " + variable + " in " + route.template() + " can be swept")
            .isNotEmpty();
        slots.add(options);
      }
    }
    int count = slots.stream().mapToInt(List::size).max().orElse(1);
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder path = new StringBuilder();
      StringBuilder display = new StringBuilder();
      StringBuilder ghost = new StringBuilder();
      boolean foreign = false;
      boolean known = true;
      for (List<Option> slot : slots) {
        Option option = slot.get(Math.min(i, slot.size() - 1));
        path.append(option.value());
        display.append(option.label());
        ghost.append(option.ghost() == null ? option.value() : option.ghost());
        foreign |= option.foreign();
        known &= option.known();
      }
      variants.add(
          new Variant(
              path.toString(),
              display.toString(),
              foreign,
              known,
              foreign ? ghost.toString() : null));
    }
    // query parameters that name an object: ?brokerId= selects the tenant (addresses A), others
    // (userId, leadId …) are filters and checked for leaks only
    Variant own = variants.stream().filter(v -> !v.foreign()).findFirst().orElse(variants.get(0));
    for (QueryParam query : route.queryParams()) {
      String kind = kindOf(query.name(), "");
      if (kind == null || !ids.containsKey(kind)) {
        continue;
      }
      boolean addresses = query.name().equals("brokerId");
      for (Named id : ids.get(kind)) {
        String sep = own.path().contains("?") ? "&" : "?";
        String name = sep + query.name() + "=";
        variants.add(
            new Variant(
                own.path() + name + id.value(),
                own.display() + name + "‹" + id.label() + "›",
                own.foreign() || addresses,
                own.known(),
                (own.foreign() ? own.ghost() : own.path())
                    + name
                    + (addresses ? ghost(kind) : id.value())));
      }
    }
    return variants;
  }

  /** Values of one path variable; a regex variable gets values for each of its alternatives. */
  private List<Option> options(Variable variable, String preceding) {
    Pattern pattern = variable.pattern();
    List<Option> options = new ArrayList<>();
    List<String> alternatives =
        variable.regex() == null ? List.of("[^/]+") : alternatives(variable.regex());
    for (String alternative : alternatives) {
      if (LITERAL.matcher(alternative).matches()) {
        options.add(new Option(alternative, alternative, false, true, null)); // e.g. own "broker"
        continue;
      }
      Matcher matcher = PREFIX.matcher(alternative);
      matcher.matches();
      String prefix = matcher.group(1);
      String kind = kindOf(variable.name(), prefix.isEmpty() ? preceding : lastSegment(prefix));
      if (kind != null && ids.containsKey(kind)) {
        for (Named id : ids.get(kind)) {
          options.add(
              new Option(
                  prefix + id.value(),
                  prefix + "‹" + id.label() + "›",
                  true,
                  true,
                  prefix + ghost(kind)));
        }
      } else {
        ids.forEach(
            (k, named) ->
                named.forEach(
                    id ->
                        options.add(
                            new Option(
                                prefix + id.value(),
                                prefix + "‹" + id.label() + "?›",
                                true,
                                false,
                                prefix + ghost(k)))));
        options.add(
            new Option(prefix + UUID.randomUUID(), prefix + "‹random›", false, false, null));
      }
    }
    options.removeIf(option -> !pattern.matcher(option.value()).matches());
    return options;
  }

  /**
   * The kind an id variable names: {@code userId} → user, {@code brokerSlug} → slug; a bare {@code
   * id} (or any other name) takes the segment before it, {@code users/{id}} → user. Null when A has
   * nothing of that kind.
   */
  private String kindOf(String name, String segment) {
    String lower = name.toLowerCase(Locale.ROOT);
    String kind;
    if (lower.endsWith("slug")) {
      kind = "slug";
    } else if (lower.endsWith("id") && lower.length() > 2) {
      kind = lower.substring(0, lower.length() - 2);
    } else {
      String s = segment.toLowerCase(Locale.ROOT);
      kind = s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }
    return ids.containsKey(kind) ? kind : null;
  }

  private static String ghost(String kind) {
    return kind.equals("slug")
        ? "fantasma-" + UUID.randomUUID().toString().substring(0, 8)
        : UUID.randomUUID().toString();
  }

  /** Top-level alternatives of a regex ({@code a|b(c|d)} → {@code a}, {@code b(c|d)}). */
  private static List<String> alternatives(String regex) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    out.add(regex.substring(start));
    return out;
  }

  private static String lastSegment(String literal) {
    String trimmed = literal.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The template with every variable written {@code {}}. */
  private static String placeholders(String template) {
    return JaxRsRoutes.parts(template).stream()
        .map(part -> part instanceof String literal ? literal : "{}")
        .collect(Collectors.joining());
  }

  // ---------------------------------------------------------------- leaks

  /**
   * Labels of A's values found in a response body, ignoring case and JSON escapes. The request's
   * own path is cut out first: a problem's {@code instance} (and a 404's detail) echo what the
   * caller sent, which tells them nothing.
   */
  private List<String> leaks(String body, String requestPath) {
    if (body == null || body.isEmpty()) {
      return List.of();
    }
    String path =
        requestPath.contains("?")
            ? requestPath.substring(0, requestPath.indexOf('?'))
            : requestPath;
    StringBuilder haystack = new StringBuilder(body.replace(requestPath, "").replace(path, ""));
    try {
      JsonNode tree = Api.JSON.readTree(body);
      haystack.append('\n').append(texts(tree).replace(requestPath, "").replace(path, ""));
    } catch (Exception notJson) {
      // the raw text is all there is
    }
    String text = haystack.toString().toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    secrets.forEach(
        (label, value) -> {
          if (text.contains(value.toLowerCase(Locale.ROOT))) {
            found.add(label);
          }
        });
    return found;
  }

  private static String texts(JsonNode node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node.isValueNode()) {
      out.append(node.asText()).append('\n');
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      out.append(field.getKey()).append('\n');
      collect(field.getValue(), out);
    }
    if (node.isArray()) {
      node.forEach(item -> collect(item, out));
    }
  }

  private static boolean isProblem(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json");
  }

  /** " code" of a problem answer, else "". */
  private static String code(HttpResponse<String> response) {
    if (!isProblem(response)) {
      return "";
    }
    try {
      return " " + Api.JSON.readTree(response.body()).path("code").asText();
    } catch (Exception e) {
      return " (unreadable problem)";
    }
  }

  // ---------------------------------------------------------------- set-up

  private void setUpTenants(List<Route> routes) throws Exception {
    String sa = UUID.randomUUID().toString().substring(0, 6);
    String sb = UUID.randomUUID().toString().substring(0, 6);
    a =
        tenant(
            "Alfa Propiedades " + sa,
            "Amparo Alfaro " + sa,
            "amparo." + sa + "@alfa-propiedades.cl",
            "Aurelio Araya " + sa,
            "aurelio." + sa + "@alfa-propiedades.cl");
    b =
        tenant(
            "Beta Corretajes " + sb,
            "Bruno Bravo " + sb,
            "bruno." + sb + "@beta-corretajes.cl",
            "Berta Bustos " + sb,
            "berta." + sb + "@beta-corretajes.cl");
    var platform = inmo.firstAdmin().orElseThrow();
    superadmin = login(platform.email().value(), platform.password());

    ids.put("broker", List.of(new Named("A.broker", a.brokerId())));
    ids.put("user", List.of(new Named("A.admin", a.adminId()), new Named("A.agent", a.agentId())));
    ids.put("slug", List.of(new Named("A.slug", a.slug())));
    secrets.put("broker id", a.brokerId());
    secrets.put("broker name", a.brokerName());
    secrets.put("broker slug", a.slug());
    secrets.put("admin id", a.adminId());
    secrets.put("admin e-mail", a.adminEmail());
    secrets.put("admin name", a.adminName());
    secrets.put("agent id", a.agentId());
    secrets.put("agent e-mail", a.agentEmail());
    secrets.put("agent name", a.agentName());

    boolean leadsRouted = routes.stream().anyMatch(r -> r.key().equals("POST /api/v1/leads"));
    if (leadsRouted) {
      String phone = "+56912345678";
      HttpResponse<String> lead = createLead(phone);
      if (lead.statusCode() == 400) {
        // libphonenumber has no number in the +56 9 1xxx xxxx range: say so, and use one it knows
        LOG.warn(
            "tenant sweep: POST /api/v1/leads refused the canonical {} ({}); A's lead gets"
                + " another mobile number",
            phone,
            lead.body());
        phone = "+56961234567";
        lead = createLead(phone);
      }
      assertThat(lead.statusCode()).as("A's lead: " + lead.body()).isBetween(200, 299);
      String leadId = json(lead).get("id").asText();
      ids.put("lead", List.of(new Named("A.lead", leadId)));
      secrets.put("lead id", leadId);
      secrets.put("lead name", "María José Pérez");
      leadPhone = phone; // not a secret: B may well have a lead with the same phone
    }
    if (routes.stream().anyMatch(r -> r.template().startsWith("/api/v1/notifications"))) {
      // notifications are only ever written by the system (hot-lead alerts): one for A's admin
      String notificationId = UUID.randomUUID().toString();
      sql.execute(
          "INSERT INTO notifications (id, broker_id, user_id, kind, title, body, created_at)"
              + " VALUES (?::uuid, ?::uuid, ?::uuid, 'lead_hot', 'Lead caliente: Rosario Tapia',"
              + " 'Puntaje 85: llámala hoy.', now())",
          notificationId,
          a.brokerId(),
          a.adminId());
      ids.put("notification", List.of(new Named("A.notification", notificationId)));
    }
    if (routes.stream().anyMatch(r -> r.template().equals("/api/v1/broker/rescoring"))) {
      // a finished rescoring of A's leads, as a change of A's lead config leaves behind
      sql.execute(
          "INSERT INTO lead_rescoring_runs (id, broker_id, status, total, processed, changed,"
              + " created_at, started_at, finished_at) VALUES (?::uuid, ?::uuid, 'done', 1, 1, 0,"
              + " now(), now(), now())",
          UUID.randomUUID().toString(),
          a.brokerId());
      secrets.put("notification title", "Rosario Tapia");
    }
    LOG.info(
        "tenant sweep: A has {}; leads {}; POST routes without variables whose last segment"
            + " names no kind A has (their ids, if any, get A's ids of every kind): {}",
        ids.keySet(),
        leadsRouted ? "routed, one created for A" : "not routed, kind skipped",
        routes.stream()
            .filter(r -> r.method().equals("POST") && r.variables().isEmpty())
            .map(Route::template)
            .filter(t -> !t.startsWith("/api/v1/auth/") && !t.startsWith("/health"))
            .filter(t -> !ids.containsKey(singular(lastSegment(t))))
            .toList());
  }

  private HttpResponse<String> createLead(String phone) throws Exception {
    return new Api(base)
        .post(
            "/api/v1/leads",
            "{\"name\":\"María José Pérez\",\"phone\":\"" + phone + "\"}",
            a.adminToken());
  }

  private Tenant tenant(
      String brokerName, String adminName, String adminEmail, String agentName, String agentEmail)
      throws Exception {
    HttpResponse<String> registered =
        new Api(base)
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "brokerName", brokerName,
                    "name", adminName,
                    "email", adminEmail,
                    "password", PASSWORD));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode session = json(registered);
    String adminToken = session.get("accessToken").asText();
    HttpResponse<String> agent =
        new Api(base)
            .post(
                "/api/v1/users",
                Api.JSON.writeValueAsString(
                    Map.of(
                        "name", agentName,
                        "email", agentEmail,
                        "role", "AGENT",
                        "password", PASSWORD)),
                adminToken);
    assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
    return new Tenant(
        session.at("/user/brokerId").asText(),
        brokerName,
        session.at("/user/brokerSlug").asText(),
        session.at("/user/id").asText(),
        adminEmail,
        adminName,
        adminToken,
        json(agent).get("id").asText(),
        agentEmail,
        agentName,
        login(agentEmail, PASSWORD));
  }

  private String login(String email, String password) throws Exception {
    HttpResponse<String> response =
        new Api(base).post("/api/v1/auth/login", Map.of("email", email, "password", password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("accessToken").asText();
  }

  private void defineBodies() {
    bodies.put(
        "POST /api/v1/auth/register",
        () ->
            Map.of(
                "brokerName",
                "Gamma Sweep " + suffix(),
                "name",
                "Gonzalo Gatica",
                "email",
                "gonzalo." + suffix() + "@gamma-sweep.cl",
                "password",
                PASSWORD));
    // A's address with a wrong password: the refusal must not echo it
    bodies.put(
        "POST /api/v1/auth/login",
        () -> Map.of("email", a.adminEmail(), "password", "Clave-Equivocada-2026"));
    bodies.put("POST /api/v1/auth/refresh", () -> Map.of("refreshToken", randomToken()));
    bodies.put("POST /api/v1/auth/logout", () -> Map.of("refreshToken", randomToken()));
    bodies.put(
        "POST /api/v1/users",
        () ->
            Map.of(
                "name",
                "Bernardita Intrusa",
                "email",
                "bernardita." + suffix() + "@beta-corretajes.cl",
                "role",
                "AGENT",
                "password",
                PASSWORD));
    bodies.put("PATCH /api/v1/users/{}", () -> Map.of("name", "Nombre Intruso", "active", false));
    bodies.put("PATCH /api/v1/{}", () -> Map.of("name", "Corredora Tomada Por B"));
    bodies.put(
        "PUT /api/v1/{}/config/prompt",
        () -> Map.of("agentName", "Intrusa", "enableAppointmentBooking", true));
    bodies.put("PUT /api/v1/{}/config/lead", TenantIsolationSweepE2ETest::leadConfig);
    bodies.put(
        "PUT /api/v1/{}/config/chat",
        () ->
            Map.of(
                "enabledProviders",
                List.of("webchat"),
                "defaultProvider",
                "webchat",
                "burstWindowSeconds",
                2,
                "takeoverIdleMinutes",
                60));
    // a check B's own broker can run (no credentials: nothing is sent to a provider)
    bodies.put("POST /api/v1/{}/config/chat/test", () -> Map.of("provider", "telegram"));
    bodies.put(
        "PUT /api/v1/{}/config/voice",
        () ->
            Map.of(
                "callingHoursStart", "09:00",
                "callingHoursEnd", "18:00",
                "maxConcurrentCalls", 1));
    bodies.put(
        "POST /api/v1/admin/brokers",
        () -> Map.of("name", "Corredora Intrusa " + suffix(), "timezone", "America/Santiago"));
    bodies.put("POST /api/v1/leads", () -> Map.of("name", "Intruso Beta", "phone", "+56987654321"));
    bodies.put("PATCH /api/v1/leads/{}", () -> Map.of("name", "Intruso Beta"));
    bodies.put("PUT /api/v1/leads/{}", () -> Map.of("name", "Intruso Beta"));
    bodies.put("POST /api/v1/leads/{}/assign", () -> Map.of("assignedTo", b.agentId()));
    bodies.put("POST /api/v1/leads/{}/stage", () -> Map.of("stage", "profiling"));
    bodies.put("POST /api/v1/leads/{}/messages", () -> Map.of("text", "Hola, escribe B"));
    bodies.put("POST /api/v1/leads/{}/notes", () -> Map.of("text", "Nota escrita por B"));
  }

  private static Map<String, Object> leadConfig() {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("fieldWeights", Map.of("name", 10, "phone", 20, "location", 20, "budget", 50));
    lead.put("coldMaxScore", 30);
    lead.put("warmMaxScore", 69);
    lead.put("fieldPriority", List.of("location", "budget"));
    lead.put("qualifiedIncome", 1_500_000);
    lead.put("potentialIncome", 800_000);
    return lead;
  }

  // ---------------------------------------------------------------- checks and output

  /** Everything the OpenAPI document lists must be in the enumerated model (and so swept). */
  private void assertModelCoversOpenApi(List<Route> routes) throws Exception {
    JsonNode document = json(new Api(base).get("/api/openapi.json", null));
    Set<String> model =
        routes.stream()
            .map(r -> r.method() + " " + placeholders(r.template()))
            .collect(Collectors.toSet());
    Set<String> methods = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");
    Set<String> documented = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase(Locale.ROOT);
        if (methods.contains(method)) {
          documented.add(method + " " + placeholders(path.getKey()));
        }
      }
    }
    assertThat(documented).as("OpenAPI paths").isNotEmpty();
    assertThat(model).as("JAX-RS model vs. OpenAPI document").containsAll(documented);
  }

  /** A's rows: broker, users, configs, leads, refresh tokens, as JSON text. */
  private String fingerprintOfA() throws Exception {
    String id = a.brokerId();
    StringBuilder out = new StringBuilder();
    out.append(rows("SELECT * FROM brokers WHERE id = ?::uuid", id));
    for (String table :
        List.of(
            "users",
            "broker_prompt_configs",
            "broker_lead_configs",
            "broker_chat_configs",
            "broker_voice_configs",
            "leads",
            "activity_log")) {
      out.append('\n').append(rows("SELECT * FROM " + table + " WHERE broker_id = ?::uuid", id));
    }
    out.append('\n')
        .append(
            rows(
                "SELECT * FROM refresh_tokens WHERE user_id IN"
                    + " (SELECT id FROM users WHERE broker_id = ?::uuid)",
                id));
    return out.toString();
  }

  private String rows(String select, String id) throws Exception {
    return sql.text(
        "SELECT coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), '')"
            + " FROM ("
            + select
            + ") t",
        id);
  }

  private String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "  %-6s %-72s %-28s %-28s %-22s %-6s %s%n",
            "METHOD", "PATH", "B-ADMIN", "B-AGENT", "ANON", "OWNER", "VERDICT"));
    for (Row row : rows) {
      out.append(
          String.format(
              "  %-6s %-72s %-28s %-28s %-22s %-6s %s%n",
              row.method(),
              row.display() + (row.foreign() ? "  [A]" : ""),
              row.answers().get("B-ADMIN"),
              row.answers().get("B-AGENT"),
              row.answers().get("ANON"),
              row.owner(),
              row.bad().isEmpty() ? "ok" : "VIOLATION: " + String.join("; ", row.bad())));
    }
    EXCLUDED.forEach(
        (route, why) ->
            out.append("  excluded: ").append(route).append(" — ").append(why).append('\n'));
    return out.toString();
  }

  private static String singular(String segment) {
    return segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
  }

  private static String randomToken() {
    return UUID.randomUUID().toString().replace("-", "")
        + UUID.randomUUID().toString().replace("-", "");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
