package io.inmo.adapters.persistence.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.SealingFieldCodec;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.LeadSearchRepository.LeadSearch;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.LeadSearchRepository.Position;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lead list port against real PostgreSQL: filters, folding search, keyset pages, scope. */
@ExtendWith(TestPostgres.class)
class JpaLeadSearchRepositoryTest {
  private static final Instant NOW = TimeMother.NOW;
  private static final UserId CAMILA = UserId.of("0195a1b2-0000-7000-8000-0000000000c1");

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaLeadSearchRepository search;
  private static BrokerId broker;
  private static BrokerId other;
  private static final List<Lead> LEADS = new ArrayList<>();

  @BeforeAll
  static void start(PgDatabase database) {
    ParentRows rows = new ParentRows(database.dataSource()).andes();
    broker = rows.costa();
    other = ParentRows.ANDES;
    rows.user(CAMILA, broker, "Camila Rojas", "AGENT");
    SealingFieldCodec codec = new SealingFieldCodec();
    jpa = JpaPersistence.start(database.dataSource(), LeadJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    JpaLeadRepository leads = new JpaLeadRepository(unitOfWork, codec);
    search = new JpaLeadSearchRepository(unitOfWork, codec);
    String[] names = {
      "Catalina Muñoz", "José Pérez", "Benjamín Soto", "Martina González", "Tomás Díaz"
    };
    unitOfWork.inTransaction(
        () -> {
          for (int i = 0; i < names.length; i++) {
            Instant at = NOW.plusSeconds(i);
            Lead lead = Lead.capture(broker, ChannelIdentity.telegram("tg-" + i), at);
            lead.rename(names[i], at);
            lead.changePhone(new PhoneNumber("+5698765432" + i), at);
            lead.changeEmail(new Email("lead" + i + "@correo.cl"), at);
            lead.applyScore(
                LeadScore.of(i * 20),
                List.of(),
                i < 2 ? LeadStatus.COLD : LeadStatus.WARM,
                null,
                at);
            if (i == 1) {
              lead.assignTo(CAMILA, at);
            }
            leads.save(lead);
            LEADS.add(lead);
          }
          Lead deleted = Lead.capture(broker, NOW);
          deleted.rename("Catalina Borrada", NOW);
          deleted.softDelete(NOW);
          leads.save(deleted);
          Lead foreign = Lead.capture(other, NOW);
          foreign.rename("Catalina de Otra Corredora", NOW);
          leads.save(foreign);
        });
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenFragmentWithoutAccents_whenSearched_thenFoundInOwnBrokerOnly() {
    assertThat(names(query("munoz", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Catalina Muñoz");
    assertThat(names(query("CATALINA", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Catalina Muñoz");
    assertThat(names(query("87654323", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Martina González");
    assertThat(names(query("lead4@", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Tomás Díaz");
    assertThat(query("100%", null, null, null, LeadSort.NEWEST, null, 50)).isEmpty();
  }

  @Test
  void givenOneOrTwoCharacters_whenSearched_thenMatchedWithoutTheTrigramIndex() {
    assertThat(names(query("uÑ", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Catalina Muñoz");
    assertThat(names(query("DÍ", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Tomás Díaz");
    assertThat(names(query("%", null, null, null, LeadSort.NEWEST, null, 50))).isEmpty();
    assertThat(names(query("_", null, null, null, LeadSort.NEWEST, null, 50))).isEmpty();
  }

  @Test
  void givenLeadRenamed_whenSearched_thenTheStoredSearchTextFollows() {
    JpaLeadRepository leads = new JpaLeadRepository(unitOfWork, new SealingFieldCodec());
    Lead lead = Lead.capture(broker, ChannelIdentity.telegram("tg-renombrado"), NOW);
    lead.rename("Ignacio Valdés", NOW);
    unitOfWork.inTransaction(() -> leads.save(lead));
    assertThat(names(query("valdes", null, null, null, LeadSort.NEWEST, null, 50)))
        .containsExactly("Ignacio Valdés");

    try {
      unitOfWork.inTransaction(
          () -> {
            Lead stored = leads.findById(broker, lead.id()).orElseThrow();
            stored.rename("Ignacio Yáñez", NOW.plusSeconds(60));
            leads.save(stored);
          });
      assertThat(query("valdes", null, null, null, LeadSort.NEWEST, null, 50)).isEmpty();
      assertThat(names(query("YANEZ", null, null, null, LeadSort.NEWEST, null, 50)))
          .containsExactly("Ignacio Yáñez");
    } finally { // the other tests count this broker's live leads
      unitOfWork.inTransaction(
          () -> {
            Lead stored = leads.findById(broker, lead.id()).orElseThrow();
            stored.softDelete(NOW.plusSeconds(61));
            leads.save(stored);
          });
    }
  }

  @Test
  void givenScoreRange_whenSortedByScore_thenPagedWithoutRepeats() {
    List<Lead> first = query(null, 20, 80, null, LeadSort.HIGHEST_SCORE, null, 2);
    Lead last = first.get(1);
    List<Lead> second =
        query(
            null,
            20,
            80,
            null,
            LeadSort.HIGHEST_SCORE,
            new Position(last.score().value(), null, last.id().value()),
            2);

    assertThat(names(first)).containsExactly("Tomás Díaz", "Martina González");
    assertThat(names(second)).containsExactly("Benjamín Soto", "José Pérez");
  }

  @Test
  void givenAgent_whenListed_thenOwnAndUnassignedNewestFirst() {
    List<Lead> all = query(null, null, null, CAMILA, LeadSort.NEWEST, null, 50);
    List<Lead> oldest = query(null, null, null, null, LeadSort.OLDEST, null, 2);
    Lead second = oldest.get(1);
    List<Lead> rest =
        query(
            null,
            null,
            null,
            null,
            LeadSort.OLDEST,
            new Position(0, second.createdAt(), second.id().value()),
            50);

    assertThat(all).hasSize(5);
    assertThat(names(oldest)).containsExactly("Catalina Muñoz", "José Pérez");
    assertThat(names(rest)).containsExactly("Benjamín Soto", "Martina González", "Tomás Díaz");
  }

  @Test
  void givenStatusAndChannel_whenFiltered_thenMatchingLiveLeads() {
    List<Lead> warm =
        search(
            new LeadSearch(
                LeadStatus.WARM,
                null,
                null,
                null,
                null,
                false,
                IdentityChannel.TELEGRAM,
                null,
                null,
                null,
                null,
                null,
                LeadSort.NEWEST,
                null,
                50));
    List<Lead> unassigned =
        search(
            new LeadSearch(
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                LeadSort.NEWEST,
                null,
                50));
    List<Lead> whatsapp =
        search(
            new LeadSearch(
                null,
                null,
                null,
                null,
                null,
                false,
                IdentityChannel.WHATSAPP,
                null,
                null,
                null,
                null,
                null,
                LeadSort.NEWEST,
                null,
                50));
    List<Lead> camilas =
        search(
            new LeadSearch(
                null,
                null,
                null,
                null,
                CAMILA,
                false,
                null,
                null,
                null,
                NOW,
                NOW.plusSeconds(2),
                null,
                LeadSort.NEWEST,
                null,
                50));

    assertThat(names(warm)).containsExactly("Tomás Díaz", "Martina González", "Benjamín Soto");
    assertThat(unassigned).hasSize(4);
    assertThat(whatsapp).isEmpty();
    assertThat(names(camilas)).containsExactly("José Pérez");
  }

  @Test
  void givenLeadsWithChannels_whenListed_thenEachCarriesItsOwnIdentities() {
    JpaLeadRepository leads = new JpaLeadRepository(unitOfWork, new SealingFieldCodec());
    Lead tomas = LEADS.get(4);
    ChannelIdentity webchat = ChannelIdentity.webchat("wc-4f1c2a9e0b7d6c5a4f1c2a9e0b7d6c5a");
    unitOfWork.inTransaction(
        () -> {
          Lead stored = leads.findById(broker, tomas.id()).orElseThrow();
          stored.addIdentity(webchat, NOW.plusSeconds(30));
          leads.save(stored);
        });
    try {
      List<Lead> page = query(null, null, null, null, LeadSort.NEWEST, null, 2);

      assertThat(names(page)).containsExactly("Tomás Díaz", "Martina González");
      assertThat(page.get(0).identities())
          .containsExactlyInAnyOrder(ChannelIdentity.telegram("tg-4"), webchat);
      assertThat(page.get(1).identities()).containsExactly(ChannelIdentity.telegram("tg-3"));
    } finally { // the other tests filter this broker's channels
      unitOfWork.inTransaction(
          () -> {
            Lead stored = leads.findById(broker, tomas.id()).orElseThrow();
            stored.removeIdentity(webchat, NOW.plusSeconds(31));
            leads.save(stored);
          });
    }
  }

  @Test
  void givenOneLeadFlaggedStale_whenFilteredByStale_thenOnlyItOrOnlyTheOthersOrAll() {
    JpaLeadRepository leads = new JpaLeadRepository(unitOfWork, new SealingFieldCodec());
    Lead benjamin = LEADS.get(2);
    unitOfWork.inTransaction(
        () -> {
          Lead stored = leads.findById(broker, benjamin.id()).orElseThrow();
          assertThat(stored.flagIfIdle(Duration.ofDays(14), NOW.plus(Duration.ofDays(20))))
              .isTrue();
          leads.save(stored);
        });

    List<Lead> stale = search(staleFilter(true));
    List<Lead> notStale = search(staleFilter(false));
    List<Lead> any = search(staleFilter(null));

    assertThat(names(stale)).containsExactly("Benjamín Soto");
    assertThat(stale.getFirst().staleSince()).isEqualTo(NOW.plus(Duration.ofDays(20)));
    assertThat(names(notStale))
        .containsExactly("Tomás Díaz", "Martina González", "José Pérez", "Catalina Muñoz");
    assertThat(names(any))
        .containsExactly(
            "Tomás Díaz", "Martina González", "Benjamín Soto", "José Pérez", "Catalina Muñoz");
  }

  private static LeadSearch staleFilter(Boolean stale) {
    return new LeadSearch(
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        stale,
        null,
        null,
        null,
        null,
        LeadSort.NEWEST,
        null,
        50);
  }

  private static List<Lead> query(
      String text,
      Integer min,
      Integer max,
      UserId agent,
      LeadSort sort,
      Position after,
      int limit) {
    return search(
        new LeadSearch(
            null, null, min, max, null, false, null, null, text, null, null, agent, sort, after,
            limit));
  }

  private static List<Lead> search(LeadSearch leadSearch) {
    return unitOfWork.inTransaction(() -> search.search(broker, leadSearch));
  }

  private static List<String> names(List<Lead> leads) {
    return leads.stream().map(Lead::name).toList();
  }
}
