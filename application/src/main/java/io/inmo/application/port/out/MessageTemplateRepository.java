package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.MessageTemplate;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.MessageTemplateNameTakenException;
import java.util.List;
import java.util.Optional;

/** Outbound port: stores and finds the message templates of one brokerage. */
public interface MessageTemplateRepository {
  Optional<MessageTemplate> findById(BrokerId brokerId, MessageTemplateId id);

  /** The template with exactly this name (names are unique per brokerage). */
  Optional<MessageTemplate> findByName(BrokerId brokerId, String name);

  /** All templates of the brokerage, ordered by name. */
  List<MessageTemplate> findByBroker(BrokerId brokerId);

  /**
   * Inserts or updates the template (optimistic locking on its version).
   *
   * @throws MessageTemplateNameTakenException when another template of the brokerage has the name
   */
  void save(MessageTemplate template);
}
