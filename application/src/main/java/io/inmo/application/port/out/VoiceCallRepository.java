package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.call.VoiceCall;
import io.inmo.domain.call.VoiceCallId;
import io.inmo.domain.call.VoiceProvider;
import java.util.Optional;

/** Outbound port: stores and finds voice calls with their transcript lines. */
public interface VoiceCallRepository {
  Optional<VoiceCall> findById(BrokerId brokerId, VoiceCallId id);

  /**
   * The call the provider knows by {@code externalCallId}, across brokerages (provider webhooks
   * identify the call before the tenant is known).
   */
  Optional<VoiceCall> findByExternalCallId(VoiceProvider provider, String externalCallId);

  /** Inserts or updates the call and replaces its transcript lines (optimistic locking). */
  void save(VoiceCall call);
}
