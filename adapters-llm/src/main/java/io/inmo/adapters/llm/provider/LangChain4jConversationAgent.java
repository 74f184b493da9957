package io.inmo.adapters.llm.provider;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.inmo.adapters.llm.provider.OutputParser.TurnOutput;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.ReplyRules;
import java.util.List;
import java.util.Objects;

/**
 * Conversation agent on one LLM provider through LangChain4j (PRODUCT §7, §9; ADR 0018): one
 * structured call per turn proposes facts, intent, an escalation flag and the reply; the output is
 * schema-checked, mapped to domain values fact by fact, repaired once when unusable, and the reply
 * passes {@link ReplyRules}. Fails with {@link AgentUnavailableException} so the router can fall
 * back; it never makes up a reply. Thread-safe.
 */
public final class LangChain4jConversationAgent implements ConversationAgentPort {
  private static final System.Logger LOG =
      System.getLogger(LangChain4jConversationAgent.class.getName());

  private final ProviderSettings settings;
  private final StructuredCall call;
  private final ConversationPrompt prompt;

  /** An agent on the model the settings describe. */
  public LangChain4jConversationAgent(ProviderSettings settings, ProviderCallListener listener) {
    this(settings, ChatModels.build(settings), listener);
  }

  /** An agent on a model built elsewhere (tests, a custom LangChain4j model). */
  public LangChain4jConversationAgent(
      ProviderSettings settings, ChatModel model, ProviderCallListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    PromptTemplates templates = new PromptTemplates();
    this.call = new StructuredCall(settings, model, templates, listener);
    this.prompt = new ConversationPrompt(templates);
  }

  /**
   * @throws AgentUnavailableException when the provider fails or its output stays unusable
   */
  @Override
  public AgentReply reply(AgentRequest request) {
    ConversationPrompt.Composed composed = prompt.turn(request);
    TurnOutput out =
        call.call(
            new StructuredCall.Subject(request.lead().brokerId(), request.lead().id()),
            List.of(SystemMessage.from(composed.system()), UserMessage.from(composed.user())),
            OutputSchema.TURN_NAME,
            OutputSchema.turn(),
            raw -> OutputParser.turn(raw, composed.sources()));
    ReplyRules.Checked checked = ReplyRules.enforce(out.reply());
    if (checked.changed()) {
      LOG.log(
          System.Logger.Level.INFO,
          "{0}/{1} reply broke {2}; offending sentences removed",
          settings.provider().apiValue(),
          settings.model(),
          checked.violations());
    }
    if (out.facts().dropped() > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "{0}/{1}: {2} invalid proposed fact(s) dropped",
          settings.provider().apiValue(),
          settings.model(),
          out.facts().dropped());
    }
    return new AgentReply(
        out.facts().name(),
        out.facts().phone(),
        out.facts().email(),
        out.facts().facts(),
        intent(out),
        checked.text());
  }

  /**
   * The port has no escalation flag yet: an escalation is reported as HUMAN_REQUEST (an opt-out
   * stays an opt-out). The pipeline's own {@code EscalationPolicy} still decides.
   */
  private static Intent intent(TurnOutput out) {
    return out.escalate() && out.intent() != Intent.OPT_OUT ? Intent.HUMAN_REQUEST : out.intent();
  }

  @Override
  public String toString() {
    return "LangChain4jConversationAgent["
        + settings.provider().apiValue()
        + "/"
        + settings.model()
        + "]";
  }
}
