package io.inmo.adapters.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Persistence bootstrap: a Hibernate {@link EntityManagerFactory} over a given {@link DataSource}
 * that validates (never changes) the Liquibase-managed schema, plus the matching {@link
 * JpaUnitOfWork}. Closing it closes the factory, not the data source (its owner closes that).
 *
 * <p>Every factory runs with the {@link TenantGuard}: a statement on a broker-owned table that is
 * not scoped by {@code broker_id} (nor marked with {@link PlatformScope}) fails before it runs.
 */
public final class JpaPersistence implements AutoCloseable {
  /** The persistence unit name. */
  public static final String UNIT_NAME = "inmo";

  private final EntityManagerFactory entityManagerFactory;
  private final JpaUnitOfWork unitOfWork;

  private JpaPersistence(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
    this.unitOfWork = new JpaUnitOfWork(entityManagerFactory);
  }

  /**
   * Starts Hibernate on {@code dataSource} for the given entity classes; the schema must already be
   * migrated ({@link LiquibaseMigrator}), because Hibernate only validates it.
   *
   * @throws jakarta.persistence.PersistenceException when an entity does not match the schema
   */
  public static JpaPersistence start(DataSource dataSource, List<Class<?>> managedClasses) {
    return start(dataSource, managedClasses, Map.of());
  }

  /**
   * As {@link #start(DataSource, List)}, with extra Hibernate/JPA properties (they win over the
   * defaults, e.g. {@code hibernate.show_sql}, except the tenant guard and SQL comments, which are
   * always on).
   */
  public static JpaPersistence start(
      DataSource dataSource, List<Class<?>> managedClasses, Map<String, ?> extraProperties) {
    Objects.requireNonNull(dataSource, "dataSource");
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration(UNIT_NAME)
            .managedClasses(List.copyOf(managedClasses))
            .property("hibernate.connection.datasource", dataSource)
            .property("hibernate.hbm2ddl.auto", "validate")
            // Instants are written and read as UTC whatever the JVM's zone
            .property("hibernate.jdbc.time_zone", "UTC")
            .property("hibernate.jdbc.batch_size", 50)
            .property("hibernate.order_inserts", true)
            .property("hibernate.order_updates", true)
            .property("hibernate.query.fail_on_pagination_over_collection_fetch", true)
            .property("hibernate.show_sql", false);
    extraProperties.forEach(configuration::property);
    // the tenancy safety net (ADR 0011), after the extras so that it cannot be switched off; the
    // SQL comments carry PlatformScope's marker (and name each statement's origin in the logs)
    configuration
        .property("hibernate.session_factory.statement_inspector", new TenantGuard())
        .property("hibernate.use_sql_comments", true);
    return new JpaPersistence(configuration.createEntityManagerFactory());
  }

  /** The factory, for adapters that need criteria builders or metamodels. */
  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory;
  }

  /** The unit of work bound to this factory; repositories take it by constructor. */
  public JpaUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  public void close() {
    if (entityManagerFactory.isOpen()) {
      entityManagerFactory.close();
    }
  }
}
