package io.inmo.domain.user;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.TimeMother;

/** Object mother: staff users of each role. */
public final class UserMother {
  /** A syntactically valid Argon2id PHC string (not the hash of any known password). */
  public static final String PASSWORD_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

  private UserMother() {}

  public static User admin(BrokerId brokerId) {
    return User.create(
        new Email("maria.jose.perez@propiedadesnunoa.cl"),
        PASSWORD_HASH,
        "María José Pérez",
        Role.ADMIN,
        brokerId,
        TimeMother.NOW);
  }

  public static User agent(BrokerId brokerId) {
    return User.create(
        new Email("joaquin.munoz@propiedadesnunoa.cl"),
        PASSWORD_HASH,
        "Joaquín Muñoz",
        Role.AGENT,
        brokerId,
        TimeMother.NOW);
  }

  public static User superadmin() {
    return User.create(
        new Email("plataforma@inmo.cl"),
        PASSWORD_HASH,
        "Equipo Inmo",
        Role.SUPERADMIN,
        null,
        TimeMother.NOW);
  }
}
