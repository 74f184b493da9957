/**
 * LLM adapter: LangChain4j conversation agents (Gemini, Claude, OpenAI, Ollama) and the offline
 * Spanish agent, behind the application's agent ports.
 */
package io.inmo.adapters.llm;
