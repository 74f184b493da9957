package io.inmo.domain.conversation;

import java.util.List;
import java.util.Optional;

/**
 * When a conversation must go to a person (PRODUCT §7): the lead asks for one, raises a legal or
 * complaint topic, or turns hostile. Checked in code on every inbound message whatever the agent
 * understood; a match notifies staff and the AI tells the lead, once, that a person will answer.
 */
public final class EscalationPolicy {

  /** Why a conversation was escalated; stored and shown by {@link #apiValue()}. */
  public enum Reason {
    HUMAN_REQUESTED,
    COMPLAINT,
    HOSTILE;

    public String apiValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final List<String> HUMAN =
      List.of(
          "hablar con una persona",
          "hablar con alguien",
          "hablar con un humano",
          "hablar con una humana",
          "hablar con un ejecutivo",
          "hablar con una ejecutiva",
          "hablar con un agente",
          "hablar con el corredor",
          "hablar con la corredora",
          "hablar con un corredor",
          "hablar con un vendedor",
          "hablar con una vendedora",
          "persona real",
          "un humano",
          "una persona de verdad",
          "alguien de verdad",
          "me puede llamar alguien",
          "que me llame alguien",
          "que me llame un ejecutivo",
          "atiendame una persona",
          "quiero un ejecutivo",
          "quiero una ejecutiva");

  private static final List<String> COMPLAINT =
      List.of(
          "sernac",
          "abogado",
          "abogada",
          "una demanda",
          "demandar",
          "demandarlos",
          "los voy a demandar",
          "denuncia",
          "denunciar",
          "estafa",
          "estafadores",
          "reclamo",
          "reclamar",
          "carabineros",
          "fiscalia");

  private static final List<String> HOSTILE =
      List.of(
          "weon",
          "weona",
          "hueon",
          "huevon",
          "ctm",
          "conchetumare",
          "conchatumadre",
          "csm",
          "mierda",
          "idiota",
          "imbecil",
          "estupido",
          "estupida",
          "inutil",
          "la raja de mala",
          "pesimo servicio",
          "no entiendes nada",
          "no sirves");

  private EscalationPolicy() {}

  /** Why {@code message} calls for a person, if it does; a complaint wins over the others. */
  public static Optional<Reason> escalation(String message) {
    String folded = SpanishText.fold(message);
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    if (any(folded, COMPLAINT)) {
      return Optional.of(Reason.COMPLAINT);
    }
    if (any(folded, HUMAN)) {
      return Optional.of(Reason.HUMAN_REQUESTED);
    }
    if (any(folded, HOSTILE)) {
      return Optional.of(Reason.HOSTILE);
    }
    return Optional.empty();
  }

  private static boolean any(String folded, List<String> phrases) {
    for (String phrase : phrases) {
      if (SpanishText.containsPhrase(folded, phrase)) {
        return true;
      }
    }
    return false;
  }
}
