package io.inmo.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects request bodies above a size limit with 413: at once when {@code Content-Length} says so,
 * and while reading when the body is chunked, so a client cannot exhaust memory.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class RequestSizeLimitFilter implements ContainerRequestFilter {
  /** The streamed CSV import may be larger than any JSON body. */
  static final String IMPORT_PATH = "api/v1/leads/import";

  private final long defaultMaxBytes;
  private final long importMaxBytes;

  public RequestSizeLimitFilter(long maxBytes) {
    this(maxBytes, maxBytes);
  }

  /**
   * {@code importMaxBytes} applies to {@code POST /api/v1/leads/import}, the rest to the others.
   */
  public RequestSizeLimitFilter(long maxBytes, long importMaxBytes) {
    if (maxBytes <= 0 || importMaxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.defaultMaxBytes = maxBytes;
    this.importMaxBytes = importMaxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    long maxBytes =
        "POST".equals(request.getMethod())
                && path != null
                && IMPORT_PATH.equals(path.replaceAll("^/+|/+$", ""))
            ? importMaxBytes
            : defaultMaxBytes;
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBytes) {
          throw new PayloadTooLargeException(maxBytes);
        }
      } catch (NumberFormatException e) {
        // an unparsable length is the container's problem to reject; keep the streaming guard
      }
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }
  }

  private static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}
