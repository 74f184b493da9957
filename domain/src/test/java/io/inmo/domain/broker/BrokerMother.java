package io.inmo.domain.broker;

import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import java.time.ZoneId;

/** Object mother: brokerages and their default configs with realistic Chilean data. */
public final class BrokerMother {
  public static final String NAME = "Propiedades Ñuñoa Ltda.";

  private BrokerMother() {}

  /** A freshly registered, active brokerage. */
  public static Broker registered() {
    return Broker.register(NAME, Slug.fromName(NAME), TimeMother.NOW);
  }

  /** A stored brokerage with every column filled. */
  public static Broker stored() {
    return Broker.reconstitute(
        BrokerId.of("0195a1b2-0000-7000-8000-000000000001"),
        NAME,
        new Slug("propiedades-nunoa-ltda"),
        new PhoneNumber("+56223456789"),
        new Email("contacto@propiedadesnunoa.cl"),
        ZoneId.of("America/Santiago"),
        BusinessHours.defaults(),
        true,
        TimeMother.NOW,
        TimeMother.later(60),
        3L);
  }

  public static BrokerId anyId() {
    return BrokerId.newId();
  }

  public static BrokerPromptConfig promptConfig(BrokerId brokerId) {
    return BrokerPromptConfig.defaults(brokerId, TimeMother.NOW);
  }

  public static BrokerLeadConfig leadConfig(BrokerId brokerId) {
    return BrokerLeadConfig.defaults(brokerId, TimeMother.NOW);
  }

  public static BrokerVoiceConfig voiceConfig(BrokerId brokerId) {
    return BrokerVoiceConfig.defaults(brokerId, TimeMother.NOW);
  }

  public static BrokerChatConfig chatConfig(BrokerId brokerId) {
    return BrokerChatConfig.defaults(brokerId, TimeMother.NOW);
  }
}
