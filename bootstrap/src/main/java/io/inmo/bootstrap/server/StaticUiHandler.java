package io.inmo.bootstrap.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Routes HTTP: API, health and webhook paths go to Jersey; everything else is the dashboard, served
 * from the web-ui jar, with {@code index.html} for client-side routes (single-page app). Unknown
 * paths that are not pages fall through to Jersey, which answers problem+json 404.
 */
public final class StaticUiHandler extends Handler.Sequence {
  private static final Set<String> API_PREFIXES = Set.of("/api/", "/health/", "/webhooks/");
  private static final String ROOT = "inmo-web/";

  private final Handler jersey;
  private final ResourceHandler files;
  private final ByteBuffer indexHtml;

  public StaticUiHandler(Handler jersey) {
    this.jersey = jersey;
    this.files = new ResourceHandler();
    this.indexHtml = loadIndex();
    if (indexHtml != null) {
      files.setBaseResource(ResourceFactory.of(this).newClassLoaderResource(ROOT, false));
      files.setDirAllowed(false);
      files.setWelcomeFiles("index.html");
      files.setEtags(true);
      files.setCacheControl("no-cache");
    }
    setHandlers(indexHtml == null ? java.util.List.of(jersey) : java.util.List.of(jersey, files));
  }

  /** Whether the dashboard was packaged into this build. */
  public boolean hasUi() {
    return indexHtml != null;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (indexHtml == null || isApi(path)) {
      return jersey.handle(request, response, callback);
    }
    boolean read =
        HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
    if (read && files.handle(request, response, callback)) {
      return true;
    }
    if (read && isPage(path, request)) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
      response.write(
          true,
          HttpMethod.HEAD.is(request.getMethod()) ? ByteBuffer.allocate(0) : indexHtml.slice(),
          callback);
      return true;
    }
    return jersey.handle(request, response, callback);
  }

  private static boolean isApi(String path) {
    for (String prefix : API_PREFIXES) {
      if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** A client-side route: no file extension in the last segment, and a browser asking for HTML. */
  private static boolean isPage(String path, Request request) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    return !last.contains(".")
        && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
  }

  private static ByteBuffer loadIndex() {
    try (InputStream in =
        StaticUiHandler.class.getClassLoader().getResourceAsStream(ROOT + "index.html")) {
      return in == null ? null : ByteBuffer.wrap(in.readAllBytes()).asReadOnlyBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
