package io.inmo.adapters.llm.provider;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.inmo.adapters.llm.provider.OutputParser.TranscriptOutput;
import java.util.List;
import java.util.Objects;

/**
 * {@link TranscriptAnalyzer} on one LLM provider through LangChain4j: one structured call with the
 * same schema discipline, repair and typed failures as {@link LangChain4jConversationAgent}.
 */
public final class LangChain4jTranscriptAnalyzer implements TranscriptAnalyzer {
  private final ProviderSettings settings;
  private final StructuredCall call;
  private final ConversationPrompt prompt;

  public LangChain4jTranscriptAnalyzer(ProviderSettings settings, ProviderCallListener listener) {
    this(settings, ChatModels.build(settings), listener);
  }

  public LangChain4jTranscriptAnalyzer(
      ProviderSettings settings, ChatModel model, ProviderCallListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    PromptTemplates templates = new PromptTemplates();
    this.call = new StructuredCall(settings, model, templates, listener);
    this.prompt = new ConversationPrompt(templates);
  }

  @Override
  public TranscriptAnalysis analyze(TranscriptRequest request) {
    ConversationPrompt.Composed composed =
        prompt.transcript(request.prompt(), request.sourceId(), request.lines());
    TranscriptOutput out =
        call.call(
            new StructuredCall.Subject(request.prompt().brokerId(), null),
            List.of(SystemMessage.from(composed.system()), UserMessage.from(composed.user())),
            OutputSchema.TRANSCRIPT_NAME,
            OutputSchema.transcript(),
            raw -> OutputParser.transcript(raw, composed.sources()));
    return new TranscriptAnalysis(
        out.facts().name(),
        out.facts().phone(),
        out.facts().email(),
        out.facts().facts(),
        out.intent(),
        out.summary());
  }

  @Override
  public String toString() {
    return "LangChain4jTranscriptAnalyzer["
        + settings.provider().apiValue()
        + "/"
        + settings.model()
        + "]";
  }
}
