package dev.supportchat.user;

import java.util.Arrays;

/** Who a user is to us (docs/DECISIONS.md, "Visitors and verified users"). */
public enum UserKind {
  /** Registered with email and password (the seed's flow); staff are accounts too. */
  ACCOUNT("account"),
  /**
   * The host site's signed-in user, vouched for by a signed identity token; keyed by its id there.
   */
  VERIFIED("verified"),
  /** An anonymous visitor of the widget. */
  VISITOR("visitor");

  private final String wire;

  UserKind(String wire) {
    this.wire = wire;
  }

  /** The name in the API and the database. */
  public String wire() {
    return wire;
  }

  public static UserKind fromWire(String value) {
    return Arrays.stream(values())
        .filter(k -> k.wire.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown user kind " + value));
  }
}
