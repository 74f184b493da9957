package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Outbound port: what changed, once committed, on every node (ADR 0017) — leads, chat messages and
 * their delivery, conversations taken over or escalated, the agent composing a reply, turns falling
 * due, broker configs written. Events carry ids, kinds and states only; listeners read details
 * through the use cases. Delivery takes a fraction of a second; {@link #announceLocally} is the
 * fast path for this node's own subscribers.
 */
public interface LiveEventsPort {

  /**
   * Calls {@code listener} for every event of {@code broker} (every broker when null) from now on,
   * on the port's own thread: a listener must return quickly.
   */
  Subscription subscribe(BrokerId broker, Consumer<LiveEvent> listener);

  /**
   * Hands {@code event} to this node's subscribers at once, for a change this node has just
   * committed (the same change reaches every node, this one included, through the store as well).
   */
  void announceLocally(LiveEvent event);

  /** Stops a subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** The kinds of live events. */
  enum Kind {
    /** A lead was created or changed (score, status, stage, assignment, facts, deletion). */
    LEAD("lead"),
    /** A chat message was stored (inbound, AI or staff reply). */
    MESSAGE("message"),
    /** An outbound message's delivery status changed (sent, delivered, read, failed). */
    MESSAGE_STATUS("message_status"),
    /** A conversation started, was taken over or released, or escalated. */
    CONVERSATION("conversation"),
    /** The agent started ({@code active=true}) or stopped composing a reply. */
    TYPING("typing"),
    /** A conversation's turn is due at {@code dueAt}: wakes the turn workers (internal). */
    TURN_DUE("turn_due"),
    /** One of the broker's configs was written: evicts its cached context (internal). */
    BROKER_CONFIG("broker_config"),
    /** The stream was interrupted and events may have been missed: read the state again. */
    RESYNC("resync");

    private final String apiValue;

    Kind(String apiValue) {
      this.apiValue = apiValue;
    }

    public String apiValue() {
      return apiValue;
    }

    public static java.util.Optional<Kind> fromApiValue(String value) {
      for (Kind kind : values()) {
        if (kind.apiValue.equals(value)) {
          return java.util.Optional.of(kind);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * One change.
   *
   * @param broker null only for {@link Kind#RESYNC}, which goes to every subscriber
   * @param lead the lead concerned, null for {@link Kind#RESYNC}
   * @param assignedTo the lead's assignee when it happened, null when unassigned
   * @param previouslyAssignedTo for {@link Kind#LEAD}, the assignee before the change
   * @param data the kind's other fields (ids, statuses, flags) as strings
   */
  record LiveEvent(
      Kind kind,
      BrokerId broker,
      LeadId lead,
      UserId assignedTo,
      UserId previouslyAssignedTo,
      Map<String, String> data) {
    public LiveEvent {
      Objects.requireNonNull(kind, "kind");
      data = Map.copyOf(data);
    }

    public static LiveEvent resync() {
      return new LiveEvent(Kind.RESYNC, null, null, null, null, Map.of());
    }
  }
}
