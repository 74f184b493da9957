package io.inmo.application.port.in.lead;

import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.BrokerId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Inbound port: leads in and out as table rows (the REST adapter speaks CSV); the column names and
 * what they mean are {@link #COLUMNS}. Import and export are for ADMINs (and SUPERADMINs naming
 * {@code brokerId}); both are audited.
 *
 * <p>Import: every line is validated on its own and answered with its line number; a line whose
 * phone or e-mail matches a lead of the broker (or an earlier line) is merged into that lead:
 * missing contact data, newer facts and extra tags are added, known contact data is kept. The whole
 * file is applied in one transaction: a crash or an unexpected error applies nothing.
 */
public interface LeadTransferUseCase {

  /** The columns of an export, in order; an import accepts any subset in any order. */
  List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "phone",
          "email",
          "status",
          "score",
          "stage",
          "assignedTo",
          "tags",
          "notes",
          "location",
          "operation",
          "propertyType",
          "bedrooms",
          "bathrooms",
          "parking",
          "budget",
          "budgetCurrency",
          "monthlyIncome",
          "dicomStatus",
          "debtAmount",
          "timeline",
          "interestLevel",
          "financing",
          "createdAt",
          "updatedAt",
          "lastContactedAt");

  ImportReport importLeads(
      Actor actor, BrokerId brokerId, Iterator<ImportLine> lines, Origin origin);

  /**
   * Checks the caller's rights and prepares the export of the broker's live leads that {@code
   * filter} keeps (the lead list's filters, so that the export holds what the list shows), in
   * {@code sort} order (null: oldest first); nothing is read until {@link LeadExport#writeTo} is
   * called, so a refusal comes before any row. The audit entry ({@code lead.export}) holds the
   * count and the filters.
   */
  LeadExport exportLeads(
      Actor actor, BrokerId brokerId, LeadFilter filter, LeadSort sort, Origin origin);

  /** An export the caller may run. */
  interface LeadExport {
    /**
     * Writes every live lead the filter keeps as a row of {@link #COLUMNS} values (empty string =
     * unknown) to {@code rows}, reading the book page by page; returns the number of rows.
     */
    long writeTo(Consumer<List<String>> rows);
  }

  /**
   * One line of an import file: its number (1 = header) and its values by column name, or {@code
   * malformed} describing why the line could not even be split into values.
   */
  record ImportLine(long lineNumber, Map<String, String> values, String malformed) {
    public ImportLine {
      values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ImportLine of(long lineNumber, Map<String, String> values) {
      return new ImportLine(lineNumber, values, null);
    }

    public static ImportLine malformed(long lineNumber, String why) {
      return new ImportLine(lineNumber, Map.of(), Objects.requireNonNull(why, "why"));
    }
  }

  /** What happened to one line: {@code created}, {@code merged} or {@code error}. */
  record LineResult(long line, String result, String leadId, List<String> errors) {
    public LineResult {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }

  record ImportReport(int created, int merged, int failed, List<LineResult> lines) {
    public ImportReport {
      lines = List.copyOf(lines);
    }
  }
}
