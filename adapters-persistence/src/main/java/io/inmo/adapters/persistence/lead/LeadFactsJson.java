package io.inmo.adapters.persistence.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.inmo.adapters.persistence.JsonColumns;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Lead facts as JSON: camelCase keys (PRODUCT §4), each fact {@code {"value": …, "sourceMessageId":
 * …}} (the source omitted when unknown), enums by API value, money as {@code {"amount": "5000",
 * "currency": "UF"}} with the amount a decimal string. Unknown facts are absent.
 */
final class LeadFactsJson {
  private LeadFactsJson() {}

  static ObjectNode write(LeadFacts f) {
    ObjectNode node = JsonColumns.object();
    put(node, "location", f.location(), TextNode::valueOf);
    put(node, "operation", f.operation(), v -> TextNode.valueOf(v.apiValue()));
    put(node, "propertyType", f.propertyType(), v -> TextNode.valueOf(v.apiValue()));
    put(node, "bedrooms", f.bedrooms(), v -> node.numberNode(v));
    put(node, "bathrooms", f.bathrooms(), v -> node.numberNode(v));
    put(node, "parking", f.parking(), v -> node.numberNode(v));
    put(node, "budget", f.budget(), LeadFactsJson::money);
    put(node, "monthlyIncome", f.monthlyIncome(), LeadFactsJson::money);
    put(node, "dicomStatus", f.dicomStatus(), v -> TextNode.valueOf(v.apiValue()));
    put(node, "debtAmount", f.debtAmount(), LeadFactsJson::money);
    put(node, "timeline", f.timeline(), v -> TextNode.valueOf(v.apiValue()));
    put(node, "interestLevel", f.interestLevel(), v -> node.numberNode(v));
    put(node, "financing", f.financing(), v -> TextNode.valueOf(v.apiValue()));
    return node;
  }

  /** Reads the facts present in {@code node}; keys it does not know are ignored. */
  static LeadFacts read(JsonNode node) {
    if (node == null || node.isNull()) {
      return LeadFacts.empty();
    }
    return LeadFacts.builder()
        .location(get(node, "location", JsonNode::asText))
        .operation(get(node, "operation", v -> Operation.fromApiValue(v.asText())))
        .propertyType(get(node, "propertyType", v -> PropertyType.fromApiValue(v.asText())))
        .bedrooms(get(node, "bedrooms", LeadFactsJson::integer))
        .bathrooms(get(node, "bathrooms", LeadFactsJson::integer))
        .parking(get(node, "parking", LeadFactsJson::integer))
        .budget(get(node, "budget", LeadFactsJson::money))
        .monthlyIncome(get(node, "monthlyIncome", LeadFactsJson::money))
        .dicomStatus(get(node, "dicomStatus", v -> DicomStatus.fromApiValue(v.asText())))
        .debtAmount(get(node, "debtAmount", LeadFactsJson::money))
        .timeline(get(node, "timeline", v -> Timeline.fromApiValue(v.asText())))
        .interestLevel(get(node, "interestLevel", LeadFactsJson::integer))
        .financing(get(node, "financing", v -> Financing.fromApiValue(v.asText())))
        .build();
  }

  private static <T> void put(
      ObjectNode node, String key, Fact<T> fact, Function<T, JsonNode> value) {
    if (fact == null) {
      return;
    }
    ObjectNode f = node.putObject(key);
    f.set("value", value.apply(fact.value()));
    if (fact.sourceMessageId() != null) {
      f.put("sourceMessageId", fact.sourceMessageId());
    }
  }

  private static <T> Fact<T> get(JsonNode node, String key, Function<JsonNode, T> value) {
    JsonNode f = node.get(key);
    if (f == null || f.isNull()) {
      return null;
    }
    JsonNode v = f.get("value");
    if (v == null || v.isNull()) {
      throw new IllegalStateException("stored fact " + key + " has no value");
    }
    JsonNode source = f.get("sourceMessageId");
    return new Fact<>(value.apply(v), source == null || source.isNull() ? null : source.asText());
  }

  private static JsonNode money(Money money) {
    ObjectNode node = JsonColumns.object();
    // a string keeps UF decimals exact; 5000.00 is written "5000"
    node.put("amount", money.amount().stripTrailingZeros().toPlainString());
    node.put("currency", money.currency().name());
    return node;
  }

  private static Money money(JsonNode node) {
    return new Money(
        new BigDecimal(node.get("amount").asText()),
        Currency.valueOf(node.get("currency").asText()));
  }

  private static Integer integer(JsonNode node) {
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalStateException("stored fact is not an integer: " + node);
    }
    return node.intValue();
  }
}
