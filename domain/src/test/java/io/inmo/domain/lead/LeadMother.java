package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Object mother: leads in typical states, events already pulled. */
public final class LeadMother {
  public static final PhoneNumber PHONE = new PhoneNumber("+56912345678");

  private LeadMother() {}

  /** A just-captured lead from WhatsApp, no facts. */
  public static Lead captured() {
    return captured(BrokerId.newId());
  }

  public static Lead captured(BrokerId brokerId) {
    Lead lead = Lead.capture(brokerId, ChannelIdentity.whatsapp("56912345678"), TimeMother.NOW);
    lead.pullEvents();
    return lead;
  }

  /** María José Pérez, +56912345678, looking for an apartment in Ñuñoa, in stage profiling. */
  public static Lead profiled() {
    Lead lead = captured();
    Instant t = TimeMother.later(5);
    lead.rename("María José Pérez", t);
    lead.changePhone(PHONE, t);
    lead.updateFacts(LeadFactsMother.apartmentInNunoa(), t);
    lead.advanceTo(PipelineStage.PROFILING, t);
    lead.pullEvents();
    return lead;
  }

  /** A profiled lead in the given stage; won and lost are closed with a reason. */
  public static Lead inStage(PipelineStage stage) {
    Lead lead = profiled();
    Instant t = TimeMother.later(30);
    // if/else, not an enum switch: a switch compiles to LeadMother$1, which the test-jar omits
    if (stage == PipelineStage.WON) {
      lead.close(PipelineStage.WON, CloseReason.of("sold", "Compró depto 504"), t);
    } else if (stage == PipelineStage.LOST) {
      lead.close(PipelineStage.LOST, CloseReason.notQualified(), t);
    } else {
      lead.moveTo(stage, t);
    }
    lead.pullEvents();
    return lead;
  }

  /** A stored lead with every column filled (closed as lost, opted out, deleted). */
  public static Lead storedWithEveryColumn() {
    Map<ChannelIdentity, Instant> identities = new LinkedHashMap<>();
    identities.put(ChannelIdentity.phone(PHONE), TimeMother.NOW);
    identities.put(ChannelIdentity.telegram("123456789"), TimeMother.later(1));
    return Lead.reconstitute(
        LeadId.of("0195a1b2-0000-7000-8000-0000000000aa"),
        BrokerId.of("0195a1b2-0000-7000-8000-000000000001"),
        PHONE,
        "María José Pérez",
        new Email("mjperez@gmail.com"),
        LeadStatus.LOST,
        LeadScore.of(72),
        List.of(new ScoreComponent("budget", 20, "Presupuesto de 5.000 UF")),
        Qualification.POTENTIAL,
        LeadFactsMother.complete(),
        PipelineStage.LOST,
        UserId.of("0195a1b2-0000-7000-8000-0000000000bb"),
        Set.of("inversionista"),
        "Prefiere visitas en la tarde",
        CloseReason.of("bought_elsewhere", "Compró con otra corredora"),
        TimeMother.later(100),
        PipelineStage.POTENTIAL,
        TimeMother.later(90),
        TimeMother.later(80),
        TimeMother.later(100),
        TimeMother.later(1500),
        TimeMother.later(2000),
        TimeMother.later(3000),
        TimeMother.NOW,
        TimeMother.later(3000),
        7L,
        identities);
  }
}
