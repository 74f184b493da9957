package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link TenantGuard} reads SQL, statement by statement, without a database. */
class StatementScopeTest {
  private final TenantGuard guard = new TenantGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Hibernate's renderings of the repositories' queries
        "/* select l from LeadJpaEntity l where … */ select l1_0.id,l1_0.name from leads l1_0"
            + " where l1_0.id=? and l1_0.broker_id=?",
        "select l1_0.id from leads l1_0 where l1_0.broker_id=? and l1_0.deleted_at is null"
            + " and l1_0.phone=? order by l1_0.created_at,l1_0.id offset ? rows fetch first ? rows"
            + " only",
        "select s1_0.id from campaign_steps s1_0 where s1_0.broker_id=? and s1_0.campaign_id in"
            + " (?,?,?) order by s1_0.campaign_id,s1_0.step_number",
        "select u1_0.id from users u1_0 where u1_0.broker_id is null and u1_0.role=?",
        "select t1_0.id from leads t1_0 where t1_0.broker_id=? for no key update of t1_0",
        // entity writes by Hibernate's persister
        "/* update for io.inmo.adapters.persistence.lead.LeadJpaEntity */update leads set name=?,"
            + "version=? where id=? and version=?",
        "/* delete for io.inmo.adapters.persistence.lead.LeadIdentityJpaEntity */delete from"
            + " lead_identities where id=?",
        "/* insert for io.inmo.adapters.persistence.lead.LeadJpaEntity */insert into leads"
            + " (broker_id,name,id) values (?,?,?)",
        "insert into leads (id, broker_id) values (?, ?) on conflict (id) do update set name = ?",
        // hand-written native SQL
        "select l.* from leads l where l.broker_id = ? and l.deleted_at is null"
            + " and (l.assigned_to = ? or l.assigned_to is null)"
            + " and exists (select 1 from lead_identities i where i.broker_id = ?"
            + " and i.lead_id = l.id and i.channel = ?) and (l.created_at, l.id) < (?, ?)"
            + " order by l.created_at desc, l.id desc limit ?",
        "SELECT name FROM leads WHERE broker_id = ? AND name = 'from users where 1=1'",
        "select * from \"leads\" as l where ? = l.broker_id",
        "select * from public.leads l where l.broker_id = cast(? as uuid)",
        "select * from leads l where l.broker_id = any (?)",
        "select * from leads l where ((l.broker_id = ?) and l.id = ?)",
        "select c.id from voice_calls c join call_transcripts t on t.voice_call_id = c.id"
            + " and t.broker_id = c.broker_id where c.broker_id = ?",
        "select c.id from voice_calls c left join call_transcripts t on t.broker_id = ?"
            + " and t.voice_call_id = c.id where c.broker_id = ? and c.status = 'completed'",
        "select l.id from leads l, lead_identities i where l.broker_id = ? and i.broker_id ="
            + " l.broker_id and i.lead_id = l.id",
        "delete from activity_log where broker_id = ? and lead_id = ?",
        "update leads l set name = ? where l.broker_id = ? and l.id = ?",
        // not broker-owned tables
        "select b1_0.id from brokers b1_0 where b1_0.slug=?",
        "select t1_0.id from refresh_tokens t1_0 where t1_0.token_hash=? for no key update",
        "select extract(epoch from now()), trim(both ' ' from 'leads')",
        // the platform marker, possibly after Hibernate's own comment
        "/* platform-scope: login by e-mail */ select u1_0.id from users u1_0 where"
            + " lower(u1_0.email)=?",
        "/* dynamic native SQL query */ /* platform-scope: webhook */ select * from voice_calls"
            + " where external_call_id = ?",
      })
  void givenScopedOrExemptStatement_whenInspected_thenAccepted(String sql) {
    assertThat(guard.check(sql)).as(sql).isEmpty();
    assertThat(guard.inspect(sql)).isSameAs(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select l1_0.id from leads l1_0 where l1_0.id=?",
        "select l1_0.id from leads l1_0",
        "select count(*) from chat_messages",
        "select * from leads l where l.broker_id = ? or l.phone = ?",
        "select * from leads l where l.phone = ? or l.broker_id = ?",
        "select * from leads l where (l.broker_id = ? or true) and l.id = ?",
        "select * from leads l where not (l.broker_id = ?)",
        "select * from leads l where not l.broker_id = ?",
        "select * from leads l where l.broker_id <> ?",
        "select * from leads l where l.broker_id is not null",
        "select * from leads l where l.broker_id = l.broker_id",
        "select * from leads l where coalesce(l.broker_id = ?, true)",
        "select * from leads l where case when l.broker_id = ? then true else true end",
        "select l.broker_id = ? from leads l",
        "select * from leads l where l.broker_id = ? is not true",
        "select * from leads l where l.broker_id in (select broker_id from users)",
        "select * from leads l where l.broker_id = ? union select * from leads m where m.id = ?",
        "select * from leads l join lead_identities i on i.lead_id = l.id where l.broker_id = ?",
        "select * from leads l left join users u on u.id = l.assigned_to where l.broker_id = ?",
        "select l.id from leads l, lead_identities i where l.broker_id = ? and i.lead_id = l.id",
        "select * from leads l where l.id in (select lead_id from lead_identities where value = ?)"
            + " and l.broker_id = ?",
        "select * from leads where name = 'broker_id = ?'",
        "select * from leads -- broker_id = ?\n where id = ?",
        "select * from leads /* where broker_id = ? */ where id = ?",
        "insert into activity_log (id, broker_id, lead_id) select ?, broker_id, id from leads",
        // writes by primary key that are not Hibernate's entity persister
        "update leads set name = ? where id = ?",
        "/* dynamic native SQL query */ delete from leads where id = ?",
        "/* update LeadRow l set l.name = :n where l.id = :id */ update leads lr1_0 set name=?"
            + " where lr1_0.id=?",
        "/* update for x.LeadJpaEntity */update leads set name=? where id=? or 1=1",
        "/* update for x.LeadJpaEntity */update leads set name=? where name=?",
        "/* delete for x.LeadJpaEntity */delete from leads where phone=?",
        // the marker must lead the statement
        "select * from leads /* platform-scope: no */ where id = ?",
        "/* select l from Lead l where l.name = '/* platform-scope: no' */ select * from leads",
      })
  void givenUnscopedStatement_whenInspected_thenRejectedBeforeItRuns(String sql) {
    assertThat(guard.check(sql)).as(sql).isPresent();
    assertThatThrownBy(() -> guard.inspect(sql))
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining("SQL: " + sql);
  }

  @Test
  void givenRejectedStatement_whenInspectedAgain_thenTheCachedVerdictStillRejects() {
    String sql = "select a1_0.id from appointments a1_0 where a1_0.id=?";

    assertThatThrownBy(() -> guard.inspect(sql)).isInstanceOf(UnscopedQueryException.class);
    assertThatThrownBy(() -> guard.inspect(sql))
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining(
            "table appointments (alias a1_0) is not constrained by a1_0.broker_id");
  }

  @Test
  void givenUnscopedJoin_whenRejected_thenTheMessageNamesTheUnscopedTable() {
    assertThatThrownBy(
            () ->
                guard.inspect(
                    "select c.id from campaigns c join campaign_steps s on s.campaign_id = c.id"
                        + " where c.broker_id = ?"))
        .isInstanceOfSatisfying(
            UnscopedQueryException.class, e -> assertThat(e.table()).isEqualTo("campaign_steps"));
  }

  @Test
  void givenReasonWithCommentDelimiters_whenHinting_thenRejected() {
    assertThatThrownBy(() -> PlatformScope.sqlComment("a */ select"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlatformScope.sqlComment(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PlatformScope.sqlComment("login")).isEqualTo("/* platform-scope: login */ ");
  }
}
