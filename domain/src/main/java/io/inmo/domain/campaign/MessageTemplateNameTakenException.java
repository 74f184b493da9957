package io.inmo.domain.campaign;

import io.inmo.domain.shared.DomainException;

/**
 * Rule violation: the brokerage already has a message template with this name; code {@code
 * template.name_taken}.
 */
public class MessageTemplateNameTakenException extends DomainException {
  public static final String CODE = "template.name_taken";

  public MessageTemplateNameTakenException(String name) {
    super(CODE, "a message template named '" + name + "' already exists");
  }
}
