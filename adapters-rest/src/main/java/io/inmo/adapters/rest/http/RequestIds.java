package io.inmo.adapters.rest.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of the request being served: taken from a well-formed {@code X-Request-Id} header or
 * generated, kept in the logging context (MDC key {@code requestId}) for every log line.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  private RequestIds() {}

  /** The id for an incoming header value: the value itself when safe to log, else a new one. */
  static String accept(String headerValue) {
    if (headerValue != null && ACCEPTED.matcher(headerValue).matches()) {
      return headerValue;
    }
    return UUID.randomUUID().toString();
  }

  /** The current request's id, or null outside a request. */
  public static String current() {
    return MDC.get(MDC_KEY);
  }
}
