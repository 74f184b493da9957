package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

  @Test
  void givenSpanishName_whenDerived_thenAccentsStrippedAndHyphenated() {
    assertThat(Slug.fromName("Propiedades Ñuñoa Ltda.").value())
        .isEqualTo("propiedades-nunoa-ltda");
    assertThat(Slug.fromName("  Corredora  Viña del Mar & Concón  ").value())
        .isEqualTo("corredora-vina-del-mar-concon");
  }

  @Test
  void givenVeryLongName_whenDerived_thenCutAt63WithoutTrailingHyphen() {
    String name = "Inmobiliaria " + "Providencia ".repeat(10);

    Slug slug = Slug.fromName(name);

    assertThat(slug.value())
        .hasSizeLessThanOrEqualTo(63)
        .doesNotEndWith("-")
        .startsWith("inmobiliaria-");
  }

  @Test
  void givenNameWithoutLettersOrDigits_whenDerived_thenRejected() {
    assertThatThrownBy(() -> Slug.fromName("¡¿ — ?!")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenUpperCaseInput_whenCreated_thenLowerCased() {
    assertThat(new Slug(" Casa-Linda ").value()).isEqualTo("casa-linda");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-nunoa", "nunoa-", "nu--noa", "ñuñoa", "casa linda", "casa_linda"})
  void givenMalformedSlug_whenCreated_thenRejected(String value) {
    assertThatThrownBy(() -> new Slug(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSixtyFourChars_whenCreated_thenRejected() {
    assertThat(new Slug("a".repeat(63)).value()).hasSize(63);
    assertThatThrownBy(() -> new Slug("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
  }
}
