package io.inmo.adapters.rest.openapi;

import io.swagger.v3.jaxrs2.integration.resources.BaseOpenApiResource;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Serves the OpenAPI document at {@code /api/openapi.json}, generated from the resource classes
 * handed in (no classpath scan, which costs seconds on first call).
 */
@PermitAll
@Path("/api/openapi.json")
@Hidden
@Singleton
public class OpenApiDocumentResource extends BaseOpenApiResource {
  @Context ServletConfig servletConfig;
  @Context Application application;

  /** What the document describes: the resource classes to read and the running version. */
  public record Settings(Set<String> resourceClasses, String version) {
    public Settings {
      resourceClasses = Set.copyOf(resourceClasses);
    }
  }

  @Inject
  public OpenApiDocumentResource(Settings settings) {
    String version = settings.version();
    Set<String> resourceClasses = settings.resourceClasses();
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("Inmo API")
                    .version(version)
                    .description(
                        "CRM inmobiliario con agente de IA: leads, pipeline, conversaciones, visitas.")
                    .license(new License().name("Apache-2.0")));
    openApiConfiguration(
        new SwaggerConfiguration()
            .openAPI(base)
            .resourceClasses(resourceClasses)
            .prettyPrint(true)
            .cacheTTL(-1L));
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response document(@Context HttpHeaders headers, @Context UriInfo uriInfo)
      throws Exception {
    return getOpenApi(headers, servletConfig, application, uriInfo, "json");
  }
}
