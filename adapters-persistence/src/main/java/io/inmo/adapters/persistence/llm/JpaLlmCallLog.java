package io.inmo.adapters.persistence.llm;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.LlmCallLogPort;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each language-model call in {@code llm_calls}, in a unit of work of its own (the agent is
 * called outside the turn's transactions). A call that cannot be stored is logged and dropped: the
 * record never costs a lead its reply.
 */
public final class JpaLlmCallLog implements LlmCallLogPort {
  private static final Logger LOG = LoggerFactory.getLogger(JpaLlmCallLog.class);
  private final JpaUnitOfWork unitOfWork;

  public JpaLlmCallLog(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }

  @Override
  public void record(LlmCall call) {
    try {
      unitOfWork.inTransaction(
          () ->
              unitOfWork
                  .entityManager()
                  .createNativeQuery(
                      "insert into llm_calls (broker_id, lead_id, provider, model, purpose,"
                          + " attempt, tokens_in, tokens_out, latency_ms, outcome, created_at)"
                          // nullable values go as text: a null of no known type cannot be bound
                          + " values (:broker, cast(cast(:lead as text) as uuid), :provider, :model,"
                          + " :purpose, :attempt, cast(cast(:tokensIn as text) as integer),"
                          + " cast(cast(:tokensOut as text) as integer), :latency, :outcome, :at)")
                  .setParameter("broker", call.broker().value())
                  .setParameter("lead", call.lead() == null ? null : call.lead().value().toString())
                  .setParameter("provider", call.provider())
                  .setParameter("model", call.model())
                  .setParameter("purpose", call.purpose())
                  .setParameter("attempt", call.attempt())
                  .setParameter("tokensIn", text(call.tokensIn()))
                  .setParameter("tokensOut", text(call.tokensOut()))
                  .setParameter(
                      "latency", (int) Math.min(Integer.MAX_VALUE, call.latency().toMillis()))
                  .setParameter("outcome", call.outcome())
                  .setParameter("at", call.at().atOffset(ZoneOffset.UTC))
                  .executeUpdate());
    } catch (RuntimeException e) {
      LOG.warn(
          "llm call of broker {} ({}/{} {}) not recorded: {}",
          call.broker().value(),
          call.provider(),
          call.model(),
          call.outcome(),
          e.toString());
    }
  }
}
