/**
 * LLM provider adapters (ADR 0018): the conversation agent and the call-transcript analyzer on
 * OpenAI (and OpenAI-compatible servers), Anthropic, Google Gemini and Ollama through LangChain4j,
 * with one structured call, prompts from {@code resources/prompts/}, output validation with one
 * repair, and typed {@link io.inmo.adapters.llm.provider.AgentUnavailableException} failures for
 * the provider router.
 */
package io.inmo.adapters.llm.provider;
