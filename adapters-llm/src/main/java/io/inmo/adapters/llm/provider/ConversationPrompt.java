package io.inmo.adapters.llm.provider;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.shared.Money;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Composes the two messages of a call from the templates in {@code resources/prompts/}: a system
 * message (broker persona and rules, what is known, what to ask, output format) and a user message
 * that carries the conversation as delimited data. Lead text is neutralised so it cannot close the
 * data tags or forge a line of the transcript.
 */
final class ConversationPrompt {
  /** The port passes at most 20; older ones would only cost tokens. */
  static final int MAX_HISTORY = 20;

  static final int MAX_MESSAGE_CHARS = 1500;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  /** The system and the user message of one call. */
  record Composed(String system, String user, List<String> sources) {}

  private final PromptTemplates templates;

  ConversationPrompt(PromptTemplates templates) {
    this.templates = templates;
  }

  Composed turn(AgentRequest request) {
    BrokerPromptConfig p = request.prompt();
    Map<String, String> v = persona(p);
    v.put("known_facts", knownFacts(request.lead()));
    v.put("next_fields", nextFields(request.nextFields()));
    v.put(
        "booking",
        templates.label(p.enableAppointmentBooking() ? "booking.enabled" : "booking.disabled"));
    v.put("schema_name", OutputSchema.TURN_NAME);
    v.put("field_names", String.join(", ", OutputSchema.FIELDS));
    v.put("intents", String.join(", ", OutputSchema.INTENTS));
    String system = templates.render("conversation-system.txt", v);

    Set<ChatMessageId> fresh = new HashSet<>();
    List<String> sources = new ArrayList<>();
    StringBuilder news = new StringBuilder();
    int n = 0;
    for (ChatMessage m : request.newMessages()) {
      fresh.add(m.id());
      sources.add(m.id().value().toString());
      news.append('[').append(++n).append("] ").append(line(m, p.agentName())).append('\n');
    }
    List<ChatMessage> history = request.history();
    List<ChatMessage> latest =
        history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size());
    StringBuilder past = new StringBuilder();
    for (ChatMessage m : latest) {
      if (!fresh.contains(m.id())) {
        past.append(line(m, p.agentName())).append('\n');
      }
    }
    String user =
        templates.render(
            "conversation-turn.txt",
            Map.of(
                "history",
                past.isEmpty() ? templates.label("history.empty") : past.toString().strip(),
                "new_messages",
                news.isEmpty() ? templates.label("history.empty") : news.toString().strip()));
    return new Composed(system, user, sources);
  }

  Composed transcript(BrokerPromptConfig p, String sourceId, List<TranscriptLine> lines) {
    Map<String, String> v = persona(p);
    v.put("schema_name", OutputSchema.TRANSCRIPT_NAME);
    v.put("field_names", String.join(", ", OutputSchema.FIELDS));
    v.put("intents", String.join(", ", OutputSchema.INTENTS));
    String system = templates.render("transcript-system.txt", v);
    StringBuilder text = new StringBuilder();
    List<String> sources = new ArrayList<>();
    int n = 0;
    for (TranscriptLine l : lines) {
      sources.add(sourceId);
      text.append('[')
          .append(++n)
          .append("] ")
          .append(templates.label("speaker." + l.speaker().apiValue()))
          .append(": ")
          .append(data(l.text()))
          .append('\n');
    }
    String user =
        templates.render("transcript-user.txt", Map.of("transcript", text.toString().strip()));
    return new Composed(system, user, sources);
  }

  private Map<String, String> persona(BrokerPromptConfig p) {
    Map<String, String> v = new HashMap<>();
    v.put("agent_name", p.agentName());
    v.put("identity", orNone(p.identityPrompt()));
    v.put("business_context", orNone(p.businessContext()));
    v.put("broker_rules", orNone(p.agentRules()));
    return v;
  }

  private String orNone(String text) {
    return text == null ? templates.label("none") : text;
  }

  private String line(ChatMessage m, String agentName) {
    String who =
        switch (m.senderType()) {
          case LEAD -> templates.label("sender.lead");
          case AI -> agentName;
          case STAFF -> templates.label("sender.staff");
          case SYSTEM -> templates.label("sender.system");
        };
    String text = m.text() == null ? ChatMessage.NO_TEXT_PLACEHOLDER : m.text();
    return who + ": " + data(text);
  }

  /**
   * Text written by someone else, made safe to embed: no control characters, one line (a lead
   * cannot forge "[2] Sofía: …"), no angle brackets (it cannot close {@code </historial>}), capped.
   */
  static String data(String text) {
    String t = CONTROL.matcher(text).replaceAll(" ");
    t = LINE_BREAKS.matcher(t.strip()).replaceAll(" / ");
    t = t.replace('<', '‹').replace('>', '›');
    return t.length() > MAX_MESSAGE_CHARS ? t.substring(0, MAX_MESSAGE_CHARS) + "…" : t;
  }

  /**
   * The non-sensitive facts with their values; income, DICOM and debt only as "known" (ADR 0018:
   * the reply must never echo them and the provider does not need them to decide what to ask).
   */
  private String knownFacts(Lead lead) {
    List<String> lines = new ArrayList<>();
    if (lead.name() != null) {
      lines.add(item("name", data(lead.name())));
    }
    if (lead.phone() != null) {
      lines.add(item("phone", templates.label("known")));
    }
    if (lead.email() != null) {
      lines.add(item("email", templates.label("known")));
    }
    LeadFacts f = lead.facts();
    for (LeadField field : LeadField.values()) {
      Fact<?> fact = f.fact(field);
      if (fact == null) {
        continue;
      }
      String value =
          LeadFacts.isSensitive(field) ? templates.label("known.sensitive") : value(fact.value());
      lines.add(item(field.apiValue(), value));
    }
    return lines.isEmpty() ? templates.label("facts.none") : String.join("\n", lines);
  }

  private String item(String field, String value) {
    return "- " + templates.label("field." + field) + ": " + value;
  }

  private String value(Object v) {
    return switch (v) {
      case Money m -> money(m);
      case Enum<?> e -> templates.label("value." + e.name().toLowerCase(Locale.ROOT));
      case String s -> data(s);
      default -> String.valueOf(v);
    };
  }

  static String money(Money m) {
    DecimalFormat f =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.of("es", "CL")));
    return switch (m.currency()) {
      case UF -> f.format(m.amount()) + " UF";
      case CLP -> "$" + f.format(m.amount());
    };
  }

  private String nextFields(List<LeadField> next) {
    if (next.isEmpty()) {
      return templates.label("next.none");
    }
    List<String> names = next.stream().map(f -> templates.label("field." + f.apiValue())).toList();
    return templates.label("next.intro") + " " + String.join(", ", names) + ".";
  }
}
