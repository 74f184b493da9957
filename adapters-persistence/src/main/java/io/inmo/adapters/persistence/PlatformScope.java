package io.inmo.adapters.persistence;

import jakarta.persistence.Query;
import java.util.Objects;
import org.hibernate.jpa.HibernateHints;

/**
 * The one way to run a query on a broker-owned table without scoping it by broker: lookups that
 * legitimately cross brokerages (login by e-mail, the user behind a token, SUPERADMIN listings,
 * provider webhooks that identify a row before the tenant is known). The query carries a SQL
 * comment {@code /* platform-scope: <why> *}{@code /} that {@link TenantGuard} lets through; every
 * exemption is therefore explicit and greppable ({@code PlatformScope.hint}), and visible in the
 * database's statement logs.
 *
 * <p>Relies on {@code hibernate.use_sql_comments=true}, which {@link JpaPersistence} always sets.
 */
public final class PlatformScope {
  /** The text a statement's leading comment starts with to bypass the guard. */
  public static final String MARKER = "platform-scope:";

  private PlatformScope() {}

  /**
   * Marks {@code query} (JPQL or native) as a platform-level lookup and returns it.
   *
   * @param why a short reason, kept in the SQL comment
   */
  public static <Q extends Query> Q hint(Q query, String why) {
    Objects.requireNonNull(query, "query");
    query.setHint(HibernateHints.HINT_COMMENT, MARKER + " " + requireReason(why));
    return query;
  }

  /** The comment to prefix a native SQL string with, for code that does not hold a Query. */
  public static String sqlComment(String why) {
    return "/* " + MARKER + " " + requireReason(why) + " */ ";
  }

  private static String requireReason(String why) {
    Objects.requireNonNull(why, "why");
    if (why.isBlank() || why.contains("*/") || why.contains("/*")) {
      throw new IllegalArgumentException(
          "a platform-scope reason must be non-blank text without comment delimiters: " + why);
    }
    return why.strip();
  }
}
