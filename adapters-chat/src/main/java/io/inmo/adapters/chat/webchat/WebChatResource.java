package io.inmo.adapters.chat.webchat;

import io.inmo.application.port.in.chat.ChatChannelsUseCase;
import io.inmo.application.port.in.chat.ChatChannelsUseCase.Channel;
import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.application.security.UnauthenticatedException;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.shared.InvalidValueException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public web chat of a broker (PRODUCT §8): a visitor opens an anonymous session, writes, and
 * reads the conversation back. No staff token: the session token (header {@code
 * X-Inmo-Chat-Session}) is the visitor's only credential and reaches only their own conversation.
 */
@Path("/api/v1/webchat/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class WebChatResource {
  static final String SESSION_HEADER = "X-Inmo-Chat-Session";
  static final int MAX_TEXT = 2000;
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private final ChatChannelsUseCase channels;
  private final ConversationUseCase conversations;
  private final Clock clock = Clock.systemUTC();

  @Inject
  public WebChatResource(ChatChannelsUseCase channels, ConversationUseCase conversations) {
    this.channels = channels;
    this.conversations = conversations;
  }

  /** A new session: its token and the agent's name for the widget's header. */
  public record SessionResponse(String sessionToken, String agentName) {}

  /** A message the visitor writes; {@code clientMessageId} makes a retried post idempotent. */
  public record MessageRequest(String text, String clientMessageId) {}

  public record MessageAccepted(String id, boolean duplicate) {}

  /** One message of the conversation as the visitor sees it. */
  public record MessageView(String id, String from, String text, Instant at) {}

  public record MessagesResponse(List<MessageView> items) {}

  @POST
  @Path("sessions")
  public Response open(@PathParam("slug") String slug) {
    Channel channel = channels.channel(slug, ChatProvider.WEBCHAT);
    return Response.status(Response.Status.CREATED)
        .entity(new SessionResponse(WebChatSessions.newToken(), channel.agentName()))
        .build();
  }

  @POST
  @Path("messages")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(
      @PathParam("slug") String slug,
      @HeaderParam(SESSION_HEADER) String session,
      MessageRequest body) {
    Channel channel = channels.channel(slug, ChatProvider.WEBCHAT);
    String user = visitor(session);
    if (body == null || body.text() == null || body.text().isBlank()) {
      throw new InvalidValueException("webchat.invalid_message", "text es obligatorio");
    }
    if (body.text().length() > MAX_TEXT) {
      throw new InvalidValueException(
          "webchat.invalid_message", "text admite a lo más " + MAX_TEXT + " caracteres");
    }
    String clientId = body.clientMessageId();
    if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
      throw new InvalidValueException(
          "webchat.invalid_message", "clientMessageId debe tener 8 a 64 letras, números, - o _");
    }
    String messageId = user + ":" + (clientId == null ? UUID.randomUUID().toString() : clientId);
    ConversationUseCase.Receipt receipt =
        conversations.receive(
            channel.brokerId(),
            new InboundChatMessage(
                ChatProvider.WEBCHAT,
                user,
                messageId,
                body.text().strip(),
                null,
                clock.instant(),
                false));
    return Response.status(Response.Status.ACCEPTED)
        .entity(new MessageAccepted(messageId, receipt.duplicate()))
        .build();
  }

  @GET
  @Path("messages")
  public MessagesResponse read(
      @PathParam("slug") String slug, @HeaderParam(SESSION_HEADER) String session) {
    Channel channel = channels.channel(slug, ChatProvider.WEBCHAT);
    String user = visitor(session);
    List<ChatMessage> found =
        channels.conversation(channel.brokerId(), ChatProvider.WEBCHAT, user, 50);
    return new MessagesResponse(found.stream().map(WebChatResource::view).toList());
  }

  /**
   * The conversation as a server-sent-event stream ({@code event: message}, id = the message id,
   * data = {@link MessageView}): every message already there after {@code Last-Event-ID} (all of
   * them on a first connection), then each new one as it is stored — by any node, since the stream
   * reads the database. The stream ends after {@value #STREAM_MINUTES} minutes; clients reconnect
   * with {@code Last-Event-ID} and lose nothing. Browsers read it with {@code fetch} so that the
   * session travels in its header, never in a URL.
   */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @PathParam("slug") String slug,
      @HeaderParam(SESSION_HEADER) String session,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    Channel channel = channels.channel(slug, ChatProvider.WEBCHAT);
    String user = visitor(session);
    Thread.ofVirtual()
        .name("webchat-events")
        .start(() -> stream(channel, user, lastEventId, sink, sse));
  }

  static final long STREAM_MINUTES = 5;
  private static final long POLL_MILLIS = 500;

  private void stream(
      Channel channel, String user, String lastEventId, SseEventSink sink, Sse sse) {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(STREAM_MINUTES).toNanos();
    String last = lastEventId;
    boolean typing = false;
    try {
      while (!sink.isClosed() && System.nanoTime() < deadline) {
        // read before the messages: a reply committed in between shows before "typing" ends
        boolean composing = channels.composing(channel.brokerId(), ChatProvider.WEBCHAT, user);
        List<ChatMessage> found =
            channels.conversation(channel.brokerId(), ChatProvider.WEBCHAT, user, 50);
        int from = 0;
        if (last != null) {
          for (int i = 0; i < found.size(); i++) {
            if (found.get(i).id().value().toString().equals(last)) {
              from = i + 1;
            }
          }
        }
        for (ChatMessage m : found.subList(from, found.size())) {
          sink.send(
              sse.newEventBuilder()
                  .name("message")
                  .id(m.id().value().toString())
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(MessageView.class, view(m))
                  .build());
          last = m.id().value().toString();
        }
        if (composing != typing) {
          // "Sofía está escribiendo…" while the agent is about to answer
          sink.send(
              sse.newEventBuilder()
                  .name("typing")
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(java.util.Map.class, java.util.Map.of("active", composing))
                  .build());
          typing = composing;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException closed) {
      // the visitor went away (or the stream broke): nothing to keep
    } finally {
      try {
        sink.close();
      } catch (java.io.IOException ignored) {
        // already closed by the client
      }
    }
  }

  private static MessageView view(ChatMessage m) {
    return new MessageView(
        m.id().value().toString(),
        m.direction() == MessageDirection.INBOUND ? "visitor" : "agent",
        m.text(),
        m.createdAt());
  }

  private static String visitor(String session) {
    if (!WebChatSessions.wellFormed(session)) {
      throw new UnauthenticatedException(
          "webchat.session_required", "falta la sesión del chat (" + SESSION_HEADER + ")");
    }
    return WebChatSessions.channelUserId(session);
  }
}
