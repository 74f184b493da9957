package io.inmo.bootstrap.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before Jersey sees the request (malformed HTTP, URI or headers too
 * long): problem+json like every other error, never an HTML page or a stack trace.
 */
public final class ProblemErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    int status = code <= 0 ? 500 : code;
    String reason = HttpStatus.getMessage(status);
    String json =
        "{\"type\":\"https://inmo.dev/problems/http/"
            + status
            + "\",\"title\":\""
            + reason
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + (status >= 500 ? "Ocurrió un error inesperado." : "La solicitud HTTP no es válida.")
            + "\",\"code\":\""
            + (status >= 500 ? "server.internal_error" : "http.bad_request")
            + "\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
