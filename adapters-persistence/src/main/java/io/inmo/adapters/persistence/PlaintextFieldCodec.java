package io.inmo.adapters.persistence;

import java.util.Objects;

/**
 * The {@link FieldCodec} in use until encryption at rest lands: it stores values <b>as
 * plaintext</b>, unchanged, and ignores the context. It exists so that every sensitive value
 * already flows through the seam the AES-GCM codec will take over; it protects nothing.
 */
public final class PlaintextFieldCodec implements FieldCodec {

  public PlaintextFieldCodec() {}

  @Override
  public String encode(String plaintext, String context) {
    return Objects.requireNonNull(plaintext, "plaintext");
  }

  @Override
  public String decode(String stored, String context) {
    return Objects.requireNonNull(stored, "stored");
  }
}
