package io.inmo.bootstrap.e2e;

import io.inmo.bootstrap.Inmo;
import jakarta.annotation.security.PermitAll;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Every route the running server answers, read from the JAX-RS model of its Jersey {@code
 * ApplicationHandler} (what is really registered, not a hand-kept list): a resource added to the
 * application later is enumerated without editing a test. Jersey's own generated methods (OPTIONS,
 * HEAD) are left out; sub-resource locators are reported so that a test can refuse them.
 */
final class JaxRsRoutes {
  private JaxRsRoutes() {}

  /** A template variable: {@code {id}} or {@code {scope: broker|brokers/[^/]+}}. */
  record Variable(String name, String regex) {
    Pattern pattern() {
      return Pattern.compile(regex == null ? "[^/]+" : regex);
    }
  }

  /** One query parameter of a route and its Java type. */
  record QueryParam(String name, Class<?> type) {}

  /**
   * One resource method: HTTP method, full path template, whether it is {@code @PermitAll}, its
   * path variables (in template order), query parameters, whether it reads a body, what it
   * consumes.
   */
  record Route(
      String method,
      String template,
      boolean permitAll,
      List<Variable> variables,
      List<QueryParam> queryParams,
      boolean hasBody,
      Set<String> consumes,
      Set<String> produces,
      String javaMethod) {
    String key() {
      return method + " " + template;
    }

    /** Whether the body is JSON: the route consumes a JSON type, or declares nothing. */
    boolean consumesJson() {
      return consumes.isEmpty()
          || consumes.stream().anyMatch(type -> type.contains("json") || type.equals("*/*"));
    }

    /** What to send as {@code Content-Type}: JSON when accepted, else the first declared type. */
    String contentType() {
      return consumesJson() ? "application/json" : consumes.iterator().next();
    }

    /** What to send as {@code Accept}: JSON when produced (or nothing declared), else its type. */
    String accept() {
      return produces.isEmpty()
              || produces.stream().anyMatch(type -> type.contains("json") || type.equals("*/*"))
          ? "application/json"
          : produces.iterator().next();
    }
  }

  /** The routes of the running server, sorted by template and method. */
  static List<Route> of(Inmo inmo) {
    List<Route> routes = new ArrayList<>();
    List<String> locators = new ArrayList<>();
    for (Resource resource : model(inmo).getRootResources()) {
      walk(resource, "", routes, locators);
    }
    if (!locators.isEmpty()) {
      throw new AssertionError(
          "sub-resource locators cannot be enumerated statically, sweep them explicitly: "
              + locators);
    }
    routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
    return List.copyOf(routes);
  }

  /**
   * The JAX-RS model as Jersey built it for the server {@link Inmo} started. {@code Inmo} does not
   * expose its Jetty server, hence the reflective read of its one {@code server} field.
   */
  private static ResourceModel model(Inmo inmo) {
    try {
      Field field = Inmo.class.getDeclaredField("server");
      field.setAccessible(true);
      Server server = (Server) field.get(inmo);
      JettyHttpContainer container = server.getDescendant(JettyHttpContainer.class);
      if (container == null) {
        throw new AssertionError("no Jersey container in the handler tree of " + server);
      }
      return container
          .getApplicationHandler()
          .getInjectionManager()
          .getInstance(ExtendedResourceContext.class)
          .getResourceModel();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot reach the running server's JAX-RS model", e);
    }
  }

  private static void walk(
      Resource resource, String parent, List<Route> out, List<String> locators) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (method.isExtended()) {
        continue; // Jersey's generated OPTIONS/HEAD: an Allow header, no data
      }
      out.add(route(path, method));
    }
    if (resource.getResourceLocator() != null) {
      locators.add(path);
    }
    for (Resource child : resource.getChildResources()) {
      walk(child, path, out, locators);
    }
  }

  private static Route route(String template, ResourceMethod method) {
    Invocable invocable = method.getInvocable();
    Method java = invocable.getHandlingMethod();
    Class<?> handler = invocable.getHandler().getHandlerClass();
    boolean permitAll =
        java.isAnnotationPresent(PermitAll.class) || handler.isAnnotationPresent(PermitAll.class);
    List<QueryParam> query = new ArrayList<>();
    boolean body = false;
    for (Parameter parameter : invocable.getParameters()) {
      if (parameter.getSource() == Source.QUERY) {
        query.add(new QueryParam(parameter.getSourceName(), parameter.getRawType()));
      } else if (parameter.getSource() == Source.ENTITY) {
        body = true;
      }
    }
    TreeSet<String> consumes = new TreeSet<>();
    method.getConsumedTypes().forEach(type -> consumes.add(type.toString()));
    TreeSet<String> produces = new TreeSet<>();
    method.getProducedTypes().forEach(type -> produces.add(type.toString()));
    return new Route(
        method.getHttpMethod(),
        template,
        permitAll,
        variables(template),
        List.copyOf(query),
        body,
        Collections.unmodifiableSortedSet(consumes),
        Collections.unmodifiableSortedSet(produces),
        handler.getSimpleName() + "." + java.getName());
  }

  private static String join(String parent, String path) {
    String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/{2,}", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  /** Splits a template into literal text and variables; braces inside a regex are balanced. */
  static List<Object> parts(String template) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int depth = 0;
      int end = i;
      for (; end < template.length(); end++) {
        char d = template.charAt(end);
        if (d == '{') {
          depth++;
        } else if (d == '}' && --depth == 0) {
          break;
        }
      }
      if (!literal.isEmpty()) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      String inner = template.substring(i + 1, end);
      int colon = inner.indexOf(':');
      parts.add(
          colon < 0
              ? new Variable(inner.strip(), null)
              : new Variable(
                  inner.substring(0, colon).strip(), inner.substring(colon + 1).strip()));
      i = end + 1;
    }
    if (!literal.isEmpty()) {
      parts.add(literal.toString());
    }
    return parts;
  }

  static List<Variable> variables(String template) {
    return parts(template).stream()
        .filter(Variable.class::isInstance)
        .map(Variable.class::cast)
        .toList();
  }
}
