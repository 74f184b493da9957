package io.inmo.adapters.llm.offline;

import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word list and phrase table of the offline agent's Spanish reading, in one place. All
 * entries are folded (lower case, no accents, ñ → n, punctuation as spaces) like {@link
 * io.inmo.domain.conversation.SpanishText#fold}; phrases match whole words.
 */
final class SpanishRules {
  private SpanishRules() {}

  // ---------------------------------------------------------------- names

  /** Words that introduce a name strongly: anything name-like after them is taken. */
  static final List<List<String>> STRONG_NAME_CUES =
      List.of(
          List.of("me", "llamo"),
          List.of("mi", "nombre", "es"),
          List.of("mi", "nombre"),
          List.of("me", "dicen"),
          List.of("nombre"));

  /** "soy X" only gives a name when X is capitalised or a known first name. */
  static final List<String> WEAK_NAME_CUE = List.of("soy");

  /** Articles Chileans put before a name ("soy el Matías", "la Cata"): skipped. */
  static final Set<String> NAME_ARTICLES = Set.of("el", "la");

  /** Words that end a name or show that what follows "soy" is not a name. */
  static final Set<String> NOT_NAME =
      Set.of(
          "y",
          "e",
          "o",
          "u",
          "de",
          "del",
          "la",
          "las",
          "los",
          "el",
          "lo",
          "con",
          "en",
          "para",
          "por",
          "que",
          "pero",
          "porque",
          "a",
          "al",
          "un",
          "una",
          "uno",
          "unos",
          "no",
          "si",
          "ya",
          "mi",
          "mis",
          "me",
          "te",
          "tu",
          "su",
          "sus",
          "yo",
          "se",
          "es",
          "soy",
          "estoy",
          "eres",
          "busco",
          "buscamos",
          "buscando",
          "quiero",
          "queremos",
          "necesito",
          "necesitamos",
          "tengo",
          "tenemos",
          "vivo",
          "vivimos",
          "ando",
          "gano",
          "ganamos",
          "trabajo",
          "llamo",
          "escribo",
          "estaba",
          "prefiero",
          "gracias",
          "hola",
          "holi",
          "buenas",
          "buenos",
          "wena",
          "wenas",
          "ok",
          "okay",
          "dale",
          "bueno",
          "bien",
          "muy",
          "nuevo",
          "nueva",
          "casado",
          "casada",
          "soltero",
          "soltera",
          "separado",
          "separada",
          "divorciado",
          "divorciada",
          "viudo",
          "viuda",
          "independiente",
          "dependiente",
          "chileno",
          "chilena",
          "extranjero",
          "extranjera",
          "profesor",
          "profesora",
          "estudiante",
          "jubilado",
          "jubilada",
          "pensionado",
          "pensionada",
          "funcionario",
          "funcionaria",
          "ingeniero",
          "ingeniera",
          "enfermero",
          "enfermera",
          "medico",
          "medica",
          "doctor",
          "doctora",
          "abogado",
          "abogada",
          "cliente",
          "clienta",
          "papa",
          "mama",
          "hijo",
          "hija",
          "esposo",
          "esposa",
          "senora",
          "senor",
          "don",
          "dona",
          "pareja",
          "hermano",
          "hermana",
          "amigo",
          "amiga",
          "corredor",
          "corredora",
          "agente",
          "ejecutivo",
          "ejecutiva",
          "dueno",
          "duena",
          "propietario",
          "propietaria",
          "arrendatario",
          "arrendataria",
          "interesado",
          "interesada",
          "admin",
          "administrador",
          "desarrollador",
          "humano",
          "bot",
          "robot",
          "depto",
          "casa",
          "departamento",
          "arriendo",
          "comprar",
          "arrendar",
          "dicom",
          "urgente",
          "nombre",
          "llama",
          "decirlo",
          "decir",
          "numero",
          "celular",
          "cel",
          "fono",
          "correo",
          "mail",
          "email",
          "whatsapp",
          "solo",
          "sola",
          "acá",
          "aca",
          "alla",
          "aqui",
          "porfa",
          "favor",
          "jaja",
          "jajaja",
          "sii",
          "noo",
          "claro",
          "perfecto",
          "genial",
          "listo");

  /** Common Chilean first names, folded: a lower-case "soy camila" is a name only with these. */
  static final Set<String> FIRST_NAMES =
      Set.of(
          "agustin",
          "alejandra",
          "alejandro",
          "alexis",
          "alicia",
          "alonso",
          "alvaro",
          "amanda",
          "ana",
          "andrea",
          "andres",
          "angela",
          "antonia",
          "antonio",
          "ariel",
          "barbara",
          "beatriz",
          "benjamin",
          "bernardita",
          "camila",
          "carla",
          "carlos",
          "carmen",
          "carolina",
          "catalina",
          "cata",
          "cecilia",
          "claudia",
          "claudio",
          "constanza",
          "coni",
          "cristian",
          "cristobal",
          "daniel",
          "daniela",
          "david",
          "diego",
          "eduardo",
          "elena",
          "elizabeth",
          "emilia",
          "emilio",
          "enrique",
          "esteban",
          "eugenia",
          "fabian",
          "felipe",
          "fernanda",
          "fernando",
          "florencia",
          "francisca",
          "francisco",
          "gabriel",
          "gabriela",
          "gaspar",
          "gonzalo",
          "guillermo",
          "gustavo",
          "hector",
          "hernan",
          "ignacia",
          "ignacio",
          "ines",
          "isabel",
          "isidora",
          "ivan",
          "javiera",
          "javier",
          "jorge",
          "jose",
          "josefa",
          "juan",
          "julia",
          "julio",
          "karen",
          "karina",
          "laura",
          "leonardo",
          "lorena",
          "lucas",
          "lucia",
          "luis",
          "luz",
          "macarena",
          "magdalena",
          "manuel",
          "marcela",
          "marcelo",
          "marco",
          "margarita",
          "maria",
          "mariana",
          "mario",
          "martin",
          "martina",
          "matias",
          "mauricio",
          "maximiliano",
          "max",
          "miguel",
          "monica",
          "nadia",
          "natalia",
          "nicolas",
          "nicole",
          "oscar",
          "pablo",
          "pamela",
          "pancho",
          "paola",
          "patricia",
          "patricio",
          "paula",
          "paulina",
          "pedro",
          "pia",
          "rafael",
          "ramon",
          "raul",
          "rebeca",
          "ricardo",
          "roberto",
          "rocio",
          "rodrigo",
          "romina",
          "rosa",
          "sandra",
          "santiago",
          "sebastian",
          "sergio",
          "silvia",
          "sofia",
          "soledad",
          "susana",
          "tamara",
          "teresa",
          "tomas",
          "valentina",
          "valeria",
          "veronica",
          "vicente",
          "victor",
          "victoria",
          "ximena",
          "yasna",
          "yolanda");

  // ---------------------------------------------------------------- locations

  /** Spellings people use for a comuna that its folded name does not cover → canonical name. */
  static final Map<String, String> LOCATION_ALIASES =
      Map.ofEntries(
          Map.entry("stgo centro", "Santiago"),
          Map.entry("santiago centro", "Santiago"),
          Map.entry("stgo", "Santiago"),
          Map.entry("conce", "Concepción"),
          Map.entry("vina", "Viña del Mar"),
          Map.entry("renaca", "Viña del Mar"),
          Map.entry("valpo", "Valparaíso"),
          Map.entry("pta arenas", "Punta Arenas"),
          Map.entry("pto montt", "Puerto Montt"),
          Map.entry("pto varas", "Puerto Varas"),
          Map.entry("llayllay", "Llay-Llay"),
          Map.entry("chicureo", "Colina"),
          Map.entry("est central", "Estación Central"),
          Map.entry("pac", "Pedro Aguirre Cerda"),
          Map.entry("san pedro de la paz", "San Pedro de la Paz"),
          Map.entry("la calera", "La Calera"),
          Map.entry("calera", "La Calera"));

  /**
   * Comunas that are also surnames or common words ("Castro", "Victoria", "La Unión"): taken only
   * right after a place word ("en", "de", "por", "comuna", "sector") or when the whole answer is
   * the place.
   */
  static final Set<String> AMBIGUOUS_PLACES =
      Set.of(
          "castro",
          "molina",
          "linares",
          "pinto",
          "ovalle",
          "vicuna",
          "freire",
          "lautaro",
          "saavedra",
          "olivar",
          "corral",
          "canela",
          "caldera",
          "cisnes",
          "porvenir",
          "pica",
          "la cruz",
          "la estrella",
          "el carmen",
          "la higuera",
          "florida",
          "la union",
          "santa maria",
          "san pedro",
          "santa cruz",
          "placilla",
          "victoria",
          "coronel",
          "teno",
          "laja",
          "lota",
          "maule",
          "antartica",
          "o higgins",
          "aysen",
          "paine",
          "colina",
          "renca",
          "parral",
          "independencia",
          "hijuelas",
          "requinoa",
          "nogales",
          "la granja",
          "san ramon",
          "san javier",
          "san vicente",
          "san fernando",
          "san carlos",
          "san clemente",
          "san rafael",
          "san nicolas",
          "san ignacio",
          "san fabian",
          "san gregorio",
          "san pablo",
          "san juan de la costa",
          "san rosendo",
          "san esteban",
          "san felipe",
          "san antonio",
          "san bernardo",
          "san joaquin",
          "san miguel",
          "san jose de maipo",
          "lo prado");

  /** Comunas that are everyday words (a holiday, a season, a birth): only as a whole answer. */
  static final Set<String> WORD_PLACES =
      Set.of("navidad", "nacimiento", "primavera", "retiro", "constitucion", "empedrado");

  /** Words right before a place name that mark it as a place. */
  static final Set<String> PLACE_WORDS =
      Set.of("en", "de", "por", "comuna", "sector", "a", "o", "y", "cerca");

  /** "mi señora es de Osorno", "ella vive en Talca": someone else's place, not the search. */
  static final Set<String> THIRD_PARTY =
      Set.of(
          "senora", "esposa", "esposo", "marido", "mama", "papa", "madre", "padre", "hijo", "hija",
          "hijos", "hermano", "hermana", "pareja", "suegra", "suegro", "ella", "polola", "pololo",
          "abuela", "abuelo", "familia", "jefe", "amigo", "amiga");

  /** Verbs that tie a place to a person ("vive en", "es de"). */
  static final List<List<String>> PLACE_OF_PERSON =
      List.of(
          List.of("vive", "en"),
          List.of("viven", "en"),
          List.of("es", "de"),
          List.of("son", "de"),
          List.of("trabaja", "en"),
          List.of("esta", "en"));

  /** After one of these, places named before it are dropped ("Ñuñoa… no, mejor Providencia"). */
  static final Set<String> CONTRAST = Set.of("pero", "mejor", "corrijo");

  /** A place after these words is someone else's or the lead's workplace, not the search. */
  static final List<List<String>> NOT_SEARCH_PLACE_CUES =
      List.of(
          List.of("trabajo", "en"),
          List.of("trabaja", "en"),
          List.of("hijo", "vive", "en"),
          List.of("hija", "vive", "en"),
          List.of("mama", "vive", "en"),
          List.of("papa", "vive", "en"),
          List.of("hijos", "viven", "en"),
          List.of("familia", "vive", "en"),
          List.of("pareja", "vive", "en"));

  // ---------------------------------------------------------------- search facts

  static final Set<String> BUY_WORDS =
      Set.of(
          "comprar",
          "compra",
          "compro",
          "compramos",
          "comprarme",
          "comprando",
          "comprarlo",
          "comprarla",
          "invertir",
          "inversion");

  static final Set<String> RENT_WORDS =
      Set.of(
          "arrendar",
          "arriendo",
          "arrienda",
          "arriendan",
          "arrendamiento",
          "arrendando",
          "alquilar",
          "alquiler",
          "alquilo",
          "arrendarme",
          "arriendos");

  /** Renting a property out: the lead owns or buys it, so not a rent search. */
  static final Set<String> RENT_OUT_WORDS = Set.of("arrendarlo", "arrendarla", "arrendarlos");

  static final Map<String, PropertyType> PROPERTY_WORDS =
      Map.ofEntries(
          Map.entry("casa", PropertyType.HOUSE),
          Map.entry("casas", PropertyType.HOUSE),
          Map.entry("casita", PropertyType.HOUSE),
          Map.entry("kasa", PropertyType.HOUSE),
          Map.entry("depto", PropertyType.APARTMENT),
          Map.entry("deptos", PropertyType.APARTMENT),
          Map.entry("departamento", PropertyType.APARTMENT),
          Map.entry("departamentos", PropertyType.APARTMENT),
          Map.entry("dpto", PropertyType.APARTMENT),
          Map.entry("dptos", PropertyType.APARTMENT),
          Map.entry("depa", PropertyType.APARTMENT),
          Map.entry("depas", PropertyType.APARTMENT),
          Map.entry("dto", PropertyType.APARTMENT),
          Map.entry("oficina", PropertyType.OFFICE),
          Map.entry("oficinas", PropertyType.OFFICE),
          Map.entry("terreno", PropertyType.LAND),
          Map.entry("terrenos", PropertyType.LAND),
          Map.entry("sitio", PropertyType.LAND),
          Map.entry("parcela", PropertyType.LAND),
          Map.entry("parcelas", PropertyType.LAND),
          Map.entry("lote", PropertyType.LAND),
          Map.entry("local", PropertyType.OTHER),
          Map.entry("locales", PropertyType.OTHER),
          Map.entry("bodega", PropertyType.OTHER));

  /** "casa comercial" is a store, "sitio web" a web site: no property. */
  static final Set<String> NOT_PROPERTY_NEXT = Set.of("comercial", "web");

  /** "mi casa", "en casa": where the lead lives, not what it looks for (unless it sells it). */
  static final Set<String> NOT_PROPERTY_PREVIOUS = Set.of("mi", "en", "tu", "su");

  /** "estoy en la oficina", "voy a la casa": a place the lead is at, not a property it wants. */
  static final Set<String> AT_PLACE_BEFORE_ARTICLE = Set.of("en", "a", "desde");

  /** "local" and "bodega" are property types only after these words, else amenities. */
  static final Set<String> OTHER_TYPE_PREVIOUS =
      Set.of("un", "una", "el", "la", "busco", "necesito", "arriendo", "arrendar", "comprar");

  static final Set<String> BEDROOM_WORDS =
      Set.of(
          "dormitorio",
          "dormitorios",
          "dorm",
          "dorms",
          "pieza",
          "piezas",
          "habitacion",
          "habitaciones",
          "recamara",
          "recamaras",
          "cuarto",
          "cuartos");

  static final Set<String> BATHROOM_WORDS = Set.of("bano", "banos");

  static final Set<String> PARKING_WORDS = Set.of("estacionamiento", "estacionamientos");

  /** "con estacionamiento", "necesito estacionamiento": one space. */
  static final Set<String> PARKING_WANTED_PREVIOUS =
      Set.of("con", "necesito", "quiero", "tenga", "incluya", "y");

  static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("un", 1),
          Map.entry("una", 1),
          Map.entry("uno", 1),
          Map.entry("dos", 2),
          Map.entry("tres", 3),
          Map.entry("cuatro", 4),
          Map.entry("cinco", 5),
          Map.entry("seis", 6),
          Map.entry("siete", 7),
          Map.entry("ocho", 8),
          Map.entry("nueve", 9),
          Map.entry("diez", 10));

  // ---------------------------------------------------------------- money

  /** Multipliers written after an amount. */
  static final Map<String, Long> MONEY_MULTIPLIERS =
      Map.ofEntries(
          Map.entry("millones", 1_000_000L),
          Map.entry("millon", 1_000_000L),
          Map.entry("mill", 1_000_000L),
          Map.entry("mm", 1_000_000L),
          Map.entry("palos", 1_000_000L),
          Map.entry("palo", 1_000_000L),
          Map.entry("mil", 1_000L),
          Map.entry("lucas", 1_000L),
          Map.entry("luca", 1_000L),
          Map.entry("k", 1_000L));

  /** What an amount is, read from the nearest word before it (or right after it). */
  enum MoneyKind {
    BUDGET,
    INCOME,
    DEBT,
    DOWN_PAYMENT
  }

  static final Map<String, MoneyKind> MONEY_CUES =
      Map.ofEntries(
          Map.entry("gano", MoneyKind.INCOME),
          Map.entry("ganamos", MoneyKind.INCOME),
          Map.entry("gana", MoneyKind.INCOME),
          Map.entry("ganan", MoneyKind.INCOME),
          Map.entry("ganando", MoneyKind.INCOME),
          Map.entry("renta", MoneyKind.INCOME),
          Map.entry("sueldo", MoneyKind.INCOME),
          Map.entry("sueldos", MoneyKind.INCOME),
          Map.entry("liquido", MoneyKind.INCOME),
          Map.entry("liquidos", MoneyKind.INCOME),
          Map.entry("liquida", MoneyKind.INCOME),
          Map.entry("ingreso", MoneyKind.INCOME),
          Map.entry("ingresos", MoneyKind.INCOME),
          Map.entry("recibo", MoneyKind.INCOME),
          Map.entry("salario", MoneyKind.INCOME),
          Map.entry("remuneracion", MoneyKind.INCOME),
          Map.entry("pagan", MoneyKind.INCOME),
          Map.entry("deuda", MoneyKind.DEBT),
          Map.entry("deudas", MoneyKind.DEBT),
          Map.entry("debo", MoneyKind.DEBT),
          Map.entry("debemos", MoneyKind.DEBT),
          Map.entry("debiendo", MoneyKind.DEBT),
          Map.entry("dicom", MoneyKind.DEBT),
          Map.entry("moroso", MoneyKind.DEBT),
          Map.entry("morosa", MoneyKind.DEBT),
          Map.entry("pie", MoneyKind.DOWN_PAYMENT),
          Map.entry("busco", MoneyKind.BUDGET),
          Map.entry("buscamos", MoneyKind.BUDGET),
          Map.entry("buscando", MoneyKind.BUDGET),
          Map.entry("presupuesto", MoneyKind.BUDGET),
          Map.entry("hasta", MoneyKind.BUDGET),
          Map.entry("maximo", MoneyKind.BUDGET),
          Map.entry("max", MoneyKind.BUDGET),
          Map.entry("tope", MoneyKind.BUDGET),
          Map.entry("ahorrado", MoneyKind.BUDGET),
          Map.entry("ahorrados", MoneyKind.BUDGET),
          Map.entry("ahorrada", MoneyKind.BUDGET),
          Map.entry("ahorradas", MoneyKind.BUDGET),
          Map.entry("ahorro", MoneyKind.BUDGET),
          Map.entry("ahorros", MoneyKind.BUDGET),
          Map.entry("tengo", MoneyKind.BUDGET),
          Map.entry("tenemos", MoneyKind.BUDGET),
          Map.entry("pagar", MoneyKind.BUDGET),
          Map.entry("pago", MoneyKind.BUDGET),
          Map.entry("valor", MoneyKind.BUDGET),
          Map.entry("precio", MoneyKind.BUDGET),
          Map.entry("arriendo", MoneyKind.BUDGET),
          Map.entry("algo", MoneyKind.BUDGET),
          Map.entry("cuesta", MoneyKind.BUDGET),
          Map.entry("vale", MoneyKind.BUDGET),
          Map.entry("preaprobado", MoneyKind.BUDGET),
          Map.entry("aprobado", MoneyKind.BUDGET),
          Map.entry("dispongo", MoneyKind.BUDGET),
          Map.entry("depto", MoneyKind.BUDGET),
          Map.entry("dpto", MoneyKind.BUDGET),
          Map.entry("depa", MoneyKind.BUDGET),
          Map.entry("departamento", MoneyKind.BUDGET),
          Map.entry("casa", MoneyKind.BUDGET),
          Map.entry("oficina", MoneyKind.BUDGET),
          Map.entry("terreno", MoneyKind.BUDGET),
          Map.entry("parcela", MoneyKind.BUDGET));

  /**
   * Words right after an amount that say what it is ("900 mil de sueldo", "500 UF para el pie").
   */
  static final Map<String, MoneyKind> MONEY_AFTER_CUES =
      Map.ofEntries(
          Map.entry("liquido", MoneyKind.INCOME),
          Map.entry("liquidos", MoneyKind.INCOME),
          Map.entry("sueldo", MoneyKind.INCOME),
          Map.entry("renta", MoneyKind.INCOME),
          Map.entry("mensuales", MoneyKind.INCOME),
          Map.entry("pie", MoneyKind.DOWN_PAYMENT),
          Map.entry("deuda", MoneyKind.DEBT),
          Map.entry("ahorrados", MoneyKind.BUDGET),
          Map.entry("ahorradas", MoneyKind.BUDGET),
          Map.entry("arriendo", MoneyKind.BUDGET));

  /** A peso amount this large with no cue is a property price, never an income. */
  static final long CLP_PRICE_WITHOUT_CUE = 20_000_000;

  /** Opt-out wordings beyond the domain's {@code OptOutPolicy} (intent only). */
  static final List<String> EXTRA_OPT_OUT =
      List.of("borrenme", "eliminenme", "sacame de la lista", "saquenme");

  /** Smallest peso amount read as a budget, income or debt (anything less is a typo or a count). */
  static final long MIN_CLP = 10_000;

  // ---------------------------------------------------------------- DICOM, timeline, financing

  /** Checked in this order: not knowing first, then a clean record, then debt. */
  static final List<Map.Entry<String, DicomStatus>> DICOM_PHRASES =
      List.of(
          Map.entry("no se si estoy en dicom", DicomStatus.UNKNOWN),
          Map.entry("no se si tengo dicom", DicomStatus.UNKNOWN),
          Map.entry("no se si aparezco", DicomStatus.UNKNOWN),
          Map.entry("no se si tengo deudas", DicomStatus.UNKNOWN),
          Map.entry("no se si estoy", DicomStatus.UNKNOWN),
          Map.entry("no tengo idea si", DicomStatus.UNKNOWN),
          Map.entry("no estoy seguro si", DicomStatus.UNKNOWN),
          Map.entry("no estoy segura si", DicomStatus.UNKNOWN),
          Map.entry("no tengo dicom", DicomStatus.CLEAN),
          Map.entry("no estoy en dicom", DicomStatus.CLEAN),
          Map.entry("no estoy en el dicom", DicomStatus.CLEAN),
          Map.entry("no aparezco en dicom", DicomStatus.CLEAN),
          Map.entry("nunca he estado en dicom", DicomStatus.CLEAN),
          Map.entry("nunca he estado en el dicom", DicomStatus.CLEAN),
          Map.entry("sali de dicom", DicomStatus.CLEAN),
          Map.entry("sin dicom", DicomStatus.CLEAN),
          Map.entry("dicom limpio", DicomStatus.CLEAN),
          Map.entry("estoy limpio", DicomStatus.CLEAN),
          Map.entry("estoy limpia", DicomStatus.CLEAN),
          Map.entry("estamos limpios", DicomStatus.CLEAN),
          Map.entry("papeles limpios", DicomStatus.CLEAN),
          Map.entry("sin deudas", DicomStatus.CLEAN),
          Map.entry("sin deuda", DicomStatus.CLEAN),
          Map.entry("no tengo deudas", DicomStatus.CLEAN),
          Map.entry("no tengo deuda", DicomStatus.CLEAN),
          Map.entry("no tengo ninguna deuda", DicomStatus.CLEAN),
          Map.entry("cero deudas", DicomStatus.CLEAN),
          Map.entry("no debo nada", DicomStatus.CLEAN),
          Map.entry("estoy en dicom", DicomStatus.HAS_DEBT),
          Map.entry("estoy en el dicom", DicomStatus.HAS_DEBT),
          Map.entry("tengo dicom", DicomStatus.HAS_DEBT),
          Map.entry("tengo un dicom", DicomStatus.HAS_DEBT),
          Map.entry("aparezco en dicom", DicomStatus.HAS_DEBT),
          Map.entry("aparezco en el dicom", DicomStatus.HAS_DEBT),
          Map.entry("tengo deudas", DicomStatus.HAS_DEBT),
          Map.entry("tengo una deuda", DicomStatus.HAS_DEBT),
          Map.entry("tengo deuda", DicomStatus.HAS_DEBT),
          Map.entry("debo", DicomStatus.HAS_DEBT),
          Map.entry("moroso", DicomStatus.HAS_DEBT),
          Map.entry("morosa", DicomStatus.HAS_DEBT));

  /** Short answers to "¿Tienes deudas en DICOM?". */
  static final List<Map.Entry<String, DicomStatus>> DICOM_ANSWERS =
      List.of(
          Map.entry("no se", DicomStatus.UNKNOWN),
          Map.entry("no tengo idea", DicomStatus.UNKNOWN),
          Map.entry("ni idea", DicomStatus.UNKNOWN),
          Map.entry("no", DicomStatus.CLEAN),
          Map.entry("nop", DicomStatus.CLEAN),
          Map.entry("nada", DicomStatus.CLEAN),
          Map.entry("si", DicomStatus.HAS_DEBT),
          Map.entry("sip", DicomStatus.HAS_DEBT));

  static final List<Map.Entry<String, Timeline>> TIMELINE_PHRASES =
      List.of(
          Map.entry("urgente", Timeline.IMMEDIATE),
          Map.entry("urge", Timeline.IMMEDIATE),
          Map.entry("lo antes posible", Timeline.IMMEDIATE),
          Map.entry("lo mas pronto posible", Timeline.IMMEDIATE),
          Map.entry("cuanto antes", Timeline.IMMEDIATE),
          Map.entry("lo necesito ya", Timeline.IMMEDIATE),
          Map.entry("para ya", Timeline.IMMEDIATE),
          Map.entry("ahora ya", Timeline.IMMEDIATE),
          Map.entry("inmediato", Timeline.IMMEDIATE),
          Map.entry("inmediata", Timeline.IMMEDIATE),
          Map.entry("de inmediato", Timeline.IMMEDIATE),
          Map.entry("al tiro", Timeline.IMMEDIATE),
          Map.entry("altiro", Timeline.IMMEDIATE),
          Map.entry("ahora mismo", Timeline.IMMEDIATE),
          Map.entry("este mes", Timeline.DAYS_30),
          Map.entry("en un mes", Timeline.DAYS_30),
          Map.entry("un mes mas", Timeline.DAYS_30),
          Map.entry("proximas semanas", Timeline.DAYS_30),
          Map.entry("proxima semana", Timeline.DAYS_30),
          Map.entry("proximo mes", Timeline.DAYS_30),
          Map.entry("mes que viene", Timeline.DAYS_30),
          Map.entry("en 2 semanas", Timeline.DAYS_30),
          Map.entry("en dos semanas", Timeline.DAYS_30),
          Map.entry("en 3 semanas", Timeline.DAYS_30),
          Map.entry("en tres semanas", Timeline.DAYS_30),
          Map.entry("en 15 dias", Timeline.DAYS_30),
          Map.entry("2 meses", Timeline.DAYS_90),
          Map.entry("3 meses", Timeline.DAYS_90),
          Map.entry("dos meses", Timeline.DAYS_90),
          Map.entry("tres meses", Timeline.DAYS_90),
          Map.entry("proximos meses", Timeline.DAYS_90),
          Map.entry("un par de meses", Timeline.DAYS_90),
          Map.entry("en unos meses", Timeline.DAYS_90),
          Map.entry("fin de ano", Timeline.DAYS_90),
          Map.entry("solo mirando", Timeline.JUST_LOOKING),
          Map.entry("estoy mirando", Timeline.JUST_LOOKING),
          Map.entry("viendo opciones", Timeline.JUST_LOOKING),
          Map.entry("cotizando", Timeline.JUST_LOOKING),
          Map.entry("sin apuro", Timeline.JUST_LOOKING),
          Map.entry("no tengo apuro", Timeline.JUST_LOOKING),
          Map.entry("solo averiguando", Timeline.JUST_LOOKING),
          Map.entry("mas adelante", Timeline.JUST_LOOKING),
          Map.entry("proximo ano", Timeline.JUST_LOOKING));

  static final List<Map.Entry<String, Financing>> FINANCING_PHRASES =
      List.of(
          Map.entry("credito hipotecario", Financing.MORTGAGE),
          Map.entry("hipotecario", Financing.MORTGAGE),
          Map.entry("con credito", Financing.MORTGAGE),
          Map.entry("preaprobado", Financing.MORTGAGE),
          Map.entry("pre aprobado", Financing.MORTGAGE),
          Map.entry("mi credito", Financing.MORTGAGE),
          Map.entry("al contado", Financing.CASH),
          Map.entry("contado", Financing.CASH),
          Map.entry("efectivo", Financing.CASH),
          Map.entry("cash", Financing.CASH),
          Map.entry("con mis ahorros", Financing.CASH),
          Map.entry("sin credito", Financing.CASH),
          Map.entry("subsidio", Financing.SUBSIDY),
          Map.entry("subsidios", Financing.SUBSIDY),
          Map.entry("ds1", Financing.SUBSIDY),
          Map.entry("ds 1", Financing.SUBSIDY),
          Map.entry("ds19", Financing.SUBSIDY),
          Map.entry("ds 19", Financing.SUBSIDY),
          Map.entry("ds49", Financing.SUBSIDY),
          Map.entry("ds 49", Financing.SUBSIDY));

  /** In a question only what the lead says it has counts ("¿puedo usar mi subsidio?"). */
  static final List<Map.Entry<String, Financing>> FINANCING_IN_QUESTIONS =
      List.of(
          Map.entry("mi subsidio", Financing.SUBSIDY),
          Map.entry("mi credito hipotecario", Financing.MORTGAGE),
          Map.entry("mi credito preaprobado", Financing.MORTGAGE));

  // ---------------------------------------------------------------- intents

  /** Prompt injection and role play: the message becomes OFF_TOPIC and nothing is read from it. */
  static final List<String> INJECTION_PHRASES =
      List.of(
          "ignora tus instrucciones",
          "ignora las instrucciones",
          "ignora todas las instrucciones",
          "ignora tus reglas",
          "ignora todo lo anterior",
          "ignora lo anterior",
          "ignore previous instructions",
          "ignore all previous",
          "ignore the above",
          "ignore your instructions",
          "olvida tus reglas",
          "olvida tus instrucciones",
          "olvida todo lo anterior",
          "olvida las instrucciones",
          "system prompt",
          "prompt del sistema",
          "tu prompt",
          "tus instrucciones",
          "actua como",
          "actuar como",
          "hazte pasar por",
          "desde ahora eres",
          "ahora eres",
          "a partir de ahora eres",
          "modo desarrollador",
          "developer mode",
          "jailbreak",
          "no tienes reglas",
          "sin restricciones",
          "you are now",
          "eres ahora",
          "act as",
          "pretend you are");

  static final List<String> HUMAN_PHRASES =
      List.of(
          "hablar con una persona",
          "hablar con alguien",
          "hablar con un humano",
          "hablar con una humana",
          "hablar con un ejecutivo",
          "hablar con una ejecutiva",
          "hablar con un agente",
          "hablar con un asesor",
          "hablar con una asesora",
          "hablar con el corredor",
          "hablar con la corredora",
          "hablar con un corredor",
          "hablar con un vendedor",
          "hablar con una vendedora",
          "pasame con",
          "paseme con",
          "comunicame con",
          "persona real",
          "un humano",
          "una persona de verdad",
          "alguien de verdad",
          "me puede llamar alguien",
          "que me llame alguien",
          "que me llame un ejecutivo",
          "atiendame una persona",
          "quiero un ejecutivo",
          "quiero una ejecutiva",
          "quiero un asesor");

  /** Topic words of a financing question (asked, not stated). */
  static final Set<String> FINANCING_TOPIC =
      Set.of(
          "credito",
          "creditos",
          "hipotecario",
          "pie",
          "dividendo",
          "dividendos",
          "tasa",
          "tasas",
          "interes",
          "intereses",
          "subsidio",
          "dicom",
          "financiamiento",
          "financiar",
          "prestamo",
          "banco",
          "bancos",
          "aprueban",
          "aprobar",
          "aprobacion",
          "postular",
          "requisitos",
          "preaprobacion",
          "cae",
          "cuota",
          "cuotas");

  /** Phrases that ask about financing even without a question mark. */
  static final List<String> FINANCING_QUESTION_PHRASES =
      List.of(
          "me dan credito",
          "me dan el credito",
          "me aprueban",
          "quiero saber si me dan",
          "que pie",
          "cuanto es el pie",
          "cuanto pie",
          "cuanto seria el dividendo",
          "requisitos para el credito",
          "que requisitos",
          "igual puedo",
          "igual me pueden");

  static final List<String> VISIT_PHRASES =
      List.of(
          "visitar",
          "visita",
          "visitarla",
          "visitarlo",
          "ir a ver",
          "ir a verlo",
          "ir a verla",
          "ver la propiedad",
          "ver el depto",
          "ver el departamento",
          "ver la casa",
          "verlo",
          "verla",
          "agendar",
          "agendemos",
          "agenda",
          "conocer la casa",
          "conocer el depto",
          "conocer el departamento",
          "conocer la propiedad",
          "puedo ir",
          "podemos ir");

  /** Words of a property search besides the facts themselves. */
  static final List<String> SEARCH_PHRASES =
      List.of(
          "busco",
          "buscamos",
          "buscando",
          "disponible",
          "propiedad",
          "mas barato",
          "mas barata",
          "me interesa",
          "cerca del metro",
          "pet friendly",
          "cuanto vale",
          "precio",
          "cualquier comuna",
          "me da lo mismo",
          "estacionamiento");

  /** Selling is not a search this agent serves. */
  static final List<String> SELL_PHRASES = List.of("vender", "vendo", "quiero vender", "vendiendo");

  static final Set<String> GREETINGS =
      Set.of(
          "hola", "holaa", "holaaa", "holi", "hla", "ola", "wena", "wenas", "buenas", "buenos",
          "saludos", "alo", "hey");

  /** Topics outside real estate. */
  static final List<String> OFF_TOPIC_PHRASES =
      List.of(
          "partido",
          "futbol",
          "colo colo",
          "chiste",
          "receta",
          "clima",
          "poema",
          "que hora es",
          "cancion",
          "horoscopo",
          "la tarea",
          "cuento",
          "pelicula",
          "presidente",
          "elecciones");

  /** Words that make a sentence a question even without "?". */
  static final Set<String> QUESTION_STARTS =
      Set.of("que", "cual", "cuanto", "cuanta", "como", "cuando", "donde", "puedo", "podria");
}
