package io.inmo.adapters.llm.offline;

import io.inmo.domain.conversation.Intent;
import java.util.List;

/**
 * Which intent wins when a message (or a turn) shows several: OPT_OUT > HUMAN_REQUEST >
 * FINANCING_QUESTION > VISIT > PROPERTY_SEARCH > GREETING > OFF_TOPIC > OTHER. Withdrawing consent
 * and asking for a person must never be lost behind anything else; a concrete question beats a
 * statement of what the lead looks for; a greeting only counts when nothing else was said.
 */
final class IntentPrecedence {
  static final List<Intent> ORDER =
      List.of(
          Intent.OPT_OUT,
          Intent.HUMAN_REQUEST,
          Intent.FINANCING_QUESTION,
          Intent.VISIT,
          Intent.PROPERTY_SEARCH,
          Intent.GREETING,
          Intent.OFF_TOPIC,
          Intent.OTHER);

  private IntentPrecedence() {}

  static Intent stronger(Intent a, Intent b) {
    return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
  }
}
