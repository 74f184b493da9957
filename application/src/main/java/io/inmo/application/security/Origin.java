package io.inmo.application.security;

/**
 * Where a call came from, for rate limits and the audit log: the client's IP address and the
 * request id of the log lines. Both nullable (a call from a job has neither).
 */
public record Origin(String ip, String requestId) {
  public static final Origin SYSTEM = new Origin(null, null);

  public Origin {
    ip = blankToNull(ip);
    requestId = blankToNull(requestId);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
