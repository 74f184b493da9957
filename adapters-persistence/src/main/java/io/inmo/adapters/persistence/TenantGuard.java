package io.inmo.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The tenancy safety net (ADR 0011): a Hibernate {@link StatementInspector} that sees every SQL
 * statement before it is prepared and throws {@link UnscopedQueryException} when one reads or
 * writes a broker-owned table ({@link #BROKER_OWNED_TABLES}) without constraining that table's
 * {@code broker_id}. Repositories scope every query by broker; this makes forgetting it loud
 * instead of a silent cross-tenant leak. It is always on ({@link JpaPersistence} installs it), in
 * production as in tests, so the whole repository test suite doubles as its regression test.
 *
 * <p>Accepted without a broker constraint: INSERTs (an {@code INSERT … SELECT} is judged by its
 * SELECT); the UPDATE/DELETE by primary key (and version) with which Hibernate's entity persister
 * writes back an entity (loading one by id alone is rejected, so it was loaded through a scoped
 * query); and statements whose leading comment is the {@link PlatformScope} marker. See {@link
 * StatementScope} for the exact reading.
 *
 * <p>Verdicts are cached per SQL string (Hibernate's statements are a small, fixed set), so the
 * cost is one lexical pass per distinct statement and a hash lookup afterwards.
 */
public final class TenantGuard implements StatementInspector {
  /**
   * Every table with a {@code broker_id} column, the one list the guard (and its schema test) uses.
   * A new table with {@code broker_id} must be added here; {@code TenantGuardTest} compares this
   * list with {@code information_schema} and fails until it is.
   */
  public static final Set<String> BROKER_OWNED_TABLES =
      Set.of(
          "users",
          "broker_prompt_configs",
          "broker_lead_configs",
          "broker_voice_configs",
          "broker_chat_configs",
          "leads",
          "lead_identities",
          "appointments",
          "message_templates",
          "campaigns",
          "campaign_steps",
          "campaign_logs",
          "voice_calls",
          "call_transcripts",
          "chat_messages",
          "telegram_messages",
          "activity_log",
          "audit_logs",
          "notifications",
          "lead_rescoring_runs",
          "conversations",
          "live_events",
          "llm_calls",
          "chat_message_templates",
          "broker_llm_configs",
          "llm_budget_months");

  /** Distinct statements remembered; beyond it, the least recently used verdicts are recomputed. */
  static final int CACHE_SIZE = 4_096;

  private final Set<String> tables;
  private final Cache<String, Optional<StatementScope.Unscoped>> verdicts =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  /** A guard over {@link #BROKER_OWNED_TABLES}. */
  public TenantGuard() {
    this(BROKER_OWNED_TABLES);
  }

  /** A guard over other tables (tests). */
  TenantGuard(Set<String> tables) {
    this.tables =
        Set.copyOf(
            Objects.requireNonNull(tables, "tables").stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList());
  }

  /**
   * Returns {@code sql} unchanged when it is scoped.
   *
   * @throws UnscopedQueryException when it is not
   */
  @Override
  public String inspect(String sql) {
    Optional<StatementScope.Unscoped> unscoped = verdicts.get(sql, this::judge);
    if (unscoped.isPresent()) {
      throw new UnscopedQueryException(unscoped.get().table(), unscoped.get().reason(), sql);
    }
    return sql;
  }

  /** Why {@code sql} would be rejected, or empty when the guard lets it through (uncached). */
  Optional<String> check(String sql) {
    return judge(sql).map(StatementScope.Unscoped::reason);
  }

  private Optional<StatementScope.Unscoped> judge(String sql) {
    if (isPlatformScoped(sql)) {
      return Optional.empty();
    }
    return StatementScope.unscoped(sql, tables);
  }

  /**
   * Whether one of the comments before the statement's first token starts with the {@link
   * PlatformScope} marker (Hibernate may put its own comment first, e.g. {@code dynamic native SQL
   * query}); a marker further into the statement does not count.
   */
  static boolean isPlatformScoped(String sql) {
    int i = 0;
    while (true) {
      while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
        i++;
      }
      if (!sql.startsWith("/*", i)) {
        return false;
      }
      int end = sql.indexOf("*/", i + 2);
      if (end < 0) {
        return false;
      }
      if (sql.substring(i + 2, end).strip().startsWith(PlatformScope.MARKER)) {
        return true;
      }
      i = end + 2;
    }
  }
}
