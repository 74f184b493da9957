package io.inmo.domain.shared;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount of money: non-negative, CLP in whole pesos, UF with up to two decimals. */
public record Money(BigDecimal amount, Currency currency) {
  public Money {
    Objects.requireNonNull(amount, "amount must not be null");
    Objects.requireNonNull(currency, "currency must not be null");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    int scale = currency == Currency.CLP ? 0 : 2;
    if (amount.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          currency + " amounts allow " + scale + " decimals: " + amount.toPlainString());
    }
    amount = amount.setScale(scale);
  }

  public static Money clp(long pesos) {
    return new Money(BigDecimal.valueOf(pesos), Currency.CLP);
  }

  public static Money uf(String amount) {
    return new Money(new BigDecimal(amount), Currency.UF);
  }
}
