package io.inmo.domain.shared;

/** Currencies a Chilean brokerage quotes in: pesos and Unidades de Fomento. */
public enum Currency {
  CLP,
  UF
}
