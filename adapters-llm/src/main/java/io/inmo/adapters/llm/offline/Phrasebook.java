package io.inmo.adapters.llm.offline;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.Timeline;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every sentence the offline agent can say, with several phrasings per slot (Chilean Spanish,
 * tuteo). Placeholders: {@code {agent}}, {@code {name}} (", Juan" or empty in greetings, "Juan"
 * elsewhere), {@code {what}}, {@code {contact}}, {@code {more}}. No sentence promises credit
 * approval or quotes a down payment, rate or instalment; the sweep test renders them all through
 * the domain's {@code ReplyRules}.
 */
final class Phrasebook {
  private Phrasebook() {}

  /** First message of the conversation only. */
  static final List<String> GREETING =
      List.of(
          "¡Hola{name}! Soy {agent}, asistente virtual de la corredora.",
          "¡Hola{name}! Te saluda {agent}, del equipo de la corredora.",
          "¡Hola{name}! Mi nombre es {agent} y te voy a ayudar con tu búsqueda.");

  /** The lead greets again later in the conversation. */
  static final List<String> GREETING_AGAIN =
      List.of("¡Hola de nuevo{name}!", "¡Qué bueno leerte otra vez{name}!", "¡Hola{name}!");

  /** When nothing was understood and nothing else is said first. */
  static final List<String> ACK =
      List.of("Gracias por tu mensaje.", "Te leo.", "Perfecto, gracias por escribir.");

  static final List<String> THANKS_NAME =
      List.of("Gracias, {name}.", "¡Un gusto, {name}!", "Muchas gracias, {name}.");

  /** What was understood this turn; {what} starts with "buscas …" or "quieres …". */
  static final List<String> CONFIRM =
      List.of("Anoto que {what}.", "Perfecto, entonces {what}.", "Entendido: {what}.");

  /** The lead corrected something it had said. */
  static final List<String> CONFIRM_CORRECTION =
      List.of("Corregido: {what}.", "Listo, lo corrijo: {what}.", "Gracias por aclararlo, {what}.");

  /** Financing and timeline understood this turn; {more} starts with "que …". */
  static final List<String> CONFIRM_MORE =
      List.of("También anoto {more}.", "Tomo nota también de {more}.", "Y anoto {more}.");

  static final Map<Financing, String> FINANCING_MORE =
      new EnumMap<>(
          Map.of(
              Financing.MORTGAGE, "que pagarías con crédito hipotecario",
              Financing.CASH, "que pagarías al contado",
              Financing.SUBSIDY, "que usarías un subsidio habitacional",
              Financing.UNKNOWN, "que aún no defines cómo pagarías"));

  static final Map<Timeline, String> TIMELINE_MORE =
      new EnumMap<>(
          Map.of(
              Timeline.IMMEDIATE, "que lo necesitas lo antes posible",
              Timeline.DAYS_30, "que te quieres cambiar dentro del próximo mes",
              Timeline.DAYS_90, "que lo ves para los próximos meses",
              Timeline.JUST_LOOKING, "que por ahora estás viendo opciones"));

  static final List<String> CONTACT_SAVED =
      List.of(
          "Guardé tu {contact}.", "Anoté tu {contact}.", "Listo, quedó registrado tu {contact}.");

  /** Income, DICOM and debt: never echoed back. */
  static final List<String> SENSITIVE_THANKS =
      List.of(
          "Gracias por contarme.",
          "Gracias por la confianza de contármelo.",
          "Te agradezco que me lo cuentes.");

  /** Any question about credit, down payment, rates or instalments. */
  static final List<String> FINANCING_ANSWER =
      List.of(
          "La aprobación de un crédito y sus condiciones las define el banco según tu evaluación;"
              + " nosotros te orientamos en el proceso.",
          "Cada banco evalúa tu caso y decide el crédito y sus condiciones; desde la corredora te"
              + " podemos acompañar y orientar en los pasos.",
          "No te puedo asegurar la aprobación de un crédito: eso lo decide el banco con tu"
              + " evaluación, pero sí te podemos orientar en el camino.");

  /** The lead has DICOM debt: honest, no promise. */
  static final List<String> DICOM_DEBT_ANSWER =
      List.of(
          "Estar en DICOM suele dificultar la evaluación de un crédito; lo más sano es regularizar"
              + " primero, y el equipo te puede orientar sobre cómo seguir.",
          "Con deudas en DICOM los bancos normalmente no evalúan un crédito hasta que se"
              + " regularizan; te podemos orientar sobre las alternativas.",
          "Para ser honestos, una deuda en DICOM complica la evaluación del banco; conviene"
              + " regularizarla, y el equipo te puede orientar en el proceso.");

  /** The lead does not know its DICOM status. */
  static final List<String> DICOM_UNKNOWN_ANSWER =
      List.of(
          "Puedes revisarlo gratis en el Informe de Deudas de la CMF, en cmfchile.cl.",
          "Lo puedes consultar sin costo pidiendo el Informe de Deudas en la web de la CMF"
              + " (cmfchile.cl).",
          "Para salir de la duda, la CMF entrega gratis el Informe de Deudas en cmfchile.cl.");

  static final List<String> HUMAN =
      List.of(
          "Le aviso a una persona de nuestro equipo para que te contacte pronto.",
          "Listo, una persona del equipo te va a escribir a la brevedad.",
          "Perfecto, le pido a alguien del equipo que te contacte directamente.");

  /** One line, nothing else. */
  static final List<String> OPT_OUT =
      List.of(
          "Entendido, no te volveremos a escribir. ¡Que estés muy bien!",
          "Listo, no te enviaremos más mensajes. ¡Gracias y que estés bien!",
          "De acuerdo, dejamos de escribirte. ¡Un saludo!");

  /** "¿Eres un robot?": honest, and a person on request. */
  static final List<String> BOT_ANSWER =
      List.of(
          "Sí, soy la asistente virtual de la corredora; si prefieres hablar con una persona, dímelo"
              + " y le aviso al equipo.",
          "Soy un asistente virtual del equipo. Si en algún momento quieres que te atienda una"
              + " persona, me dices y te comunico.",
          "Así es, soy una asistente virtual; cuando quieras, te paso con una persona del equipo.");

  /** Off-topic or an attempt to give the agent instructions: steer back to the search. */
  static final List<String> OFF_TOPIC =
      List.of(
          "En eso no te puedo ayudar, pero sí con la búsqueda de tu propiedad.",
          "Prefiero que sigamos con tu búsqueda de propiedad, que es en lo que te puedo ayudar.",
          "Eso se escapa de lo que hago; lo mío es ayudarte a encontrar tu propiedad.");

  /** A visit was asked for and no slots can be offered here. */
  static final List<String> VISIT =
      List.of(
          "¡Buenísimo! Una persona del equipo te contactará para coordinar el día y la hora de la"
              + " visita.",
          "Con gusto coordinamos la visita: alguien del equipo te escribirá para acordar día y"
              + " hora.",
          "Perfecto, le paso tu interés en visitar al equipo para que te propongan un horario.");

  /** Every fact the broker needs is known. */
  static final List<String> CLOSING =
      List.of(
          "Con esto tengo lo necesario: una persona del equipo coordinará contigo los próximos"
              + " pasos.",
          "Ya tengo lo que necesitaba; alguien del equipo te contactará para seguir con los"
              + " próximos pasos.",
          "Con esta información el equipo te contactará para coordinar lo que sigue.");

  /** Said only to avoid sending exactly the previous message again. */
  static final List<String> VARIATION_TAIL =
      List.of("Aquí sigo para lo que necesites.", "Sigo por aquí.", "Cualquier cosa me escribes.");

  /** At most two of these per reply, one per field. */
  static final Map<LeadField, List<String>> QUESTIONS = questions();

  private static Map<LeadField, List<String>> questions() {
    Map<LeadField, List<String>> q = new EnumMap<>(LeadField.class);
    q.put(
        LeadField.NAME,
        List.of("¿Cómo te llamas?", "¿Con quién tengo el gusto?", "¿Me dices tu nombre?"));
    q.put(
        LeadField.PHONE,
        List.of(
            "¿A qué número te podemos llamar?",
            "¿Me dejas un teléfono de contacto?",
            "¿Cuál es tu número de celular?"));
    q.put(
        LeadField.EMAIL,
        List.of(
            "¿Cuál es tu correo?",
            "¿Me compartes tu correo electrónico?",
            "¿A qué correo te podemos escribir?"));
    q.put(
        LeadField.LOCATION,
        List.of(
            "¿En qué comuna buscas?",
            "¿En qué comuna o sector te gustaría vivir?",
            "¿Qué comunas te interesan?"));
    q.put(
        LeadField.OPERATION,
        List.of(
            "¿Buscas comprar o arrendar?",
            "¿La idea es comprar o arrendar?",
            "¿Quieres comprar o arrendar?"));
    q.put(
        LeadField.PROPERTY_TYPE,
        List.of(
            "¿Buscas casa, departamento u otro tipo de propiedad?",
            "¿Qué tipo de propiedad buscas: casa, departamento, oficina o terreno?",
            "¿Te interesa una casa o un departamento?"));
    q.put(
        LeadField.BEDROOMS,
        List.of(
            "¿Cuántos dormitorios necesitas?",
            "¿De cuántos dormitorios la buscas?",
            "¿Cuántas piezas te acomodan?"));
    q.put(
        LeadField.BATHROOMS,
        List.of(
            "¿Cuántos baños necesitas?",
            "¿Con cuántos baños te acomoda?",
            "¿Cuántos baños te gustaría que tenga?"));
    q.put(
        LeadField.PARKING,
        List.of(
            "¿Necesitas estacionamiento?",
            "¿Te hace falta estacionamiento?",
            "¿La buscas con estacionamiento?"));
    q.put(
        LeadField.BUDGET,
        List.of(
            "¿Cuál es tu presupuesto aproximado?",
            "¿Con qué presupuesto cuentas, en pesos o UF?",
            "¿Hasta cuánto te gustaría invertir, más o menos?"));
    q.put(
        LeadField.MONTHLY_INCOME,
        List.of(
            "¿Cuál es tu renta líquida mensual aproximada?",
            "¿Me cuentas tu ingreso líquido mensual, más o menos?",
            "¿De cuánto es tu renta líquida aproximada?"));
    q.put(
        LeadField.DICOM_STATUS,
        List.of(
            "¿Tienes deudas en DICOM?",
            "¿Sabes si apareces en DICOM?",
            "¿Tienes alguna deuda registrada en DICOM?"));
    q.put(
        LeadField.DEBT_AMOUNT,
        List.of(
            "¿De cuánto es tu deuda aproximada?",
            "¿Más o menos de cuánto es la deuda?",
            "¿Cuál es el monto aproximado de la deuda?"));
    q.put(
        LeadField.TIMELINE,
        List.of(
            "¿Para cuándo necesitas la propiedad?",
            "¿Para cuándo te gustaría cambiarte?",
            "¿Qué plazo tienes en mente para cambiarte?"));
    q.put(
        LeadField.INTEREST_LEVEL,
        List.of(
            "¿Qué tan decidido estás a cambiarte?",
            "¿Qué tan avanzada está tu decisión?",
            "¿Qué tan seguro estás de querer cambiarte pronto?"));
    q.put(
        LeadField.FINANCING,
        List.of(
            "¿Cómo piensas financiarla: crédito hipotecario, contado o subsidio?",
            "¿Pagarías con crédito hipotecario, al contado o con subsidio?",
            "¿Ya sabes cómo la financiarías: crédito, contado o subsidio?"));
    return q;
  }
}
