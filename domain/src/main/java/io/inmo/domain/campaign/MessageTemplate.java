package io.inmo.domain.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reusable message text with {@code {{variable}}} placeholders, written for one channel and agent
 * type; root of the message template aggregate.
 */
public final class MessageTemplate {
  public static final int MAX_NAME_LENGTH = 120;
  public static final int MAX_CONTENT_LENGTH = 4096;

  /**
   * The placeholders a template may use: lead fields and non-sensitive facts, agent and broker
   * names, appointment date and time. Income, DICOM and debt are deliberately absent (sensitive).
   */
  public static final Set<String> ALLOWED_VARIABLES =
      Set.of(
          "lead_name",
          "lead_first_name",
          "lead_phone",
          "lead_email",
          "location",
          "operation",
          "property_type",
          "bedrooms",
          "bathrooms",
          "parking",
          "budget",
          "timeline",
          "financing",
          "interest_level",
          "agent_name",
          "broker_name",
          "appointment_date",
          "appointment_time");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private final MessageTemplateId id;
  private final BrokerId brokerId;
  private String name;
  private TemplateChannel channel;
  private String content;
  private AgentType agentType;
  private List<String> variables;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private MessageTemplate(
      MessageTemplateId id,
      BrokerId brokerId,
      String name,
      TemplateChannel channel,
      String content,
      AgentType agentType,
      List<String> variables,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.name = Objects.requireNonNull(name, "name");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.content = Objects.requireNonNull(content, "content");
    this.agentType = Objects.requireNonNull(agentType, "agentType");
    this.variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * A new template; its variables are extracted from the content.
   *
   * @throws DomainException {@code template.unknown_variable} for a placeholder outside {@link
   *     #ALLOWED_VARIABLES}, {@code template.malformed_placeholder} for unbalanced braces
   */
  public static MessageTemplate create(
      BrokerId brokerId,
      String name,
      TemplateChannel channel,
      String content,
      AgentType agentType,
      Instant now) {
    Objects.requireNonNull(now, "now");
    String c = checkContent(content);
    return new MessageTemplate(
        MessageTemplateId.newId(),
        brokerId,
        checkName(name),
        channel,
        c,
        agentType,
        extractVariables(c),
        now,
        now,
        0L);
  }

  /** Rebuilds a stored template (variables as stored). Persistence adapters only: runs no rules. */
  public static MessageTemplate reconstitute(
      MessageTemplateId id,
      BrokerId brokerId,
      String name,
      TemplateChannel channel,
      String content,
      AgentType agentType,
      List<String> variables,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new MessageTemplate(
        id, brokerId, name, channel, content, agentType, variables, createdAt, updatedAt, version);
  }

  /**
   * Replaces name, channel, content and agent type; variables are re-extracted.
   *
   * @throws DomainException as {@link #create}
   */
  public void edit(
      String name, TemplateChannel channel, String content, AgentType agentType, Instant now) {
    Objects.requireNonNull(now, "now");
    String n = checkName(name);
    String c = checkContent(content);
    List<String> vars = extractVariables(c);
    this.name = n;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.content = c;
    this.agentType = Objects.requireNonNull(agentType, "agentType");
    this.variables = vars;
    updatedAt = now;
  }

  /**
   * The content with every placeholder replaced by its value; extra values are ignored.
   *
   * @throws DomainException {@code template.missing_value} naming the variables with no (or a
   *     blank) value
   */
  public String render(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    List<String> missing = new ArrayList<>();
    for (String variable : variables) {
      String value = values.get(variable);
      if (value == null || value.isBlank()) {
        missing.add(variable);
      }
    }
    if (!missing.isEmpty()) {
      throw new DomainException(
          "template.missing_value",
          "template '" + name + "' needs a value for " + String.join(", ", missing));
    }
    Matcher m = PLACEHOLDER.matcher(content);
    StringBuilder out = new StringBuilder(content.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The distinct variables used in {@code content}, in order of first use.
   *
   * @throws DomainException {@code template.unknown_variable} or {@code
   *     template.malformed_placeholder}
   */
  public static List<String> extractVariables(String content) {
    Objects.requireNonNull(content, "content");
    Matcher m = PLACEHOLDER.matcher(content);
    Set<String> found = new LinkedHashSet<>();
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String variable = m.group(1);
      if (!ALLOWED_VARIABLES.contains(variable)) {
        throw new DomainException(
            "template.unknown_variable",
            "unknown template variable '"
                + variable
                + "'; allowed: "
                + String.join(", ", ALLOWED_VARIABLES.stream().sorted().toList()));
      }
      found.add(variable);
      rest.append(content, last, m.start());
      last = m.end();
    }
    rest.append(content, last, content.length());
    if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
      throw new DomainException(
          "template.malformed_placeholder", "template has an unbalanced '{{' or '}}'");
    }
    return List.copyOf(found);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("template name must not be blank");
    }
    String n = name.strip();
    if (n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("template name longer than " + MAX_NAME_LENGTH);
    }
    return n;
  }

  private static String checkContent(String content) {
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("template content must not be blank");
    }
    String c = content.strip();
    if (c.length() > MAX_CONTENT_LENGTH) {
      throw new IllegalArgumentException(
          "template content longer than " + MAX_CONTENT_LENGTH + " characters");
    }
    return c;
  }

  public MessageTemplateId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public String name() {
    return name;
  }

  public TemplateChannel channel() {
    return channel;
  }

  public String content() {
    return content;
  }

  public AgentType agentType() {
    return agentType;
  }

  /** The distinct placeholder names, in order of first use (immutable). */
  public List<String> variables() {
    return variables;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage (0 for a new template). */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageTemplate other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "MessageTemplate[" + id + ", " + name + "]";
  }
}
