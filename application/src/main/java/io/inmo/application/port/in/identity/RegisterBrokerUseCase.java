package io.inmo.application.port.in.identity;

import io.inmo.application.security.Origin;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.User;
import java.util.Objects;

/**
 * Inbound port: a brokerage signs up. Creates the broker (slug derived from its name, made unique),
 * its four configs with defaults and its first ADMIN, and signs that ADMIN in.
 */
public interface RegisterBrokerUseCase {

  AuthSession register(Registration registration);

  /** The sign-up form; the password is checked against the policy by the use case. */
  record Registration(String brokerName, String name, Email email, String password, Origin origin) {
    public Registration {
      Objects.requireNonNull(brokerName, "brokerName es obligatorio");
      Objects.requireNonNull(name, "name es obligatorio");
      Objects.requireNonNull(email, "email es obligatorio");
      Objects.requireNonNull(password, "password es obligatorio");
      brokerName = text(brokerName, "brokerName", Broker.MAX_NAME_LENGTH);
      name = text(name, "name", User.MAX_NAME_LENGTH);
      Slug.fromName(brokerName); // the broker's web address must be derivable from its name
      origin = origin == null ? Origin.SYSTEM : origin;
    }

    private static String text(String value, String field, int max) {
      String stripped = value.strip();
      if (stripped.isEmpty() || stripped.length() > max) {
        throw new IllegalArgumentException(field + " debe tener entre 1 y " + max + " caracteres");
      }
      return stripped;
    }

    @Override
    public String toString() {
      return "Registration[brokerName=" + brokerName + ", email=" + email + "]";
    }
  }
}
