package io.inmo.bootstrap.demo;

import java.util.List;
import java.util.Map;

/**
 * One lead the demo creates through {@code POST /api/v1/leads}, then moves by hand.
 *
 * @param stage the pipeline stage it should end in (API value)
 * @param body the create request, without {@code assignedTo}
 * @param agent index of the demo agent it is assigned to, or -1 for unassigned
 * @param moves manual moves after creation, in order (the earlier stages come from its data)
 */
record DemoLead(String stage, Map<String, Object> body, int agent, List<Move> moves) {
  static final int UNASSIGNED = -1;

  /** A {@code POST /api/v1/leads/{id}/stage} request; closeReason only for won and lost. */
  record Move(String stage, String reason, String closeReason) {}

  DemoLead {
    body = Map.copyOf(body);
    moves = List.copyOf(moves);
  }
}
