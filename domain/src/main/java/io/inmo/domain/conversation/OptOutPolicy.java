package io.inmo.domain.conversation;

import java.util.List;

/**
 * Recognises a lead withdrawing consent (PRODUCT §7): "STOP", "BAJA", "no me escriban más", "número
 * equivocado" and the ways Chileans say the same. Checked in code on every inbound message,
 * whatever the agent understood: a match stops AI replies and campaigns to the lead and records the
 * withdrawn consent. Deliberately narrow: "no me interesa por ahora" is not an opt-out, it is a
 * lead to nurture.
 */
public final class OptOutPolicy {
  /** A whole message made of one of these words is an opt-out. */
  private static final List<String> WORDS =
      List.of("stop", "baja", "unsubscribe", "cancelar", "desuscribir", "darme de baja");

  /** A message containing one of these phrases is an opt-out. */
  private static final List<String> PHRASES =
      List.of(
          "no me escriban",
          "no me escribas",
          "no me escriba",
          "no me vuelvan a escribir",
          "no me vuelvas a escribir",
          "dejen de escribirme",
          "deja de escribirme",
          "dejen de escribir",
          "no me contacten",
          "no me contactes",
          "no me llamen",
          "no me manden mas",
          "no me envien mas",
          "no quiero recibir mas",
          "no quiero mas mensajes",
          "borren mi numero",
          "eliminen mi numero",
          "saquen mi numero",
          "borrenme",
          "sacame de la lista",
          "saquenme",
          "borrar mi numero",
          "eliminar mi numero",
          "numero equivocado",
          "numero incorrecto",
          "se equivocaron de numero",
          "equivocado de numero",
          "darme de baja",
          "dar de baja",
          "denme de baja");

  private OptOutPolicy() {}

  /** Whether {@code message} withdraws the lead's consent to be contacted. */
  public static boolean isOptOut(String message) {
    String folded = SpanishText.fold(message);
    if (folded.isEmpty()) {
      return false;
    }
    if (WORDS.contains(folded)) {
      return true;
    }
    for (String phrase : PHRASES) {
      if (SpanishText.containsPhrase(folded, phrase)) {
        return true;
      }
    }
    return false;
  }
}
