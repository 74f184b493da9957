package io.inmo.bootstrap.demo;

import io.inmo.bootstrap.demo.DemoConversation.Author;
import io.inmo.bootstrap.demo.DemoConversation.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's web-chat conversations, written the way Chileans write to a brokerage: one that
 * qualifies all the way, renters, a visitor with a DICOM debt, one who is only looking, one who
 * asks for a person (escalated, then taken over by an agent) and one who opts out.
 */
final class DemoConversations {
  private DemoConversations() {}

  /** The scripts, with new phone numbers from {@code people}. */
  static List<DemoConversation> scripts(ChileanPeople people) {
    List<DemoConversation> all = new ArrayList<>();
    all.add(
        visitor(
            "Francisca Soto",
            "hola",
            "me llamo francisca soto",
            "busco depto para comprar en ñuñoa, 2 dormitorios",
            "mi presupuesto es de 4.500 UF",
            "gano 2 millones y medio líquidos",
            "no tengo dicom",
            "mi cel es " + people.phone()));
    all.add(
        visitor(
            "Matías Araya",
            "Buenas tardes, quiero arrendar una casa en Viña del Mar",
            "Soy Matías Araya",
            "3 dormitorios, hasta 900 mil pesos",
            "Mi sueldo es de 1.800.000 y no estoy en DICOM",
            "Mi número es " + people.phone()));
    all.add(
        visitor(
            "Javiera Fuentes",
            "Hola, ¿tienen departamentos en Concepción?",
            "Me llamo Javiera Fuentes",
            "Para comprar, unas 3.000 UF"));
    all.add(visitor(null, "Hola", "Estoy mirando no más, gracias"));
    all.add(
        visitor(
            "Rodrigo Tapia",
            "Hola! busco casa en La Florida para comprar",
            "Me llamo Rodrigo Tapia, tengo 5.200 UF de presupuesto",
            "Gano 1.400.000 líquidos pero tengo deuda en DICOM",
            "Mi fono es " + people.phone()));
    all.add(
        visitor(
            "Claudia Reyes",
            "Buenas, busco una oficina para arrendar en Las Condes",
            "Soy Claudia Reyes, mi correo es " + people.email("Claudia Reyes")));
    all.add(
        visitor(
            "Diego Campos",
            "Hola, quiero comprar un depto en San Pedro de la Paz",
            "Me llamo Diego Campos",
            "Tengo 3.800 UF, 2 dormitorios",
            "Gano 1.200.000 y no tengo DICOM",
            "Mi celular: " + people.phone()));
    all.add(
        visitor(
            "Isidora Parra",
            "Hola, quiero arrendar en Santiago centro",
            "Me llamo Isidora Parra",
            "Un depto de 1 dormitorio, hasta 450 mil"));
    all.add(
        new DemoConversation(
            "Patricio Vergara",
            List.of(
                new Step(Author.VISITOR, "Hola, vi un depto en Providencia en el portal"),
                new Step(Author.VISITOR, "Me llamo Patricio Vergara, mi fono es " + people.phone()),
                new Step(Author.VISITOR, "Prefiero hablar con una persona, por favor"),
                new Step(
                    Author.VISITOR_UNANSWERED,
                    "Es por el depto de Av. Providencia con Pedro de Valdivia"),
                new Step(
                    Author.STAFF,
                    "Hola Patricio, soy de Propiedades Demo. Sí, el depto sigue disponible."
                        + " ¿Te acomoda que te llame hoy a las 18:00?"),
                new Step(Author.VISITOR_UNANSWERED, "Sí, perfecto, a esa hora estoy libre"))));
    all.add(
        visitor(
            "Gonzalo Sepúlveda",
            "Hola, soy Gonzalo Sepúlveda, tengo una oferta por la casa de Peñalolén",
            "Quiero hablar con un ejecutivo hoy mismo"));
    all.add(
        visitor(
            null,
            "Hola, me llegó un mensaje de ustedes",
            "No me interesa, no me escriban más por favor"));
    return List.copyOf(all);
  }

  private static DemoConversation visitor(String lead, String... lines) {
    List<Step> steps = new ArrayList<>();
    for (String line : lines) {
      steps.add(new Step(Author.VISITOR, line));
    }
    return new DemoConversation(lead, steps);
  }
}
