package io.inmo.domain.conversation;

import java.util.Locale;

/** What a lead's message is about, as the conversation agent understood it. */
public enum Intent {
  GREETING,
  PROPERTY_SEARCH,
  VISIT,
  FINANCING_QUESTION,
  HUMAN_REQUEST,
  OPT_OUT,
  OFF_TOPIC,
  OTHER;

  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
