package io.inmo.application.service.identity;

import io.inmo.application.port.in.identity.EnsurePlatformAdminUseCase;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Use case implementation: the first SUPERADMIN of an empty installation. */
public final class EnsurePlatformAdminService implements EnsurePlatformAdminUseCase {
  // no 0/O, 1/l/I: the password is read off a terminal and typed by hand
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int PASSWORD_LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserRepository users;
  private final PasswordHashingPort passwords;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public EnsurePlatformAdminService(
      UserRepository users, PasswordHashingPort passwords, UnitOfWorkPort unitOfWork, Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<InitialCredentials> ensure(Email email) {
    Objects.requireNonNull(email, "email");
    if (unitOfWork.inTransaction(users::existsAnySuperadmin)) {
      return Optional.empty();
    }
    String password = generatePassword();
    String hash = passwords.hash(password); // slow on purpose: outside the transaction
    return unitOfWork.inTransaction(
        () -> {
          if (users.existsAnySuperadmin() || users.findByEmail(email).isPresent()) {
            return Optional.<InitialCredentials>empty();
          }
          users.save(
              User.create(
                  email,
                  hash,
                  "Administrador de la plataforma",
                  Role.SUPERADMIN,
                  null,
                  clock.instant()));
          return Optional.of(new InitialCredentials(email, password));
        });
  }

  static String generatePassword() {
    StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
