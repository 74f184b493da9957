package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.ScoreResult;
import java.time.Duration;
import java.time.Instant;

/**
 * The lead score (PRODUCT §5): the broker's field weight for every known field, with income and
 * DICOM status graded, plus up to {@value #ENGAGEMENT_MAX_POINTS} engagement points, clamped to
 * 0..100; an opted-out lead scores 0. Every point is explained by a component, and the components
 * always add up to the score.
 *
 * <p>The components, in this order:
 *
 * <ul>
 *   <li>one per known field whose weight is above 0, factor = the field's API value ({@code
 *       budget}): the full weight, except
 *       <ul>
 *         <li>{@code monthly_income}: full weight at or above the qualified income, half (rounded
 *             down) at or above the potential income, none below;
 *         <li>{@code dicom_status}: full weight when {@code clean}; half (rounded down) when {@code
 *             has_debt} with a known debt ≤ the acceptable debt; none when {@code has_debt} with a
 *             debt above it or of unknown amount, nor when {@code unknown}. Learning a fact thus
 *             never lowers the score: a lead with debts of unknown amount earns what a lead with
 *             too much debt earns;
 *       </ul>
 *   <li>{@code engagement} when it earns points: {@value #REPLIES_POINTS} for at least {@value
 *       #MIN_REPLIES} replies, {@value #FAST_REPLY_POINTS} for a median reply delay of at most
 *       {@link #FAST_REPLY} (10 minutes), {@value #RECENT_CONTACT_POINTS} when the lead was last
 *       contacted or last wrote at most {@link #RECENT_CONTACT} (7 days) before {@code now};
 *   <li>{@code cap} when the points above add up to more than 100: minus the excess, so "why 100"
 *       still adds up (split into several components of at most 100 points each in the rare case
 *       the excess is larger).
 * </ul>
 *
 * <p>An opted-out lead gets the single component {@code opt_out} of 0 points, the one {@link
 * Lead#optOut} stores. Reasons are Spanish, for the dashboard; they quote the broker's limits but
 * never the lead's income or debt, which are sensitive and encrypted at rest while score components
 * are not.
 */
@FunctionalInterface
public interface ScoringPolicy {
  /** The most engagement can add. */
  int ENGAGEMENT_MAX_POINTS = 10;

  /** Replies from which the lead earns {@link #REPLIES_POINTS}. */
  int MIN_REPLIES = 3;

  int REPLIES_POINTS = 4;

  /** The longest median reply delay that still earns {@link #FAST_REPLY_POINTS}. */
  Duration FAST_REPLY = Duration.ofMinutes(10);

  int FAST_REPLY_POINTS = 3;

  /** How recent the last contact must be to earn {@link #RECENT_CONTACT_POINTS}. */
  Duration RECENT_CONTACT = Duration.ofDays(7);

  int RECENT_CONTACT_POINTS = 3;

  String ENGAGEMENT_FACTOR = "engagement";
  String CAP_FACTOR = "cap";

  /**
   * Scores a lead from its contact data, facts, consent and last contact plus its engagement, at
   * {@code now}.
   */
  ScoreResult score(Lead lead, Engagement engagement, Instant now);

  /** Scoring with the broker's field weights and income and debt limits. */
  static ScoringPolicy forBroker(BrokerLeadConfig config) {
    return new WeightedScoringPolicy(config);
  }
}
