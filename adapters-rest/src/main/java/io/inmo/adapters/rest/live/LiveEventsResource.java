package io.inmo.adapters.rest.live;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.application.port.in.live.LiveEventsUseCase;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.port.out.LiveEventsPort.Subscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's live updates (PRODUCT §13, ADR 0017): one server-sent-events stream per signed-in
 * caller with the changes of its broker it may see — {@code lead}, {@code message}, {@code
 * message_status}, {@code conversation}, {@code typing}, {@code resync} — each an event named by
 * its kind whose data is a small JSON object of ids and states, never personal data (the dashboard
 * reads those through the API). The stream opens with {@code ready}, sends a comment every {@value
 * #HEARTBEAT_SECONDS} s and ends after {@value #STREAM_MINUTES} minutes, the lifetime of an access
 * token: the client reconnects with a fresh token and reads the state again. A client too slow to
 * keep up is sent {@code resync} instead of an ever-growing backlog.
 */
@Path("/api/v1/events")
public class LiveEventsResource {
  static final int STREAM_MINUTES = 15;
  static final int HEARTBEAT_SECONDS = 20;
  private static final int BACKLOG = 1_000;

  private final LiveEventsUseCase events;

  @Inject
  public LiveEventsResource(LiveEventsUseCase events) {
    this.events = events;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Live updates of the caller's broker (server-sent events)",
      security = @SecurityRequirement(name = "bearer"))
  public void stream(
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context SseEventSink sink,
      @Context Sse sse) {
    BlockingQueue<LiveEvent> backlog = new ArrayBlockingQueue<>(BACKLOG);
    java.util.concurrent.atomic.AtomicBoolean overflowed =
        new java.util.concurrent.atomic.AtomicBoolean();
    Subscription subscription =
        events.subscribe(
            Callers.actor(security),
            Ids.brokerId(brokerId),
            event -> {
              if (!backlog.offer(event)) {
                overflowed.set(true);
              }
            });
    Thread.ofVirtual()
        .name("live-events-stream")
        .start(() -> send(subscription, backlog, overflowed, sink, sse));
  }

  private static void send(
      Subscription subscription,
      BlockingQueue<LiveEvent> backlog,
      java.util.concurrent.atomic.AtomicBoolean overflowed,
      SseEventSink sink,
      Sse sse) {
    long deadline = System.nanoTime() + Duration.ofMinutes(STREAM_MINUTES).toNanos();
    long heartbeatEvery = Duration.ofSeconds(HEARTBEAT_SECONDS).toNanos();
    long nextHeartbeat = System.nanoTime() + heartbeatEvery;
    try (subscription) {
      sink.send(sse.newEventBuilder().name("ready").data("{}").build()).toCompletableFuture().get();
      while (!sink.isClosed() && System.nanoTime() < deadline) {
        LiveEvent event = backlog.poll(1, TimeUnit.SECONDS);
        if (overflowed.getAndSet(false)) {
          backlog.clear();
          event = LiveEvent.resync();
        }
        if (event != null) {
          sink.send(
                  sse.newEventBuilder()
                      .name(event.kind().apiValue())
                      .mediaType(MediaType.APPLICATION_JSON_TYPE)
                      .data(Map.class, view(event))
                      .build())
              .toCompletableFuture()
              .get();
        } else if (System.nanoTime() > nextHeartbeat) {
          sink.send(sse.newEventBuilder().comment("heartbeat").build()).toCompletableFuture().get();
          nextHeartbeat = System.nanoTime() + heartbeatEvery;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | RuntimeException closed) {
      // the dashboard went away: nothing to keep
    } finally {
      try {
        sink.close();
      } catch (java.io.IOException ignored) {
        // already closed by the client
      }
    }
  }

  static Map<String, Object> view(LiveEvent event) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (event.lead() != null) {
      view.put("leadId", event.lead().value().toString());
    }
    if (event.assignedTo() != null) {
      view.put("assignedTo", event.assignedTo().value().toString());
    }
    event.data().forEach(view::put);
    return view;
  }
}
