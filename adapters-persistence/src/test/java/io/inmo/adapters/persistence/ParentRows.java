package io.inmo.adapters.persistence;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test helper: inserts the parent rows (brokers, users, leads, templates, campaigns) that
 * activity-side tables reference, with plain JDBC, and reads columns back for assertions.
 */
public final class ParentRows {
  /**
   * The mothers' brokerage ({@code 01957a1e-…0001}), its agent Diego, admin Valentina, lead Camila.
   */
  public static final BrokerId ANDES = BrokerId.of("01957a1e-0000-7000-8000-000000000001");

  public static final UserId DIEGO = UserId.of("01957a1e-0000-7000-8000-0000000000b1");
  public static final UserId VALENTINA = UserId.of("01957a1e-0000-7000-8000-0000000000b2");
  public static final LeadId CAMILA = LeadId.of("01957a1e-0000-7000-8000-0000000000a1");

  private final DataSource dataSource;

  public ParentRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Propiedades Andes (Santiago) with Diego Fuentes (agent), Valentina Soto (admin), Camila Rojas.
   */
  public ParentRows andes() {
    broker(ANDES, "Propiedades Andes", "propiedades-andes");
    user(DIEGO, ANDES, "Diego Fuentes", "AGENT");
    user(VALENTINA, ANDES, "Valentina Soto", "ADMIN");
    lead(CAMILA, ANDES, "Camila Rojas", "+56912345678");
    return this;
  }

  /** A second brokerage, Inmobiliaria Costa (Viña del Mar), with a fresh id. */
  public BrokerId costa() {
    BrokerId id = BrokerId.newId();
    broker(id, "Inmobiliaria Costa", "costa-" + id.value().toString().substring(28));
    return id;
  }

  public void broker(BrokerId id, String name, String slug) {
    execute(
        "INSERT INTO brokers (id, name, slug, business_hours) VALUES (?, ?, ?, '{}')",
        id.value(),
        name,
        slug);
  }

  public void user(UserId id, BrokerId broker, String name, String role) {
    execute(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
            + " VALUES (?, ?, '$argon2id$v=19$test', ?, ?, ?)",
        id.value(),
        id.value() + "@corredora.cl",
        name,
        role,
        broker.value());
  }

  /** A new agent of {@code broker}. */
  public UserId agent(BrokerId broker, String name) {
    UserId id = UserId.newId();
    user(id, broker, name, "AGENT");
    return id;
  }

  public void lead(LeadId id, BrokerId broker, String name, String phone) {
    execute(
        "INSERT INTO leads (id, broker_id, name, phone, stage_entered_at) VALUES (?, ?, ?, ?, now())",
        id.value(),
        broker.value(),
        name,
        phone);
  }

  /** A new lead of {@code broker}. */
  public LeadId lead(BrokerId broker, String name) {
    LeadId id = LeadId.newId();
    lead(id, broker, name, null);
    return id;
  }

  public void template(MessageTemplateId id, BrokerId broker, String name) {
    execute(
        "INSERT INTO message_templates (id, broker_id, name, channel, content, agent_type)"
            + " VALUES (?, ?, ?, 'whatsapp', 'Hola {{lead_name}}', 'follow_up')",
        id.value(),
        broker.value(),
        name);
  }

  /** A new active manual campaign of {@code broker}. */
  public CampaignId campaign(BrokerId broker, String name) {
    CampaignId id = CampaignId.newId();
    execute(
        "INSERT INTO campaigns (id, broker_id, name, channel, status, triggered_by)"
            + " VALUES (?, ?, ?, 'whatsapp', 'active', 'manual')",
        id.value(),
        broker.value(),
        name);
    return id;
  }

  /** Runs one statement with positional parameters. */
  public void execute(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of every row of {@code sql}. */
  public List<Object> column(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single value of {@code sql}. */
  public Object value(String sql, Object... parameters) {
    List<Object> values = column(sql, parameters);
    if (values.size() != 1) {
      throw new IllegalStateException("expected one row, got " + values.size() + ": " + sql);
    }
    return values.get(0);
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object p = parameters[i];
      statement.setObject(i + 1, p instanceof UUID uuid ? uuid : p);
    }
  }
}
