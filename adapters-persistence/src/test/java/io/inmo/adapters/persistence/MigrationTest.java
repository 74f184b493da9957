package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inmo.adapters.persistence.ConstraintViolation.Kind;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class MigrationTest {
  /** docs/data-model.md: every table of the contract. */
  private static final Set<String> CONTRACT_TABLES =
      Set.of(
          "brokers",
          "users",
          "refresh_tokens",
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
          "scheduled_tasks");

  /** shared/seed ERD: every table and column must exist after migration. */
  private static final Map<String, List<String>> SEED_ERD = new LinkedHashMap<>();

  static {
    seed("brokers", "id,name,slug,phone,email,is_active,created_at");
    seed("users", "id,email,hashed_password,name,role,broker_id,is_active");
    seed(
        "leads",
        "id,phone,name,email,status,lead_score,lead_metadata,pipeline_stage,assigned_to,broker_id");
    seed(
        "broker_prompt_configs",
        "id,broker_id,agent_name,identity_prompt,business_context,enable_appointment_booking");
    seed(
        "broker_lead_configs",
        "id,broker_id,field_weights,cold_max_score,warm_max_score,hot_min_score");
    seed(
        "broker_voice_configs",
        "id,broker_id,provider,provider_credentials,phone_number_id,assistant_id_default");
    seed("broker_chat_configs", "id,broker_id,enabled_providers,default_provider");
    seed(
        "appointments", "id,lead_id,agent_id,appointment_type,status,start_time,end_time,meet_url");
    seed("campaigns", "id,name,channel,status,triggered_by,broker_id");
    seed("campaign_steps", "id,campaign_id,step_number,action,message_template_id,delay_hours");
    seed("campaign_logs", "id,campaign_id,lead_id,step_number,status");
    seed("message_templates", "id,name,channel,content,agent_type,variables,broker_id");
    seed(
        "voice_calls",
        "id,lead_id,campaign_id,phone_number,external_call_id,status,duration,transcript,summary,"
            + "broker_id");
    seed("call_transcripts", "id,voice_call_id,speaker,text_content,timestamp_sec");
    seed("chat_messages", "id,lead_id,broker_id,provider,channel_user_id,message_text,direction");
    seed("telegram_messages", "id,lead_id,telegram_user_id,message_text,direction");
    seed("activity_log", "id,lead_id,action_type,details,ts");
    seed("audit_logs", "id,user_id,action,resource_type,resource_id");
  }

  /** Every JSON column of the contract, as table.column. */
  private static final Set<String> JSON_COLUMNS =
      Set.of(
          "brokers.business_hours",
          "broker_lead_configs.field_weights",
          "broker_lead_configs.field_priority",
          "broker_lead_configs.required_profile_fields",
          "broker_voice_configs.provider_credentials",
          "broker_chat_configs.enabled_providers",
          "broker_chat_configs.provider_credentials",
          "leads.score_components",
          "leads.lead_metadata",
          "message_templates.variables",
          "campaigns.trigger_config",
          "campaign_steps.config",
          "telegram_messages.raw",
          "activity_log.details",
          "audit_logs.before_summary",
          "audit_logs.after_summary");

  /**
   * The indexes of tenant tables that deliberately do not lead with broker_id (data-model.md):
   * per-parent lookups by globally unique ids, global uniques, and the double-booking constraint.
   */
  private static final Set<String> INDEXES_NOT_LEADING_WITH_BROKER_ID =
      Set.of(
          "users_email_key",
          "lead_identities_lead_id_idx",
          "appointments_lead_id_idx",
          "appointments_agent_id_time_excl",
          "campaign_steps_campaign_id_step_number_key",
          "campaign_logs_lead_id_idx",
          "voice_calls_lead_id_idx",
          "voice_calls_external_call_id_key",
          "call_transcripts_voice_call_id_seq_idx",
          // the rescoring worker takes the oldest open run of any broker
          "lead_rescoring_runs_open_idx",
          // the turn worker takes the longest-due conversation of any broker (ADR 0015)
          "conversations_turn_due_idx",
          // the outbox sweeper sends any broker's queued replies (ADR 0015)
          "chat_messages_outbox_idx",
          // every node reads the live events of every broker in transaction order (ADR 0017)
          "live_events_xid_idx",
          "live_events_created_at_idx");

  private static DataSource dataSource;

  @BeforeAll
  static void useClassDatabase(PgDatabase database) {
    dataSource = database.dataSource();
  }

  private static void seed(String table, String columns) {
    SEED_ERD.put(table, List.of(columns.split(",")));
  }

  @Test
  void givenFreshDatabase_whenMigrated_thenEverySeedTableAndColumnExists() throws SQLException {
    Map<String, Set<String>> columns = columnsByTable();

    SEED_ERD.forEach(
        (table, expected) ->
            assertThat(columns.get(table))
                .as("columns of %s", table)
                .isNotNull()
                .containsAll(expected));
  }

  @Test
  void givenFreshDatabase_whenMigrated_thenEveryContractTableExists() throws SQLException {
    assertThat(columnsByTable().keySet()).containsAll(CONTRACT_TABLES);
  }

  @Test
  void givenFreshDatabase_whenMigrated_thenIdsAreUuidsAndTenantRowsCarryBrokerId()
      throws SQLException {
    Map<String, String> types = columnTypes();

    for (String table : CONTRACT_TABLES) {
      if (table.equals("scheduled_tasks")) {
        continue;
      }
      assertThat(types.get(table + ".id")).as("%s.id", table).isEqualTo("uuid");
      if (!Set.of("brokers", "users", "refresh_tokens", "audit_logs").contains(table)) {
        assertThat(types.get(table + ".broker_id")).as("%s.broker_id", table).isEqualTo("uuid");
        assertThat(isNullable(table, "broker_id")).as("%s.broker_id nullable", table).isFalse();
      }
    }
  }

  @Test
  void givenFreshDatabase_whenMigrated_thenJsonIsJsonbAndTimesAreTimestamptz() throws SQLException {
    Map<String, String> types = columnTypes();

    JSON_COLUMNS.forEach(column -> assertThat(types.get(column)).as(column).isEqualTo("jsonb"));
    assertThat(types).as("no plain json columns").doesNotContainValue("json");
    List<String> withoutZone = new ArrayList<>();
    types.forEach(
        (column, type) -> {
          if (type.equals("timestamp") && !column.startsWith("databasechangelog")) {
            withoutZone.add(column);
          }
        });
    assertThat(withoutZone).as("timestamp columns without time zone").isEmpty();
    assertThat(types)
        .containsEntry("brokers.created_at", "timestamptz")
        .containsEntry("appointments.start_time", "timestamptz")
        .containsEntry("appointments.end_time", "timestamptz")
        .containsEntry("activity_log.ts", "timestamptz")
        .containsEntry("scheduled_tasks.execution_time", "timestamptz");
  }

  @Test
  void givenTenantTables_whenListingIndexes_thenEachLeadsWithBrokerIdOrIsADocumentedException()
      throws SQLException {
    Set<String> notLeading = new TreeSet<>();
    String sql =
        """
        SELECT i.relname AS index_name, a.attname AS first_column
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = 'public'
          AND NOT x.indisprimary
          AND EXISTS (SELECT 1 FROM information_schema.columns c
                      WHERE c.table_schema = 'public' AND c.table_name = t.relname
                        AND c.column_name = 'broker_id')
        """;
    int tenantIndexes = 0;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        tenantIndexes++;
        if (!"broker_id".equals(rows.getString("first_column"))) {
          notLeading.add(rows.getString("index_name"));
        }
      }
    }

    assertThat(tenantIndexes).isGreaterThan(20);
    assertThat(notLeading).containsExactlyInAnyOrderElementsOf(INDEXES_NOT_LEADING_WITH_BROKER_ID);
  }

  @Test
  void givenFreshDatabase_whenMigrated_thenExtensionsAndSchedulerTableExist() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(strings(statement, "SELECT extname FROM pg_extension"))
          .contains("btree_gist", "pg_trgm");
      assertThat(
              strings(
                  statement,
                  "SELECT indexname FROM pg_indexes WHERE tablename = 'scheduled_tasks'"))
          .containsExactlyInAnyOrder(
              "scheduled_tasks_pkey",
              "execution_time_idx",
              "last_heartbeat_idx",
              "priority_execution_time_idx");
    }
    assertThat(columnsByTable().get("scheduled_tasks"))
        .containsExactlyInAnyOrder(
            "task_name",
            "task_instance",
            "task_data",
            "execution_time",
            "picked",
            "picked_by",
            "last_success",
            "last_failure",
            "consecutive_failures",
            "last_heartbeat",
            "version",
            "priority");
  }

  @Test
  void givenExistingSlug_whenInsertingSameSlug_thenUniqueViolation() throws SQLException {
    String slug = "broker-" + shortId();
    insertBroker(slug);

    ConstraintViolation violation = violationOf(() -> insertBroker(slug));

    assertThat(violation.kind()).isEqualTo(Kind.UNIQUE);
    assertThat(violation.constraintName()).isEqualTo("brokers_slug_key");
    assertThat(violation.table()).isEqualTo("brokers");
  }

  @Test
  void givenInvalidSlug_whenInserting_thenCheckViolation() {
    ConstraintViolation violation = violationOf(() -> insertBroker("Not A Slug"));

    assertThat(violation.kind()).isEqualTo(Kind.CHECK);
    assertThat(violation.constraintName()).isEqualTo("brokers_slug_check");
  }

  @Test
  void givenAgentWithoutBroker_whenInserting_thenCheckViolation() {
    ConstraintViolation violation = violationOf(() -> insertUser("AGENT", null));

    assertThat(violation.kind()).isEqualTo(Kind.CHECK);
    assertThat(violation.constraintName()).isEqualTo("users_role_broker_id_check");
  }

  @Test
  void givenSuperadminWithBroker_whenInserting_thenCheckViolation() throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());

    ConstraintViolation violation = violationOf(() -> insertUser("SUPERADMIN", broker));

    assertThat(violation.constraintName()).isEqualTo("users_role_broker_id_check");
  }

  @Test
  void givenSameEmailInOtherCase_whenInsertingUser_thenUniqueViolation() throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());
    String email = "agent-" + shortId() + "@example.cl";
    insert(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
            + " VALUES (?, ?, 'x', 'Ana', 'AGENT', ?)",
        UUID.randomUUID(),
        email,
        broker);

    ConstraintViolation violation =
        violationOf(
            () ->
                insert(
                    "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
                        + " VALUES (?, ?, 'x', 'Ana', 'AGENT', ?)",
                    UUID.randomUUID(),
                    email.toUpperCase(),
                    broker));

    assertThat(violation.kind()).isEqualTo(Kind.UNIQUE);
    assertThat(violation.constraintName()).isEqualTo("users_email_key");
  }

  @Test
  void givenInvalidPipelineStage_whenInsertingLead_thenCheckViolation() throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());

    ConstraintViolation violation =
        violationOf(
            () ->
                insert(
                    "INSERT INTO leads (id, broker_id, pipeline_stage, stage_entered_at)"
                        + " VALUES (?, ?, 'negotiation', now())",
                    UUID.randomUUID(),
                    broker));

    assertThat(violation.kind()).isEqualTo(Kind.CHECK);
    assertThat(violation.constraintName()).isEqualTo("leads_pipeline_stage_check");
  }

  @Test
  void givenUnknownBroker_whenInsertingLead_thenForeignKeyViolation() {
    ConstraintViolation violation = violationOf(() -> insertLead(UUID.randomUUID()));

    assertThat(violation.kind()).isEqualTo(Kind.FOREIGN_KEY);
    assertThat(violation.constraintName()).isEqualTo("leads_broker_id_fkey");
  }

  @Test
  void givenNewLead_whenInsertedWithDefaults_thenContractDefaultsApply() throws SQLException {
    UUID lead = insertLead(insertBroker("broker-" + shortId()));

    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT status, lead_score, pipeline_stage, lead_metadata::text,"
                    + " score_components::text, cardinality(tags) FROM leads WHERE id = ?")) {
      statement.setObject(1, lead);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("cold");
        assertThat(row.getInt(2)).isZero();
        assertThat(row.getString(3)).isEqualTo("new");
        assertThat(row.getString(4)).isEqualTo("{}");
        assertThat(row.getString(5)).isEqualTo("[]");
        assertThat(row.getInt(6)).isZero();
      }
    }
  }

  @Test
  void givenScheduledAppointment_whenSameAgentBooksOverlap_thenExclusionViolation()
      throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());
    UUID agent = insertUser("AGENT", broker);
    UUID lead = insertLead(broker);
    OffsetDateTime ten = OffsetDateTime.of(2030, 3, 4, 10, 0, 0, 0, ZoneOffset.ofHours(-3));
    insertAppointment(broker, lead, agent, "scheduled", ten, ten.plusHours(1));

    ConstraintViolation violation =
        violationOf(
            () ->
                insertAppointment(
                    broker, lead, agent, "confirmed", ten.plusMinutes(30), ten.plusMinutes(90)));

    assertThat(violation.kind()).isEqualTo(Kind.EXCLUSION);
    assertThat(violation.sqlState()).isEqualTo("23P01");
    assertThat(violation.constraintName()).isEqualTo("appointments_agent_id_time_excl");
  }

  @Test
  void givenScheduledAppointment_whenCancelledOneOrAdjacentOneOverlaps_thenBothAreAccepted()
      throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());
    UUID agent = insertUser("AGENT", broker);
    UUID lead = insertLead(broker);
    OffsetDateTime ten = OffsetDateTime.of(2030, 3, 5, 10, 0, 0, 0, ZoneOffset.ofHours(-3));
    insertAppointment(broker, lead, agent, "scheduled", ten, ten.plusHours(1));

    insertAppointment(broker, lead, agent, "cancelled", ten, ten.plusHours(1));
    insertAppointment(broker, lead, agent, "scheduled", ten.plusHours(1), ten.plusHours(2));
    insertAppointment(
        broker, lead, insertUser("AGENT", broker), "scheduled", ten, ten.plusHours(1));

    assertThat(
            count(
                "SELECT count(*) FROM appointments WHERE agent_id = ? AND start_time >= ?",
                agent,
                ten))
        .isEqualTo(3);
  }

  @Test
  void givenAppointmentEndingBeforeItStarts_whenInserting_thenCheckViolation() throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());
    UUID lead = insertLead(broker);
    OffsetDateTime ten = OffsetDateTime.of(2030, 3, 6, 10, 0, 0, 0, ZoneOffset.UTC);

    ConstraintViolation violation =
        violationOf(() -> insertAppointment(broker, lead, null, "scheduled", ten, ten));

    assertThat(violation.constraintName()).isEqualTo("appointments_time_check");
  }

  @Test
  void givenStoredProviderMessage_whenSameMessageArrivesAgain_thenUniqueViolation()
      throws SQLException {
    UUID broker = insertBroker("broker-" + shortId());
    UUID lead = insertLead(broker);
    insertChatMessage(broker, lead, "tg-42");
    insertChatMessage(broker, lead, null);
    insertChatMessage(broker, lead, null);

    ConstraintViolation violation = violationOf(() -> insertChatMessage(broker, lead, "tg-42"));

    assertThat(violation.kind()).isEqualTo(Kind.UNIQUE);
    assertThat(violation.constraintName())
        .isEqualTo("chat_messages_broker_id_provider_provider_message_id_key");
  }

  @Test
  void givenMigratedDatabase_whenMigratingAgain_thenNothingChanges() throws SQLException {
    long applied = count("SELECT count(*) FROM databasechangelog");
    long tables =
        count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");

    new LiquibaseMigrator().migrate(dataSource);

    assertThat(count("SELECT count(*) FROM databasechangelog")).isEqualTo(applied);
    assertThat(applied).isGreaterThanOrEqualTo(CONTRACT_TABLES.size());
    assertThat(
            count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
        .isEqualTo(tables);
  }

  // --- composite tenant keys (0004-tenant-keys.sql): a child never points at another broker's row

  @Test
  void givenLeadOfAnotherBroker_whenChildRowsPointAtIt_thenForeignKeyViolations()
      throws SQLException {
    UUID andes = insertBroker("broker-" + shortId());
    UUID costa = insertBroker("broker-" + shortId());
    UUID costasLead = insertLead(costa);
    OffsetDateTime ten = OffsetDateTime.of(2030, 3, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    assertForeignKeyViolation(
        "lead_identities_broker_id_lead_id_fkey",
        () ->
            insert(
                "INSERT INTO lead_identities (id, broker_id, lead_id, channel, value)"
                    + " VALUES (?, ?, ?, 'telegram', ?)",
                UUID.randomUUID(),
                andes,
                costasLead,
                shortId()));
    assertForeignKeyViolation(
        "appointments_broker_id_lead_id_fkey",
        () -> insertAppointment(andes, costasLead, null, "scheduled", ten, ten.plusHours(1)));
    assertForeignKeyViolation(
        "chat_messages_broker_id_lead_id_fkey", () -> insertChatMessage(andes, costasLead, null));
    assertForeignKeyViolation(
        "activity_log_broker_id_lead_id_fkey",
        () ->
            insert(
                "INSERT INTO activity_log (id, broker_id, lead_id, action_type) VALUES (?, ?, ?, 'note')",
                UUID.randomUUID(),
                andes,
                costasLead));
    assertForeignKeyViolation(
        "voice_calls_broker_id_lead_id_fkey", () -> insertVoiceCall(andes, costasLead));
    // the same rows under the lead's own broker are accepted
    insertAppointment(costa, costasLead, null, "scheduled", ten, ten.plusHours(1));
    insertChatMessage(costa, costasLead, null);
    insertVoiceCall(costa, costasLead);
  }

  @Test
  void givenUserOfAnotherBroker_whenAssignedALeadOrBooked_thenForeignKeyViolations()
      throws SQLException {
    UUID andes = insertBroker("broker-" + shortId());
    UUID costa = insertBroker("broker-" + shortId());
    UUID costasAgent = insertUser("AGENT", costa);
    UUID andesLead = insertLead(andes);
    OffsetDateTime ten = OffsetDateTime.of(2030, 3, 8, 10, 0, 0, 0, ZoneOffset.UTC);

    assertForeignKeyViolation(
        "leads_broker_id_assigned_to_fkey",
        () ->
            insert(
                "UPDATE leads SET assigned_to = ? WHERE broker_id = ? AND id = ?",
                costasAgent,
                andes,
                andesLead));
    assertForeignKeyViolation(
        "appointments_broker_id_agent_id_fkey",
        () -> insertAppointment(andes, andesLead, costasAgent, "scheduled", ten, ten.plusHours(1)));
    // an agent of the lead's broker is accepted, and so is a SUPERADMIN as the actor of a row
    UUID andesAgent = insertUser("AGENT", andes);
    insert(
        "UPDATE leads SET assigned_to = ? WHERE broker_id = ? AND id = ?",
        andesAgent,
        andes,
        andesLead);
    insertAppointment(andes, andesLead, andesAgent, "scheduled", ten, ten.plusHours(1));
    insert(
        "INSERT INTO activity_log (id, broker_id, lead_id, action_type, actor_type, actor_user_id)"
            + " VALUES (?, ?, ?, 'note', 'user', ?)",
        UUID.randomUUID(),
        andes,
        andesLead,
        insertUser("SUPERADMIN", null));
  }

  @Test
  void givenCampaignTemplateOrCallOfAnotherBroker_whenChildRowsPointAtIt_thenForeignKeyViolations()
      throws SQLException {
    UUID andes = insertBroker("broker-" + shortId());
    UUID costa = insertBroker("broker-" + shortId());
    UUID andesCampaign = insertCampaign(andes);
    UUID costasCampaign = insertCampaign(costa);
    UUID costasTemplate = UUID.randomUUID();
    insert(
        "INSERT INTO message_templates (id, broker_id, name, channel, content, agent_type)"
            + " VALUES (?, ?, ?, 'whatsapp', 'Hola', 'follow_up')",
        costasTemplate,
        costa,
        "plantilla-" + shortId());
    UUID costasCall = insertVoiceCall(costa, insertLead(costa));

    assertForeignKeyViolation(
        "campaign_steps_broker_id_campaign_id_fkey",
        () -> insertCampaignStep(andes, costasCampaign, null));
    assertForeignKeyViolation(
        "campaign_steps_broker_id_message_template_id_fkey",
        () -> insertCampaignStep(andes, andesCampaign, costasTemplate));
    assertForeignKeyViolation(
        "campaign_logs_broker_id_campaign_id_fkey",
        () ->
            insert(
                "INSERT INTO campaign_logs (id, broker_id, campaign_id, lead_id, step_number, status)"
                    + " VALUES (?, ?, ?, ?, 1, 'pending')",
                UUID.randomUUID(),
                andes,
                costasCampaign,
                insertLead(andes)));
    assertForeignKeyViolation(
        "call_transcripts_broker_id_voice_call_id_fkey",
        () ->
            insert(
                "INSERT INTO call_transcripts (id, broker_id, voice_call_id, seq, speaker, text_content)"
                    + " VALUES (?, ?, ?, 1, 'agent', 'Hola')",
                UUID.randomUUID(),
                andes,
                costasCall));
    insertCampaignStep(andes, andesCampaign, null);
  }

  @Test
  void givenTenantChildTables_whenListingForeignKeysToTenantParents_thenEachIncludesBrokerId()
      throws SQLException {
    String sql =
        """
        SELECT c.conname
        FROM pg_constraint c
        JOIN pg_class child ON child.oid = c.conrelid
        JOIN pg_class parent ON parent.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE n.nspname = 'public' AND c.contype = 'f'
          AND parent.relname IN ('leads', 'users', 'campaigns', 'message_templates', 'voice_calls')
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                          WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                            AND a.attname = 'broker_id')
        """;
    Set<String> singleColumn = new TreeSet<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      singleColumn.addAll(strings(statement, sql));
    }

    // actor columns and the token table keep single-column keys (see 0004-tenant-keys.sql)
    assertThat(singleColumn)
        .containsExactlyInAnyOrder(
            "refresh_tokens_user_id_fkey",
            "audit_logs_user_id_fkey",
            "activity_log_actor_user_id_fkey",
            "chat_messages_sent_by_fkey",
            "voice_calls_initiated_by_fkey",
            "campaigns_created_by_fkey",
            "lead_rescoring_runs_requested_by_fkey");
  }

  // --- helpers

  private static void assertForeignKeyViolation(String constraint, SqlAction action) {
    ConstraintViolation violation = violationOf(action);

    assertThat(violation.kind()).as(constraint).isEqualTo(Kind.FOREIGN_KEY);
    assertThat(violation.constraintName()).isEqualTo(constraint);
  }

  private static UUID insertCampaign(UUID broker) throws SQLException {
    UUID id = UUID.randomUUID();
    insert(
        "INSERT INTO campaigns (id, broker_id, name, channel, status, triggered_by)"
            + " VALUES (?, ?, 'Campaña', 'whatsapp', 'active', 'manual')",
        id,
        broker);
    return id;
  }

  private static void insertCampaignStep(UUID broker, UUID campaign, UUID template)
      throws SQLException {
    insert(
        "INSERT INTO campaign_steps (id, broker_id, campaign_id, step_number, action,"
            + " message_template_id) VALUES (?, ?, ?, 1, 'send_message', ?)",
        UUID.randomUUID(),
        broker,
        campaign,
        template);
  }

  private static UUID insertVoiceCall(UUID broker, UUID lead) throws SQLException {
    UUID id = UUID.randomUUID();
    insert(
        "INSERT INTO voice_calls (id, broker_id, lead_id, provider, phone_number, status)"
            + " VALUES (?, ?, ?, 'vapi', '+56912345678', 'initiated')",
        id,
        broker,
        lead);
    return id;
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static ConstraintViolation violationOf(SqlAction action) {
    Throwable thrown = catchThrowable(action::run);
    assertThat(thrown).as("expected a constraint violation").isInstanceOf(SQLException.class);
    return PersistenceErrors.constraintViolation(thrown)
        .orElseThrow(() -> new AssertionError("not a constraint violation", thrown));
  }

  private static UUID insertBroker(String slug) throws SQLException {
    UUID id = UUID.randomUUID();
    insert(
        "INSERT INTO brokers (id, name, slug, business_hours) VALUES (?, 'Corredora', ?, '{}')",
        id,
        slug);
    return id;
  }

  private static UUID insertUser(String role, UUID broker) throws SQLException {
    UUID id = UUID.randomUUID();
    insert(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
            + " VALUES (?, ?, 'x', 'Ana', ?, ?)",
        id,
        "user-" + id + "@example.cl",
        role,
        broker);
    return id;
  }

  private static UUID insertLead(UUID broker) throws SQLException {
    UUID id = UUID.randomUUID();
    insert(
        "INSERT INTO leads (id, broker_id, phone, stage_entered_at) VALUES (?, ?, '+56912345678', now())",
        id,
        broker);
    return id;
  }

  private static void insertAppointment(
      UUID broker, UUID lead, UUID agent, String status, OffsetDateTime start, OffsetDateTime end)
      throws SQLException {
    insert(
        "INSERT INTO appointments (id, broker_id, lead_id, agent_id, appointment_type, status,"
            + " start_time, end_time) VALUES (?, ?, ?, ?, 'property_visit', ?, ?, ?)",
        UUID.randomUUID(),
        broker,
        lead,
        agent,
        status,
        start,
        end);
  }

  private static void insertChatMessage(UUID broker, UUID lead, String providerMessageId)
      throws SQLException {
    insert(
        "INSERT INTO chat_messages (id, broker_id, lead_id, provider, channel_user_id, message_text,"
            + " direction, sender_type, provider_message_id, delivery_status)"
            + " VALUES (?, ?, ?, 'telegram', '777', 'Hola', 'inbound', 'lead', ?, 'received')",
        UUID.randomUUID(),
        broker,
        lead,
        providerMessageId);
  }

  private static void insert(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  private static long count(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static Map<String, Set<String>> columnsByTable() throws SQLException {
    Map<String, Set<String>> columns = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public'")) {
      while (rows.next()) {
        columns.computeIfAbsent(rows.getString(1), t -> new TreeSet<>()).add(rows.getString(2));
      }
    }
    return columns;
  }

  /** table.column to the PostgreSQL type name (udt_name: jsonb, timestamptz, uuid, int4, ...). */
  private static Map<String, String> columnTypes() throws SQLException {
    Map<String, String> types = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name, column_name, udt_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public'")) {
      while (rows.next()) {
        types.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
      }
    }
    return types;
  }

  private static boolean isNullable(String table, String column) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = ? AND column_name = ?")) {
      statement.setString(1, table);
      statement.setString(2, column);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).as("%s.%s exists", table, column).isTrue();
        return "YES".equals(row.getString(1));
      }
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
