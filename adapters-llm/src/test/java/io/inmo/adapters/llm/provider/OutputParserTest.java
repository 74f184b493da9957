package io.inmo.adapters.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.conversation.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputParserTest {
  private static final List<String> SOURCES = List.of("m1");

  @Test
  void aMarkdownFenceAroundTheJsonIsTolerated() {
    OutputParser.TurnOutput out =
        OutputParser.turn("```json\n" + Stubs.NUNOA_TURN + "\n```", SOURCES);

    assertThat(out.intent()).isEqualTo(Intent.PROPERTY_SEARCH);
    assertThat(out.facts().facts().location().value()).isEqualTo("Ñuñoa");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "{\"facts\":[],\"intent\":\"greeting\",\"escalate\":false,\"reply\":\"Hola\"} y algo más",
        "{\"facts\":[],\"intent\":\"saludo\",\"escalate\":false,\"reply\":\"Hola\"}",
        "{\"facts\":[],\"intent\":\"greeting\",\"escalate\":\"false\",\"reply\":\"Hola\"}",
        "{\"facts\":[],\"intent\":\"greeting\",\"escalate\":false,\"reply\":\"  \"}",
        "{\"facts\":[],\"intent\":\"greeting\",\"escalate\":false,\"reply\":42}",
        "{\"facts\":[],\"intent\":\"greeting\",\"escalate\":false}"
      })
  void wrongShapesAreInvalidOutput(String raw) {
    assertThatThrownBy(() -> OutputParser.turn(raw, SOURCES))
        .isInstanceOf(InvalidOutputException.class);
  }

  @Test
  void anOverlongReplyIsInvalidOutput() {
    String raw = Stubs.turn("[]", "other", false, "Hola. ".repeat(300));

    assertThatThrownBy(() -> OutputParser.turn(raw, SOURCES))
        .isInstanceOf(InvalidOutputException.class)
        .hasMessageContaining("demasiado largo");
  }
}
