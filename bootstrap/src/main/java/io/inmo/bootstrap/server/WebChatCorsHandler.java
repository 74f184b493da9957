package io.inmo.bootstrap.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets the web-chat widget ({@code /widget.js}) work on a brokerage's own website, another origin
 * than Inmo's: the public web-chat API ({@code /api/v1/webchat/…}) answers CORS preflights and
 * allows any origin. Safe for any origin since these calls carry no cookie and no staff token — the
 * visitor's session travels in {@code X-Inmo-Chat-Session}, which only the widget's page holds. No
 * other path gets CORS headers.
 */
public final class WebChatCorsHandler extends Handler.Wrapper {
  static final String PREFIX = "/api/v1/webchat/";
  static final String ALLOWED_HEADERS = "Content-Type, X-Inmo-Chat-Session, Last-Event-ID";

  public WebChatCorsHandler(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null || !Request.getPathInContext(request).startsWith(PREFIX)) {
      return super.handle(request, response, callback);
    }
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (HttpMethod.OPTIONS.is(request.getMethod())
        && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
      response.setStatus(204);
      callback.succeeded();
      return true;
    }
    return super.handle(request, response, callback);
  }
}
