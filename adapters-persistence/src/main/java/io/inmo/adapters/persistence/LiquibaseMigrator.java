package io.inmo.adapters.persistence;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Schema migrator: brings a PostgreSQL database up to the Inmo schema with the Liquibase changelog
 * on the classpath; already applied changesets are skipped, so migrating twice is a no-op.
 */
public final class LiquibaseMigrator {
  /** Classpath location of the master changelog. */
  public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.yaml";

  private final String changelog;

  /** A migrator for the Inmo master changelog. */
  public LiquibaseMigrator() {
    this(MASTER_CHANGELOG);
  }

  /** A migrator for another classpath changelog (tests, tools). */
  public LiquibaseMigrator(String changelog) {
    this.changelog = Objects.requireNonNull(changelog, "changelog");
  }

  /**
   * Applies every pending changeset to the database behind {@code dataSource} on one connection.
   *
   * @throws MigrationException when a changeset fails or an applied one was edited (checksum)
   */
  public void migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(LiquibaseMigrator.class.getClassLoader()),
            // progress and the log go to SLF4J, not to System.out or java.util.logging
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            Scope.Attr.logService.name(),
            new Slf4jLiquibaseLogService(),
            // never phone home (servers may be offline), no banner
            "liquibase.analytics.enabled",
            Boolean.FALSE,
            "liquibase.showBanner",
            Boolean.FALSE);
    try (Connection connection = dataSource.getConnection()) {
      Scope.child(
          scope,
          () -> {
            Database database =
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                // the update summary is logged as well; don't also print it
                .setOutput(OutputStream.nullOutputStream())
                .execute();
          });
    } catch (SQLException e) {
      throw new MigrationException("cannot connect to migrate the database", e);
    } catch (LiquibaseException e) {
      throw new MigrationException("migration failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new MigrationException("migration failed: " + e.getMessage(), e);
    }
  }

  /** Thrown when the database cannot be migrated; the application must not start on it. */
  public static final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
