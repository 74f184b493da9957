package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerTest {

  @Test
  void givenNameAndSlug_whenRegistered_thenActiveInSantiagoWithDefaultHours() {
    Broker broker =
        Broker.register(
            " Propiedades Ñuñoa Ltda. ", Slug.fromName("Propiedades Ñuñoa"), TimeMother.NOW);

    assertThat(broker.id()).isNotNull();
    assertThat(broker.name()).isEqualTo("Propiedades Ñuñoa Ltda.");
    assertThat(broker.slug().value()).isEqualTo("propiedades-nunoa");
    assertThat(broker.timezone()).isEqualTo(ZoneId.of("America/Santiago"));
    assertThat(broker.businessHours()).isEqualTo(BusinessHours.defaults());
    assertThat(broker.isActive()).isTrue();
    assertThat(broker.phone()).isNull();
    assertThat(broker.email()).isNull();
    assertThat(broker.createdAt()).isEqualTo(TimeMother.NOW);
    assertThat(broker.updatedAt()).isEqualTo(TimeMother.NOW);
    assertThat(broker.version()).isZero();
  }

  @Test
  void givenBlankName_whenRegistered_thenRejected() {
    Slug slug = new Slug("nunoa");
    assertThatThrownBy(() -> Broker.register("   ", slug, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Broker.register("x".repeat(201), slug, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBroker_whenEdited_thenValuesChangeAndUpdatedAtMoves() {
    Broker broker = BrokerMother.registered();
    Instant later = TimeMother.later(10);

    broker.rename("Propiedades Providencia SpA", later);
    broker.changeTimezone(ZoneId.of("America/Punta_Arenas"), later);
    broker.changeContact(
        new PhoneNumber("+56 2 2345 6789"), new Email("Ventas@Providencia.cl"), later);
    broker.changeBusinessHours(BusinessHours.defaults().with(DayOfWeek.SATURDAY, List.of()), later);

    assertThat(broker.name()).isEqualTo("Propiedades Providencia SpA");
    assertThat(broker.timezone()).isEqualTo(ZoneId.of("America/Punta_Arenas"));
    assertThat(broker.phone().value()).isEqualTo("+56223456789");
    assertThat(broker.email().value()).isEqualTo("ventas@providencia.cl");
    assertThat(broker.businessHours().on(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(broker.updatedAt()).isEqualTo(later);
    assertThat(broker.createdAt()).isEqualTo(TimeMother.NOW);
  }

  @Test
  void givenActiveBroker_whenDeactivatedAndActivated_thenFlagFollows() {
    Broker broker = BrokerMother.registered();

    broker.deactivate(TimeMother.later(1));
    assertThat(broker.isActive()).isFalse();
    assertThat(broker.updatedAt()).isEqualTo(TimeMother.later(1));

    broker.deactivate(TimeMother.later(2));
    assertThat(broker.updatedAt()).isEqualTo(TimeMother.later(1));

    broker.activate(TimeMother.later(3));
    assertThat(broker.isActive()).isTrue();
  }

  @Test
  void givenSantiagoBroker_whenCheckingInstants_thenJudgedInLocalTime() {
    Broker broker = BrokerMother.registered();

    // NOW is Monday 10:00 in Santiago but 13:00 UTC
    assertThat(broker.isOpenAt(TimeMother.NOW)).isTrue();
    // 22:30 UTC Monday = 19:30 in Santiago: closed
    assertThat(broker.isOpenAt(Instant.parse("2025-03-10T22:30:00Z"))).isFalse();
  }

  @Test
  void givenStoredColumns_whenReconstituted_thenEveryValueReadsBack() {
    Broker broker = BrokerMother.stored();

    Broker copy =
        Broker.reconstitute(
            broker.id(),
            broker.name(),
            broker.slug(),
            broker.phone(),
            broker.email(),
            broker.timezone(),
            broker.businessHours(),
            broker.isActive(),
            broker.createdAt(),
            broker.updatedAt(),
            broker.version());

    assertThat(copy).usingRecursiveComparison().isEqualTo(broker);
    assertThat(copy.version()).isEqualTo(3L);
    assertThat(copy.phone().value()).isEqualTo("+56223456789");
  }

  @Test
  void givenBroker_whenPrinted_thenNoContactData() {
    assertThat(BrokerMother.stored().toString()).doesNotContain("contacto@").doesNotContain("+562");
  }
}
