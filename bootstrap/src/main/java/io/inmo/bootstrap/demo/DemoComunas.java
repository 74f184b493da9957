package io.inmo.bootstrap.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The comunas demo leads look for: the urban comunas of Gran Santiago, Gran Valparaíso and Gran
 * Concepción, spelled as the official list ({@code offline/comunas-chile.csv}, shipped by the
 * offline agent) spells them; a name missing from that list or in another region fails at load.
 */
final class DemoComunas {
  private static final String RESOURCE = "/offline/comunas-chile.csv";

  /** Where a demo lead searches, with how much it costs there (1 = cheapest). */
  record Comuna(String name, String area, int priceTier) {}

  private static final String SANTIAGO = "13";
  private static final String VALPARAISO = "05";
  private static final String BIOBIO = "08";

  private final List<Comuna> santiago;
  private final List<Comuna> valparaiso;
  private final List<Comuna> concepcion;

  private DemoComunas(Map<String, String> regionByComuna) {
    santiago =
        List.of(
            checked(regionByComuna, SANTIAGO, "Santiago", 2),
            checked(regionByComuna, SANTIAGO, "Providencia", 3),
            checked(regionByComuna, SANTIAGO, "Las Condes", 4),
            checked(regionByComuna, SANTIAGO, "Vitacura", 5),
            checked(regionByComuna, SANTIAGO, "Lo Barnechea", 5),
            checked(regionByComuna, SANTIAGO, "Ñuñoa", 3),
            checked(regionByComuna, SANTIAGO, "La Reina", 4),
            checked(regionByComuna, SANTIAGO, "Macul", 2),
            checked(regionByComuna, SANTIAGO, "Peñalolén", 2),
            checked(regionByComuna, SANTIAGO, "La Florida", 2),
            checked(regionByComuna, SANTIAGO, "Puente Alto", 1),
            checked(regionByComuna, SANTIAGO, "Maipú", 1),
            checked(regionByComuna, SANTIAGO, "San Miguel", 2),
            checked(regionByComuna, SANTIAGO, "Estación Central", 1),
            checked(regionByComuna, SANTIAGO, "Independencia", 1),
            checked(regionByComuna, SANTIAGO, "Recoleta", 1),
            checked(regionByComuna, SANTIAGO, "Huechuraba", 3),
            checked(regionByComuna, SANTIAGO, "Quilicura", 1),
            checked(regionByComuna, SANTIAGO, "La Cisterna", 1),
            checked(regionByComuna, SANTIAGO, "Colina", 3));
    valparaiso =
        List.of(
            checked(regionByComuna, VALPARAISO, "Valparaíso", 2),
            checked(regionByComuna, VALPARAISO, "Viña del Mar", 3),
            checked(regionByComuna, VALPARAISO, "Concón", 4),
            checked(regionByComuna, VALPARAISO, "Quilpué", 1),
            checked(regionByComuna, VALPARAISO, "Villa Alemana", 1));
    concepcion =
        List.of(
            checked(regionByComuna, BIOBIO, "Concepción", 2),
            checked(regionByComuna, BIOBIO, "San Pedro de la Paz", 3),
            checked(regionByComuna, BIOBIO, "Talcahuano", 1),
            checked(regionByComuna, BIOBIO, "Chiguayante", 2),
            checked(regionByComuna, BIOBIO, "Hualpén", 1),
            checked(regionByComuna, BIOBIO, "Penco", 1));
  }

  static DemoComunas load() {
    return new DemoComunas(regions());
  }

  /** Seven in ten leads look in Santiago, the rest in Valparaíso or Concepción. */
  Comuna pick(Random random) {
    int roll = random.nextInt(100);
    List<Comuna> area = roll < 70 ? santiago : roll < 85 ? valparaiso : concepcion;
    return area.get(random.nextInt(area.size()));
  }

  private static Comuna checked(
      Map<String, String> regionByComuna, String region, String name, int tier) {
    if (!region.equals(regionByComuna.get(name))) {
      throw new IllegalStateException(
          "comuna «" + name + "» is not in region " + region + " of " + RESOURCE);
    }
    String area =
        switch (region) {
          case SANTIAGO -> "Santiago";
          case VALPARAISO -> "Valparaíso";
          default -> "Concepción";
        };
    return new Comuna(name, area, tier);
  }

  /** comuna → region code, from the official list. */
  private static Map<String, String> regions() {
    try (InputStream in = DemoComunas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> regions = new HashMap<>();
      String line = reader.readLine(); // comuna,region_code,region
      while ((line = reader.readLine()) != null) {
        String[] cells = line.split(",", 3);
        if (cells.length == 3) {
          regions.put(cells[0].strip(), cells[1].strip());
        }
      }
      return regions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
