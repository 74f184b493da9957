package io.inmo.adapters.rest.lead;

import io.inmo.adapters.rest.problem.BadRequestException;
import io.inmo.application.port.in.lead.LeadTransferUseCase;
import io.inmo.application.port.in.lead.LeadTransferUseCase.ImportLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV syntax for lead import and export, with Apache Commons CSV. Reads what spreadsheets write: a
 * UTF-8 byte-order mark, comma or semicolon separators (Excel in Spanish saves with {@code ;}),
 * quoted fields spanning lines; header names are matched ignoring case, accents and separators, in
 * English (our export) or in Spanish ("Teléfono", "Correo", "Comuna", "Presupuesto"). Writes RFC
 * 4180 with a byte-order mark so Excel shows ñ and accents, and defuses cells a spreadsheet would
 * run as a formula.
 */
final class LeadCsv {
  static final String MEDIA_TYPE = "text/csv";

  /** Cells starting like this run as formulas in spreadsheets (CSV injection). */
  private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

  /** Columns whose values are never formulas: ids, numbers, times, and E.164 phones. */
  private static final Set<String> SAFE_COLUMNS =
      Set.of(
          "id",
          "phone",
          "score",
          "bedrooms",
          "bathrooms",
          "parking",
          "budget",
          "monthlyIncome",
          "debtAmount",
          "interestLevel",
          "createdAt",
          "updatedAt",
          "lastContactedAt");

  /**
   * Header names a Chilean broker's spreadsheet uses for our columns, compared after {@link
   * #headerKey} (so "Teléfono", "TELEFONO" and "teléfono móvil" → "telefonomovil" all work).
   */
  private static final Map<String, String> SPANISH_HEADERS =
      Map.ofEntries(
          Map.entry("nombre", "name"),
          Map.entry("nombrecompleto", "name"),
          Map.entry("nombreyapellido", "name"),
          Map.entry("cliente", "name"),
          Map.entry("telefono", "phone"),
          Map.entry("telefonomovil", "phone"),
          Map.entry("fono", "phone"),
          Map.entry("celular", "phone"),
          Map.entry("movil", "phone"),
          Map.entry("whatsapp", "phone"),
          Map.entry("correo", "email"),
          Map.entry("correoelectronico", "email"),
          Map.entry("mail", "email"),
          Map.entry("estado", "status"),
          Map.entry("puntaje", "score"),
          Map.entry("etapa", "stage"),
          Map.entry("asignadoa", "assignedTo"),
          Map.entry("etiquetas", "tags"),
          Map.entry("notas", "notes"),
          Map.entry("comentarios", "notes"),
          Map.entry("observaciones", "notes"),
          Map.entry("comuna", "location"),
          Map.entry("ubicacion", "location"),
          Map.entry("sector", "location"),
          Map.entry("operacion", "operation"),
          Map.entry("tipodeoperacion", "operation"),
          Map.entry("tipodepropiedad", "propertyType"),
          Map.entry("tipopropiedad", "propertyType"),
          Map.entry("tipodeinmueble", "propertyType"),
          Map.entry("dormitorios", "bedrooms"),
          Map.entry("habitaciones", "bedrooms"),
          Map.entry("banos", "bathrooms"),
          Map.entry("estacionamientos", "parking"),
          Map.entry("presupuesto", "budget"),
          Map.entry("moneda", "budgetCurrency"),
          Map.entry("ingresomensual", "monthlyIncome"),
          Map.entry("renta", "monthlyIncome"),
          Map.entry("rentaliquida", "monthlyIncome"),
          Map.entry("sueldo", "monthlyIncome"),
          Map.entry("dicom", "dicomStatus"),
          Map.entry("deuda", "debtAmount"),
          Map.entry("montodeuda", "debtAmount"),
          Map.entry("plazo", "timeline"),
          Map.entry("interes", "interestLevel"),
          Map.entry("financiamiento", "financing"),
          Map.entry("fechadecreacion", "createdAt"),
          Map.entry("ultimocontacto", "lastContactedAt"));

  /** Our column names and the Spanish ones, by {@link #headerKey}. */
  private static final Map<String, String> HEADERS = headers();

  private LeadCsv() {}

  private static Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    LeadTransferUseCase.COLUMNS.forEach(column -> headers.put(headerKey(column), column));
    SPANISH_HEADERS.forEach(
        (spanish, column) -> {
          if (!LeadTransferUseCase.COLUMNS.contains(column)) {
            throw new IllegalStateException("no column " + column);
          }
          headers.put(spanish, column);
        });
    return Map.copyOf(headers);
  }

  /** Lower case, accents, spaces, dots, dashes and underscores dropped: "E-mail" → "email". */
  static String headerKey(String name) {
    String folded =
        Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return folded.replaceAll("[\\s._\\-]", "");
  }

  /**
   * The lines of an import file after its header; the header is checked at once (400 {@code
   * lead.import_header}) so a wrong file fails before anything is read further.
   */
  static Iterator<ImportLine> lines(BufferedReader reader) {
    try {
      reader.mark(1);
      int first = reader.read();
      if (first != '\uFEFF' && first != -1) {
        reader.reset();
      }
      reader.mark(64 * 1024);
      String headerLine = reader.readLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw new BadRequestException(
            "lead.import_empty", "El archivo está vacío: la primera línea debe ser el encabezado.");
      }
      reader.reset();
      char delimiter = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(delimiter)
              .setIgnoreEmptyLines(false)
              .setTrim(true)
              .get();
      CSVParser parser = format.parse(reader);
      Iterator<CSVRecord> records = parser.iterator();
      List<String> header = header(records.next());
      return new Lines(parser, records, header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new BadRequestException(
          "lead.import_header", "No se pudo leer el encabezado del archivo CSV.");
    }
  }

  private static List<String> header(CSVRecord record) {
    List<String> header = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : record) {
      String name = HEADERS.get(headerKey(raw));
      if (name == null) {
        unknown.add(raw.strip());
        name = raw;
      } else if (!seen.add(name)) {
        throw new BadRequestException(
            "lead.import_header", "La columna «" + name + "» aparece dos veces en el encabezado.");
      }
      header.add(name);
    }
    if (!unknown.isEmpty()) {
      throw new BadRequestException(
          "lead.import_header",
          "Columnas desconocidas: "
              + String.join(", ", unknown)
              + ". Columnas válidas: "
              + String.join(", ", LeadTransferUseCase.COLUMNS)
              + " (también en castellano: nombre, teléfono, correo, comuna, presupuesto, moneda,"
              + " renta, dicom, deuda, …).");
    }
    if (!seen.contains("name") && !seen.contains("phone") && !seen.contains("email")) {
      throw new BadRequestException(
          "lead.import_header",
          "El encabezado debe tener al menos una de las columnas name, phone o email.");
    }
    return header;
  }

  /** The records after the header, numbered by the file line each one starts on. */
  private static final class Lines implements Iterator<ImportLine> {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;
    private ImportLine next;
    private boolean broken;

    Lines(CSVParser parser, Iterator<CSVRecord> records, List<String> header) {
      this.parser = parser;
      this.records = records;
      this.header = header;
      this.lastLine = parser.getCurrentLineNumber();
    }

    @Override
    public boolean hasNext() {
      while (next == null && !broken) {
        long start = lastLine + 1;
        try {
          if (!records.hasNext()) {
            return false;
          }
          CSVRecord record = records.next();
          lastLine = parser.getCurrentLineNumber();
          next = line(start, record);
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof CSVException)) {
            throw e; // not the file's syntax: a broken upload or bad encoding fails the import
          }
          // unbalanced quotes: the parser cannot find where the next line starts
          broken = true;
          next =
              ImportLine.malformed(
                  start,
                  "comillas sin cerrar o texto tras unas comillas; el resto del archivo no se"
                      + " leyó");
        }
      }
      return next != null;
    }

    @Override
    public ImportLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ImportLine line = next;
      next = null;
      return line;
    }

    /** Null for a blank line (skipped). */
    private ImportLine line(long start, CSVRecord record) {
      boolean blank = true;
      for (String value : record) {
        blank &= value.isBlank();
      }
      if (blank) {
        return null;
      }
      if (record.size() != header.size()) {
        return ImportLine.malformed(
            start,
            "la línea tiene " + record.size() + " columnas y el encabezado " + header.size());
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), undefuse(record.get(i)));
      }
      return ImportLine.of(start, values);
    }
  }

  /** A CSV printer writing the export: BOM, header row, then rows. */
  static CSVPrinter printer(Writer writer) throws IOException {
    writer.write('\uFEFF');
    return CSVFormat.RFC4180
        .builder()
        .setHeader(LeadTransferUseCase.COLUMNS.toArray(String[]::new))
        .get()
        .print(writer);
  }

  /** The row with cells a spreadsheet would run as a formula prefixed by an apostrophe. */
  static List<String> defuse(List<String> row) {
    List<String> safe = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      String value = row.get(i);
      boolean safeColumn = SAFE_COLUMNS.contains(LeadTransferUseCase.COLUMNS.get(i));
      safe.add(!safeColumn && FORMULA.matcher(value).matches() ? "'" + value : value);
    }
    return safe;
  }

  /** Undoes {@link #defuse}: {@code '=SUMA(A1)} read back is {@code =SUMA(A1)}. */
  static String undefuse(String value) {
    return value.length() > 1
            && value.charAt(0) == '\''
            && FORMULA.matcher(value.substring(1)).matches()
        ? value.substring(1)
        : value;
  }
}
