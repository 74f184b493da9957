package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: stores and loads whole {@link Lead} aggregates (with identities), always scoped by
 * broker; a lead of another broker is never found.
 */
public interface LeadRepository {

  /** Includes soft-deleted leads (callers check {@link Lead#isDeleted()}). */
  Optional<Lead> findById(BrokerId brokerId, LeadId id);

  /** The lead linked to a channel identity (deleted leads have released theirs). */
  Optional<Lead> findByIdentity(BrokerId brokerId, ChannelIdentity identity);

  /** A live lead with this phone column; the oldest when several match. */
  Optional<Lead> findByPhone(BrokerId brokerId, PhoneNumber phone);

  /** A live lead with this e-mail column (case-insensitive); the oldest when several match. */
  Optional<Lead> findByEmail(BrokerId brokerId, Email email);

  /**
   * Inserts or updates the lead and syncs its identity rows (inserts new ones, deletes released
   * ones); a stale version fails, an identity already linked to another lead of the broker fails.
   */
  void save(Lead lead);

  /**
   * The live leads having any of these phones or e-mails, as column or channel identity, with their
   * identities; for imports, which look up a whole chunk of lines at once.
   */
  List<Lead> findLiveByContacts(
      BrokerId brokerId, Collection<PhoneNumber> phones, Collection<Email> emails);

  /**
   * Inserts leads that are new (captured, never saved) without looking each one up; an identity
   * already linked to another lead fails the unit of work. Written at the next flush or commit.
   */
  void insertAll(Collection<Lead> leads);

  /**
   * Up to {@code limit} live leads of the broker with ids greater than {@code after} (null: from
   * the first), in id order, with identities: a resumable walk over a broker's book.
   */
  List<Lead> findLiveAfter(BrokerId brokerId, LeadId after, int limit);

  /** How many live leads the broker has. */
  long countLive(BrokerId brokerId);

  /**
   * Updates many stored leads of one broker at once (a rescoring batch, an import's merges): the
   * same checks as {@link #save}, one round of reads and one flush for all of them.
   */
  void saveAll(Collection<Lead> leads);

  /**
   * The nightly job's walk over a broker's book: up to {@code limit} live open (not won or lost)
   * leads with ids greater than {@code after} (null: from the first), in id order, with identities,
   * that either carry a score component named {@code decayingFactor} (it depends on time and may
   * have expired) or are not flagged stale and have had neither contact nor stage move since {@code
   * idleBefore} (see {@link io.inmo.domain.lead.Lead#lastActivityAt()}). The domain decides what
   * becomes of each; this only narrows the book to the leads worth looking at.
   */
  List<Lead> findNightlyCandidates(
      BrokerId brokerId, String decayingFactor, Instant idleBefore, LeadId after, int limit);
}
