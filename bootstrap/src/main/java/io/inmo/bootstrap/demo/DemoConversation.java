package io.inmo.bootstrap.demo;

import java.util.List;

/**
 * A web-chat conversation the demo plays: what the visitor writes, turn by turn, and what staff
 * write after taking it over.
 *
 * @param lead the name the visitor gives, by which staff find the lead; null if none is given
 * @param steps in order
 */
record DemoConversation(String lead, List<Step> steps) {

  /** Who writes a step, and whether the AI agent answers it. */
  enum Author {
    /** The visitor; the AI agent answers (also an escalation or an opt-out, once). */
    VISITOR,
    /** The visitor, to a conversation the AI no longer answers (escalated or taken over). */
    VISITOR_UNANSWERED,
    /** A demo agent: claims the lead, takes the conversation over and writes. */
    STAFF
  }

  record Step(Author author, String text) {}

  DemoConversation {
    steps = List.copyOf(steps);
  }

  boolean takenOver() {
    return steps.stream().anyMatch(s -> s.author() == Author.STAFF);
  }
}
