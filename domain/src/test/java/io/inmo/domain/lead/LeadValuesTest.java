package io.inmo.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadValuesTest {

  @Test
  void givenFactEnums_whenApiValues_thenLowerSnakeCaseAsProductSpec() {
    assertThat(Operation.values()).extracting(Operation::apiValue).containsExactly("buy", "rent");
    assertThat(PropertyType.values())
        .extracting(PropertyType::apiValue)
        .containsExactly("house", "apartment", "office", "land", "other");
    assertThat(DicomStatus.values())
        .extracting(DicomStatus::apiValue)
        .containsExactly("clean", "has_debt", "unknown");
    assertThat(Timeline.values())
        .extracting(Timeline::apiValue)
        .containsExactly("immediate", "30_days", "90_days", "just_looking");
    assertThat(Financing.values())
        .extracting(Financing::apiValue)
        .containsExactly("mortgage", "cash", "subsidy", "unknown");
    assertThat(IdentityChannel.values())
        .extracting(IdentityChannel::apiValue)
        .containsExactly("telegram", "whatsapp", "phone", "email", "webchat");
    assertThat(LeadStatus.values())
        .extracting(LeadStatus::apiValue)
        .containsExactly("cold", "warm", "hot", "converted", "lost");
  }

  @Test
  void givenApiValues_whenParsed_thenCaseAndSpaceInsensitive() {
    assertThat(Timeline.fromApiValue("30_days")).isEqualTo(Timeline.DAYS_30);
    assertThat(DicomStatus.fromApiValue(" HAS_DEBT ")).isEqualTo(DicomStatus.HAS_DEBT);
    assertThat(PropertyType.fromApiValue("apartment")).isEqualTo(PropertyType.APARTMENT);
    assertThat(Financing.fromApiValue("subsidy")).isEqualTo(Financing.SUBSIDY);
    assertThat(Operation.fromApiValue("Rent")).isEqualTo(Operation.RENT);
    assertThat(LeadStatus.fromApiValue("converted")).isEqualTo(LeadStatus.CONVERTED);
    assertThat(IdentityChannel.fromApiValue("webchat")).isEqualTo(IdentityChannel.WEBCHAT);
  }

  @Test
  void givenUnknownApiValue_whenParsed_thenRejected() {
    assertThatThrownBy(() -> PropertyType.fromApiValue("departamento"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeline.fromApiValue("DAYS_30"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0,COLD", "30,COLD", "31,WARM", "69,WARM", "70,HOT", "100,HOT"})
  void givenDefaultThresholds_whenStatusForScore_thenBands(int score, LeadStatus expected) {
    assertThat(LeadStatus.forScore(LeadScore.of(score), ScoreThresholds.defaults()))
        .isEqualTo(expected);
  }

  @Test
  void givenCustomThresholds_whenStatusForScore_thenBrokerBandsApply() {
    ScoreThresholds strict = ScoreThresholds.of(50, 89);

    assertThat(LeadStatus.forScore(50, strict)).isEqualTo(LeadStatus.COLD);
    assertThat(LeadStatus.forScore(75, strict)).isEqualTo(LeadStatus.WARM);
    assertThat(LeadStatus.forScore(90, strict)).isEqualTo(LeadStatus.HOT);
    assertThat(LeadStatus.CONVERTED.isClosed()).isTrue();
    assertThat(LeadStatus.HOT.isClosed()).isFalse();
  }

  @Test
  void givenFact_whenSourceBlank_thenNullSource_andValueRequired() {
    assertThat(Fact.of("Ñuñoa", "  ").sourceMessageId()).isNull();
    assertThat(Fact.of("Ñuñoa", " wamid.HBgL ").sourceMessageId()).isEqualTo("wamid.HBgL");
    assertThatThrownBy(() -> Fact.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenPhoneAndEmailIdentities_whenCreated_thenNormalised() {
    assertThat(ChannelIdentity.of(IdentityChannel.PHONE, "+56 9 1234 5678").value())
        .isEqualTo("+56912345678");
    assertThat(ChannelIdentity.phone(new PhoneNumber("+56912345678")))
        .isEqualTo(ChannelIdentity.of(IdentityChannel.PHONE, "+56 9 1234 5678"));
    assertThat(ChannelIdentity.of(IdentityChannel.EMAIL, " MJPerez@Gmail.com ").value())
        .isEqualTo("mjperez@gmail.com");
    assertThat(ChannelIdentity.email(new Email("mjperez@gmail.com")).channel())
        .isEqualTo(IdentityChannel.EMAIL);
    assertThat(ChannelIdentity.telegram(" 123456789 ").value()).isEqualTo("123456789");
  }

  @Test
  void givenInvalidIdentities_whenCreated_thenRejected() {
    assertThatThrownBy(() -> ChannelIdentity.webchat("  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelIdentity.webchat("s".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelIdentity.of(IdentityChannel.PHONE, "9 1234 5678"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ChannelIdentity.webchat("s".repeat(255)).value()).hasSize(255);
  }

  @Test
  void givenCloseReason_whenCreated_thenCodeNormalisedDetailOptional() {
    CloseReason reason = CloseReason.of(" Bought_Elsewhere ", "  ");

    assertThat(reason.code()).isEqualTo("bought_elsewhere");
    assertThat(reason.detail()).isNull();
    assertThat(CloseReason.notQualified().code()).isEqualTo("not_qualified");
    assertThatThrownBy(() -> CloseReason.of("no calificado"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloseReason.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
