package io.inmo.domain.broker;

import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A brokerage: the tenant that owns users, leads, campaigns and settings; root of its aggregate.
 */
public final class Broker {
  /** The zone a broker gets unless it says otherwise. */
  public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("America/Santiago");

  /** Longest display name accepted. */
  public static final int MAX_NAME_LENGTH = 200;

  private final BrokerId id;
  private String name;
  private final Slug slug;
  private PhoneNumber phone;
  private Email email;
  private ZoneId timezone;
  private BusinessHours businessHours;
  private boolean active;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private Broker(
      BrokerId id,
      String name,
      Slug slug,
      PhoneNumber phone,
      Email email,
      ZoneId timezone,
      BusinessHours businessHours,
      boolean active,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.slug = Objects.requireNonNull(slug, "slug");
    this.phone = phone;
    this.email = email;
    this.timezone = Objects.requireNonNull(timezone, "timezone");
    this.businessHours = Objects.requireNonNull(businessHours, "businessHours");
    this.active = active;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * Registers a new, active brokerage in {@code America/Santiago} with {@link
   * BusinessHours#defaults()}. Slug uniqueness is checked by the caller against the repository.
   */
  public static Broker register(String name, Slug slug, Instant now) {
    Objects.requireNonNull(now, "now");
    return new Broker(
        BrokerId.newId(),
        validName(name),
        slug,
        null,
        null,
        DEFAULT_TIMEZONE,
        BusinessHours.defaults(),
        true,
        now,
        now,
        0L);
  }

  /** Rebuilds a stored broker. Persistence adapters only: runs no rules. */
  public static Broker reconstitute(
      BrokerId id,
      String name,
      Slug slug,
      PhoneNumber phone,
      Email email,
      ZoneId timezone,
      BusinessHours businessHours,
      boolean active,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Broker(
        id,
        name,
        slug,
        phone,
        email,
        timezone,
        businessHours,
        active,
        createdAt,
        updatedAt,
        version);
  }

  public void rename(String newName, Instant now) {
    name = validName(newName);
    touch(now);
  }

  /** Sets or clears (null) the brokerage's public phone and e-mail. */
  public void changeContact(PhoneNumber newPhone, Email newEmail, Instant now) {
    phone = newPhone;
    email = newEmail;
    touch(now);
  }

  public void changeTimezone(ZoneId newTimezone, Instant now) {
    timezone = Objects.requireNonNull(newTimezone, "timezone");
    touch(now);
  }

  public void changeBusinessHours(BusinessHours newHours, Instant now) {
    businessHours = Objects.requireNonNull(newHours, "businessHours");
    touch(now);
  }

  /** Switches the brokerage off: its users cannot log in and its channels stop answering. */
  public void deactivate(Instant now) {
    if (active) {
      active = false;
      touch(now);
    }
  }

  public void activate(Instant now) {
    if (!active) {
      active = true;
      touch(now);
    }
  }

  /** Whether the brokerage is open at an instant, judged in its own timezone. */
  public boolean isOpenAt(Instant at) {
    return businessHours.isOpen(at.atZone(timezone));
  }

  private void touch(Instant now) {
    updatedAt = Objects.requireNonNull(now, "now");
  }

  private static String validName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "broker name must be 1.." + MAX_NAME_LENGTH + " characters");
    }
    return n;
  }

  public BrokerId id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Slug slug() {
    return slug;
  }

  /** The public phone, or null when not set. */
  public PhoneNumber phone() {
    return phone;
  }

  /** The public e-mail, or null when not set. */
  public Email email() {
    return email;
  }

  public ZoneId timezone() {
    return timezone;
  }

  public BusinessHours businessHours() {
    return businessHours;
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage; the domain never changes it. */
  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "Broker[id=" + id + ", slug=" + slug + ", active=" + active + "]";
  }
}
