package io.inmo.adapters.rest.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.broker.BrokerResource;
import io.inmo.adapters.rest.broker.BrokerResource.LeadConfigRequest;
import io.inmo.adapters.rest.json.ObjectMapperProvider;
import io.inmo.adapters.rest.lead.LeadJson.FactsInput;
import io.inmo.adapters.rest.lead.LeadJson.LeadResponse;
import io.inmo.adapters.rest.problem.BadRequestException;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.broker.BrokerCommands.LeadSettings;
import io.inmo.application.port.in.lead.LeadFilter;
import io.inmo.application.port.in.lead.LeadTransferUseCase;
import io.inmo.application.port.in.lead.LeadTransferUseCase.ImportReport;
import io.inmo.application.port.in.lead.LeadTransferUseCase.LeadExport;
import io.inmo.application.port.in.lead.ManageLeadsUseCase;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.ActivityView;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.LeadChanges;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.LeadPage;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.LeadQuery;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.NewLead;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.NewNote;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.ScorePreview;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.StageChange;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.security.Actor;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;

/**
 * REST adapter for the lead book (§15 {@code /api/v1/leads}): JSON in and out, CSV for import and
 * export. Who may see and change what is decided by {@link ManageLeadsUseCase} and {@link
 * LeadTransferUseCase}; a SUPERADMIN names the broker with {@code ?brokerId=}.
 */
@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "leads")
public class LeadsResource {
  private static final String MERGE_PATCH = "application/merge-patch+json";

  /** Reads proposed lead settings into the config endpoint's request; unknown fields fail. */
  private static final ObjectMapper SETTINGS =
      ObjectMapperProvider.create().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ManageLeadsUseCase leads;
  private final LeadTransferUseCase transfer;

  @Inject
  public LeadsResource(ManageLeadsUseCase leads, LeadTransferUseCase transfer) {
    this.leads = leads;
    this.transfer = transfer;
  }

  public record LeadListResponse(List<LeadResponse> items, String nextCursor) {}

  /**
   * One timeline entry; {@code actorName} is the staff member's name when a user of the broker
   * caused it (left out otherwise).
   */
  public record ActivityResponse(
      String id,
      String type,
      String actorType,
      String actorUserId,
      String actorName,
      Map<String, Object> details,
      Instant createdAt) {
    static ActivityResponse of(ActivityView view) {
      ActivityEntry e = view.entry();
      return new ActivityResponse(
          e.id().value().toString(),
          e.type().apiValue(),
          e.actorType().apiValue(),
          e.actorUserId() == null ? null : e.actorUserId().value().toString(),
          view.actorName(),
          e.details(),
          e.at());
    }
  }

  public record ActivityListResponse(List<ActivityResponse> items) {}

  @GET
  @Operation(
      summary = "List leads: filters, text search (q) and cursor pagination",
      security = @SecurityRequirement(name = "bearer"))
  public LeadListResponse list(
      @QueryParam("status") String status,
      @QueryParam("stage") String stage,
      @QueryParam("minScore") String minScore,
      @QueryParam("maxScore") String maxScore,
      @QueryParam("assignedTo") String assignedTo,
      @QueryParam("channel") String channel,
      @QueryParam("stale") String stale,
      @QueryParam("q") String q,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo,
      @QueryParam("sort") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadQuery query =
        Requests.parse(
            () ->
                new LeadQuery(
                    brokerId(brokerId),
                    filter(
                        status,
                        stage,
                        minScore,
                        maxScore,
                        assignedTo,
                        channel,
                        stale,
                        q,
                        createdFrom,
                        createdTo),
                    sort(sort),
                    blankToNull(cursor),
                    limit == null || limit.isBlank()
                        ? ManageLeadsUseCase.DEFAULT_PAGE_SIZE
                        : integer("limit", limit),
                    Callers.origin(headers)));
    LeadPage page = leads.list(actor, query);
    return new LeadListResponse(
        page.items().stream().map(LeadResponse::of).toList(), page.nextCursor());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a lead: name, phone, email, facts, tags, assignedTo, notes",
      security = @SecurityRequirement(name = "bearer"))
  public Response create(
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uriInfo) {
    Actor actor = Callers.actor(security);
    JsonNode request = object(body);
    NewLead command =
        Requests.parse(
            () -> {
              rejectUnknown(
                  request, "name", "phone", "email", "facts", "tags", "assignedTo", "notes");
              FactsInput facts = LeadJson.facts(request.get("facts"));
              return new NewLead(
                  brokerId(brokerId),
                  LeadJson.optionalText(request, "name"),
                  LeadJson.optionalText(request, "phone"),
                  LeadJson.optionalText(request, "email"),
                  facts.set(),
                  LeadJson.tags(request.get("tags")),
                  userId("assignedTo", LeadJson.optionalText(request, "assignedTo")),
                  LeadJson.optionalText(request, "notes"),
                  Callers.origin(headers));
            });
    LeadResponse created = LeadResponse.of(leads.create(actor, command));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One lead", security = @SecurityRequirement(name = "bearer"))
  public LeadResponse get(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    return LeadResponse.of(
        leads.get(
            actor, Requests.parse(() -> brokerId(brokerId)), leadId(id), Callers.origin(headers)));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @Operation(
      summary = "Edit a lead (merge patch): null clears a field or a fact",
      security = @SecurityRequirement(name = "bearer"))
  public LeadResponse update(
      @PathParam("id") String id,
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadId leadId = leadId(id);
    JsonNode request = object(body);
    LeadChanges changes =
        Requests.parse(
            () -> {
              rejectUnknown(
                  request, "name", "phone", "email", "facts", "tags", "assignedTo", "notes");
              FactsInput facts = request.has("facts") ? LeadJson.facts(request.get("facts")) : null;
              if (request.has("tags") && request.get("tags").isNull()) {
                throw new IllegalArgumentException("tags: usa [] para quitar todas las etiquetas");
              }
              return new LeadChanges(
                  patchText(request, "name"),
                  patchText(request, "phone"),
                  patchText(request, "email"),
                  facts == null ? null : facts.set(),
                  facts == null ? null : facts.cleared(),
                  LeadJson.tags(request.get("tags")),
                  request.has("assignedTo")
                      ? Optional.ofNullable(
                          userId("assignedTo", LeadJson.optionalText(request, "assignedTo")))
                      : null,
                  patchText(request, "notes"),
                  Callers.origin(headers));
            });
    return LeadResponse.of(
        leads.update(actor, Requests.parse(() -> brokerId(brokerId)), leadId, changes));
  }

  public record ScorePreviewResponse(
      int score,
      List<LeadJson.ScoreComponentResponse> scoreComponents,
      String status,
      String qualification,
      String stage) {}

  @POST
  @Path("score-preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "What a lead with these data would score under the current or proposed lead settings"
              + " ({lead, settings?}); nothing is saved",
      security = @SecurityRequirement(name = "bearer"))
  public ScorePreviewResponse previewScore(
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    JsonNode request = object(body);
    record Parsed(NewLead lead, LeadSettings settings) {}
    Parsed parsed =
        Requests.parse(
            () -> {
              rejectUnknown(request, "lead", "settings");
              JsonNode lead = request.get("lead");
              if (lead == null || !lead.isObject()) {
                throw new IllegalArgumentException("lead es obligatorio (un objeto)");
              }
              rejectUnknown(lead, "name", "phone", "email", "facts");
              JsonNode settings = request.get("settings");
              LeadSettings proposed = null;
              if (settings != null && !settings.isNull()) {
                try {
                  proposed =
                      BrokerResource.settings(
                          SETTINGS.treeToValue(settings, LeadConfigRequest.class));
                } catch (JsonProcessingException e) {
                  throw new IllegalArgumentException("settings no es una configuración válida");
                }
              }
              return new Parsed(
                  new NewLead(
                      brokerId(brokerId),
                      LeadJson.optionalText(lead, "name"),
                      LeadJson.optionalText(lead, "phone"),
                      LeadJson.optionalText(lead, "email"),
                      LeadJson.facts(lead.get("facts")).set(),
                      null,
                      null,
                      null,
                      Callers.origin(headers)),
                  proposed);
            });
    ScorePreview preview =
        leads.previewScore(
            actor, Requests.parse(() -> brokerId(brokerId)), parsed.settings(), parsed.lead());
    return new ScorePreviewResponse(
        preview.score().value(),
        preview.components().stream()
            .map(c -> new LeadJson.ScoreComponentResponse(c.factor(), c.points(), c.reason()))
            .toList(),
        preview.status().apiValue(),
        preview.qualification() == null ? null : preview.qualification().name(),
        preview.stage().apiValue());
  }

  @POST
  @Path("{id}/stage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Manual pipeline move {stage, reason, closeReason?}: any stage; won/lost close the deal;"
              + " leaving won/lost (reopening) is for ADMINs",
      security = @SecurityRequirement(name = "bearer"))
  public LeadResponse moveStage(
      @PathParam("id") String id,
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadId leadId = leadId(id);
    JsonNode request = object(body);
    StageChange change =
        Requests.parse(
            () -> {
              rejectUnknown(request, "stage", "reason", "closeReason");
              String stage = LeadJson.optionalText(request, "stage");
              if (stage == null || stage.isBlank()) {
                throw new IllegalArgumentException("stage es obligatorio");
              }
              return new StageChange(
                  enumParam("stage", stage, PipelineStage::fromApiValue),
                  LeadJson.optionalText(request, "reason"),
                  LeadJson.optionalText(request, "closeReason"),
                  Callers.origin(headers));
            });
    return LeadResponse.of(
        leads.moveStage(actor, Requests.parse(() -> brokerId(brokerId)), leadId, change));
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Assign the lead to a user ({assignedTo: id}) or unassign it ({assignedTo: null})",
      security = @SecurityRequirement(name = "bearer"))
  public LeadResponse assign(
      @PathParam("id") String id,
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadId leadId = leadId(id);
    JsonNode request = object(body);
    UserId assignee =
        Requests.parse(
            () -> {
              rejectUnknown(request, "assignedTo");
              if (!request.has("assignedTo")) {
                throw new IllegalArgumentException("assignedTo es obligatorio (un id o null)");
              }
              return userId("assignedTo", LeadJson.optionalText(request, "assignedTo"));
            });
    return LeadResponse.of(
        leads.assign(
            actor,
            Requests.parse(() -> brokerId(brokerId)),
            leadId,
            assignee,
            Callers.origin(headers)));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Soft-delete a lead (ADMIN)",
      security = @SecurityRequirement(name = "bearer"))
  public Response delete(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    leads.delete(
        actor, Requests.parse(() -> brokerId(brokerId)), leadId(id), Callers.origin(headers));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/activity")
  @Operation(
      summary = "The lead's timeline, newest first",
      security = @SecurityRequirement(name = "bearer"))
  public ActivityListResponse activity(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadId leadId = leadId(id);
    int max = Requests.parse(() -> limit == null || limit.isBlank() ? 50 : integer("limit", limit));
    return new ActivityListResponse(
        leads
            .activity(
                actor,
                Requests.parse(() -> brokerId(brokerId)),
                leadId,
                max,
                Callers.origin(headers))
            .stream()
            .map(ActivityResponse::of)
            .toList());
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add a note ({text}, 1..2000 characters) to the lead's timeline; answers the new entry",
      security = @SecurityRequirement(name = "bearer"))
  public Response addNote(
      @PathParam("id") String id,
      JsonNode body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    LeadId leadId = leadId(id);
    JsonNode request = object(body);
    NewNote note =
        Requests.parse(
            () -> {
              rejectUnknown(request, "text");
              return new NewNote(LeadJson.optionalText(request, "text"), Callers.origin(headers));
            });
    ActivityView created =
        leads.addNote(actor, Requests.parse(() -> brokerId(brokerId)), leadId, note);
    return Response.status(Response.Status.CREATED).entity(ActivityResponse.of(created)).build();
  }

  @POST
  @Path("import")
  @Consumes({LeadCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "Import leads from CSV (header row; columns as in the export); per-line results",
      security = @SecurityRequirement(name = "bearer"))
  public ImportReport importCsv(
      InputStream body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    BrokerId broker = Requests.parse(() -> brokerId(brokerId));
    if (body == null) {
      throw new BadRequestException("lead.import_empty", "Falta el archivo CSV.");
    }
    // the upload is spooled to disk first: reading the network never waits on the database, and
    // memory stays flat whatever the file size
    java.nio.file.Path spool = spool(body);
    try {
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(Files.newInputStream(spool), utf8), 64 * 1024)) {
        return transfer.importLeads(actor, broker, LeadCsv.lines(reader), Callers.origin(headers));
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new BadRequestException(
            "lead.import_encoding",
            "El archivo no está en UTF-8: guárdalo como «CSV UTF-8» y vuelve a importarlo; no se"
                + " importó ninguna línea.");
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException e) {
        spool.toFile().deleteOnExit();
      }
    }
  }

  private static java.nio.file.Path spool(InputStream body) {
    try {
      java.nio.file.Path file = Files.createTempFile("inmo-import-", ".csv");
      try {
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Path("export")
  @Produces(LeadCsv.MEDIA_TYPE + ";charset=UTF-8")
  @Operation(
      summary =
          "Export the broker's leads as CSV (ADMIN), filtered as the list is (same parameters;"
              + " oldest first unless sort)",
      security = @SecurityRequirement(name = "bearer"))
  public Response export(
      @QueryParam("status") String status,
      @QueryParam("stage") String stage,
      @QueryParam("minScore") String minScore,
      @QueryParam("maxScore") String maxScore,
      @QueryParam("assignedTo") String assignedTo,
      @QueryParam("channel") String channel,
      @QueryParam("stale") String stale,
      @QueryParam("q") String q,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo,
      @QueryParam("sort") String sort,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Actor actor = Callers.actor(security);
    record Parsed(BrokerId broker, LeadFilter filter, LeadSort sort) {}
    Parsed parsed =
        Requests.parse(
            () ->
                new Parsed(
                    brokerId(brokerId),
                    filter(
                        status,
                        stage,
                        minScore,
                        maxScore,
                        assignedTo,
                        channel,
                        stale,
                        q,
                        createdFrom,
                        createdTo),
                    sort(sort)));
    LeadExport export =
        transfer.exportLeads(
            actor, parsed.broker(), parsed.filter(), parsed.sort(), Callers.origin(headers));
    StreamingOutput stream =
        output -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
          CSVPrinter printer = LeadCsv.printer(writer);
          export.writeTo(
              row -> {
                try {
                  printer.printRecord(LeadCsv.defuse(row));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
          printer.flush();
        };
    String file = "leads-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
    return Response.ok(stream)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  // ---- parameter parsing (IllegalArgumentException → 400 via Requests.parse) ----

  /** The list's filters, read once for the list and the export ({@code assignedTo=none}). */
  private static LeadFilter filter(
      String status,
      String stage,
      String minScore,
      String maxScore,
      String assignedTo,
      String channel,
      String stale,
      String q,
      String createdFrom,
      String createdTo) {
    boolean unassigned = "none".equalsIgnoreCase(blankToNull(assignedTo));
    return new LeadFilter(
        status == null || status.isBlank()
            ? null
            : enumParam("status", status, LeadStatus::fromApiValue),
        stage == null || stage.isBlank()
            ? null
            : enumParam("stage", stage, PipelineStage::fromApiValue),
        integer("minScore", minScore),
        integer("maxScore", maxScore),
        unassigned ? null : userId("assignedTo", assignedTo),
        unassigned,
        channel == null || channel.isBlank()
            ? null
            : enumParam("channel", channel, IdentityChannel::fromApiValue),
        Requests.bool("stale", stale),
        q,
        instant("createdFrom", createdFrom, false),
        instant("createdTo", createdTo, true));
  }

  private static LeadSort sort(String sort) {
    return sort == null || sort.isBlank() ? null : LeadSort.fromApiValue(sort.strip());
  }

  private static JsonNode object(JsonNode body) {
    JsonNode request = Requests.requireBody(body);
    if (!request.isObject()) {
      throw new BadRequestException("request.invalid", "El cuerpo debe ser un objeto JSON.");
    }
    return request;
  }

  private static void rejectUnknown(JsonNode request, String... allowed) {
    List<String> known = List.of(allowed);
    request
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw new IllegalArgumentException(
                    name + " no es un campo conocido; usa: " + String.join(", ", known));
              }
            });
  }

  /** Absent → null (unchanged); JSON null → empty (clear); text → the text. */
  private static Optional<String> patchText(JsonNode request, String name) {
    if (!request.has(name)) {
      return null;
    }
    return Optional.ofNullable(LeadJson.optionalText(request, name));
  }

  private static <E> E enumParam(
      String name, String value, java.util.function.Function<String, E> parse) {
    try {
      return parse.apply(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": valor desconocido «" + abbreviate(value) + "»");
    }
  }

  private static Integer integer(String name, String value) {
    return Requests.integer(name, value);
  }

  /** An instant, or a date ({@code 2026-11-01}: its start in UTC; as an upper bound, its end). */
  private static Instant instant(String name, String value, boolean upperBound) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate date = LocalDate.parse(v);
        return (upperBound ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " debe ser una fecha (2026-11-01) o un instante ISO-8601 (2026-11-01T12:00:00Z)");
    }
  }

  private static UserId userId(String name, String value) {
    return Ids.userId(name, value);
  }

  private static BrokerId brokerId(String value) {
    return Ids.brokerId(value);
  }

  /** A malformed id cannot name a lead: the same 404 as an unknown one. */
  private static LeadId leadId(String value) {
    return Ids.pathId(value, LeadId::new, "lead.not_found", "El lead no existe.");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
