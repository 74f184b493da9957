package io.inmo.bootstrap.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Reads Inmo's access log in-process: the milliseconds a request spent inside Inmo by its request
 * id (the {@code X-Request-Id} answered), as Inmo's request filter measured them — from the request
 * reaching the JAX-RS application to the response leaving it, without the client, the connection
 * and Jetty's own queueing.
 */
final class AccessLogTap extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  /** Inmo's access logger; its line is {@code "{method} {path} {status} {millis}ms"}. */
  private static final String ACCESS = "io.inmo.access";

  private final Map<String, Long> millis = new ConcurrentHashMap<>();
  private final Logger logger;

  private AccessLogTap(Logger logger) {
    this.logger = logger;
  }

  static AccessLogTap attach() {
    Logger logger = (Logger) LoggerFactory.getLogger(ACCESS);
    AccessLogTap tap = new AccessLogTap(logger);
    tap.setContext(logger.getLoggerContext());
    tap.setName("bench-access-log-tap");
    tap.start();
    logger.addAppender(tap);
    return tap;
  }

  /** Inmo's milliseconds for the request, or null when its line was not seen. */
  Long millis(String requestId) {
    return requestId == null ? null : millis.get(requestId);
  }

  @Override
  protected void append(ILoggingEvent event) {
    String requestId = event.getMDCPropertyMap().get("requestId");
    Object[] arguments = event.getArgumentArray();
    if (requestId != null
        && arguments != null
        && arguments.length == 4
        && arguments[3] instanceof Number taken) {
      millis.put(requestId, taken.longValue());
    }
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
