package io.inmo.bootstrap.server;

import io.inmo.adapters.rest.auth.Callers;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Tells the REST adapter the client's address in {@link Callers#CLIENT_ADDRESS_HEADER}, replacing
 * whatever a client sent under that name: the connection's remote address, or — behind a trusted
 * reverse proxy ({@code INMO_TRUST_PROXY=true}) — the last address the proxy appended to {@code
 * X-Forwarded-For}.
 */
public final class ClientAddressHandler extends Handler.Wrapper {
  private final boolean trustProxy;

  public ClientAddressHandler(Handler next, boolean trustProxy) {
    super(next);
    this.trustProxy = trustProxy;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String address = Request.getRemoteAddr(request);
    if (trustProxy) {
      String forwarded = request.getHeaders().get(HttpHeader.X_FORWARDED_FOR);
      if (forwarded != null && !forwarded.isBlank()) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        if (!last.isEmpty() && last.length() <= 64) {
          address = last;
        }
      }
    }
    HttpFields headers =
        HttpFields.build(request.getHeaders()).put(Callers.CLIENT_ADDRESS_HEADER, address);
    Request withAddress =
        new Request.Wrapper(request) {
          @Override
          public HttpFields getHeaders() {
            return headers;
          }
        };
    return super.handle(withAddress, response, callback);
  }
}
