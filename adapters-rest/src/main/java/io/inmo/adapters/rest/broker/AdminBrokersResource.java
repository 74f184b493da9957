package io.inmo.adapters.rest.broker;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.broker.BrokerViews.BrokerPageResponse;
import io.inmo.adapters.rest.broker.BrokerViews.BrokerResponse;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.broker.BrokerCommands.NewBroker;
import io.inmo.application.port.in.broker.ManageBrokersUseCase;
import io.inmo.application.port.in.broker.ManageBrokersUseCase.BrokerPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * REST adapter of the platform administration (SUPERADMIN only): list and create brokerages, switch
 * them off and on. A broker's own data and configs are under {@code /api/v1/brokers/{id}}.
 */
@Path("/api/v1/admin/brokers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminBrokersResource {
  private final ManageBrokersUseCase brokers;

  @Inject
  public AdminBrokersResource(ManageBrokersUseCase brokers) {
    this.brokers = brokers;
  }

  public record CreateBrokerRequest(
      String name, String slug, String timezone, String phone, String email) {}

  @GET
  @Operation(
      summary = "All brokerages ordered by name, paged by offset/limit (≤ 200)",
      security = @SecurityRequirement(name = "bearer"))
  public BrokerPageResponse list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @Context SecurityContext security) {
    BrokerPage page = brokers.list(Callers.actor(security), offset, limit);
    return new BrokerPageResponse(
        page.items().stream().map(BrokerResponse::of).toList(),
        page.total(),
        page.offset(),
        page.limit());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a brokerage (slug from the name unless given) with default configs",
      security = @SecurityRequirement(name = "bearer"))
  public Response create(
      CreateBrokerRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uriInfo) {
    var actor = Callers.actor(security);
    CreateBrokerRequest r = Requests.requireBody(body);
    NewBroker command =
        Requests.parse(() -> new NewBroker(r.name(), r.slug(), r.timezone(), r.phone(), r.email()));
    BrokerResponse created =
        BrokerResponse.of(brokers.create(actor, command, Callers.origin(headers)));
    return Response.created(
            uriInfo.getBaseUriBuilder().path("api/v1/brokers").path(created.id()).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("{id}/deactivate")
  @Operation(
      summary = "Switch a brokerage off: its users can no longer sign in",
      security = @SecurityRequirement(name = "bearer"))
  public BrokerResponse deactivate(
      @PathParam("id") String id, @Context SecurityContext security, @Context HttpHeaders headers) {
    return BrokerResponse.of(
        brokers.deactivate(
            Callers.actor(security),
            BrokerResource.target("brokers/" + id),
            Callers.origin(headers)));
  }

  @POST
  @Path("{id}/activate")
  @Operation(
      summary = "Switch a brokerage back on",
      security = @SecurityRequirement(name = "bearer"))
  public BrokerResponse activate(
      @PathParam("id") String id, @Context SecurityContext security, @Context HttpHeaders headers) {
    return BrokerResponse.of(
        brokers.activate(
            Callers.actor(security),
            BrokerResource.target("brokers/" + id),
            Callers.origin(headers)));
  }
}
