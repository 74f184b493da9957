package io.inmo.adapters.persistence.call;

import java.util.List;

/** The JPA entity classes of the voice call area (calls and transcript lines). */
public final class CallJpaEntities {
  public static final List<Class<?>> CLASSES =
      List.of(VoiceCallJpaEntity.class, TranscriptLineJpaEntity.class);

  private CallJpaEntities() {}
}
