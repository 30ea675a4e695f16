package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The caps checked before socket.io-server's decoder buffers anything, one connection state at a
 * time.
 */
class PacketGuardTest {
  private static final PacketGuard.Limits LIMITS = new PacketGuard.Limits(3, 1_000, 2_500, 8);

  private final PacketGuard guard = new PacketGuard(LIMITS);
  private final PacketGuard.Connection connection = guard.connection();

  @Test
  void ordinaryPacketsPass() {
    assertThat(connection.admit("0{\"token\":\"t\"}")).isNull();
    assertThat(
            connection.admit(
                "2[\"send_support_message\",{\"chatId\":\"a\",\"content\":\"[{ not json }]\"}]"))
        .isNull();
    assertThat(connection.admit("21[\"x\",{\"a\":[{\"b\":[1]}]}]")).isNull();
    assertThat(connection.admit("1")).isNull();
  }

  @Test
  void aBinaryPacketWithinTheCapsIsReassembledAndItsBytesReleased() {
    assertThat(
            connection.admit(
                "52-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"))
        .isNull();
    assertThat(connection.admit(new byte[300])).isNull();
    assertThat(guard.pendingBytes()).isGreaterThan(300);
    connection.forwarded();
    assertThat(guard.pendingBytes()).as("still awaiting the second attachment").isGreaterThan(300);
    assertThat(connection.admit(new byte[300])).isNull();
    connection.forwarded();
    assertThat(guard.pendingBytes()).isZero();
    assertThat(connection.admit("2[\"next\"]")).isNull();
  }

  @Test
  void aHeaderDeclaringTooManyOrMalformedAttachmentCountsIsRefused() {
    assertThat(
            fresh()
                .admit("5451000000-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]"))
        .contains("451000000 binary attachments declared (at most 3)");
    assertThat(fresh().admit("54-[\"x\"]")).contains("4 binary attachments declared");
    assertThat(fresh().admit("699999999999999999999-[\"x\"]"))
        .contains("malformed attachment count");
    assertThat(fresh().admit("5-1-[\"x\"]")).contains("malformed attachment count");
    assertThat(fresh().admit("5abc-[\"x\"]")).contains("malformed attachment count");
    assertThat(fresh().admit("50-[\"x\"]")).contains("0 binary attachments declared");
    assertThat(fresh().admit("51[\"x\"]")).contains("malformed attachment count");
    assertThat(fresh().admit("5")).contains("malformed attachment count");
    assertThat(fresh().admit("5\u0661-[\"x\"]"))
        .as("a non-ASCII digit")
        .contains("malformed attachment count");
  }

  @Test
  void attachmentsOverThePacketCapAreRefused() {
    assertThat(connection.admit("52-[\"x\"]")).isNull();
    assertThat(connection.admit(new byte[900])).isNull();
    assertThat(connection.admit(new byte[900])).contains("over 1000 bytes");
  }

  @Test
  void theServerWideReassemblyBudgetIsSharedAndGivenBackWhenAConnectionCloses() {
    PacketGuard.Connection a = guard.connection();
    PacketGuard.Connection b = guard.connection();
    PacketGuard.Connection c = guard.connection();
    for (PacketGuard.Connection each : new PacketGuard.Connection[] {a, b}) {
      assertThat(each.admit("52-[\"x\"]")).isNull();
      assertThat(each.admit(new byte[900])).isNull();
    }
    assertThat(c.admit("52-[\"x\"]")).isNull();
    assertThat(c.admit(new byte[900])).contains("at their cap of 2500");
    a.release();
    assertThat(c.admit(new byte[900])).isNull();
    b.release();
    c.release();
    assertThat(guard.pendingBytes()).isZero();
  }

  @Test
  void dataOutOfOrderIsRefused() {
    assertThat(fresh().admit(new byte[10])).contains("binary data without a binary packet header");
    PacketGuard.Connection awaiting = fresh();
    assertThat(awaiting.admit("51-[\"x\"]")).isNull();
    assertThat(awaiting.admit("2[\"x\"]"))
        .contains("text packet arrived while 1 binary attachments were awaited");
    assertThat(fresh().admit("")).contains("empty packet");
    assertThat(fresh().admit("9")).contains("unknown packet type");
    assertThat(fresh().admit(42)).contains("unexpected packet data");
  }

  @Test
  void deepNestingIsRefusedBeforeParsingWhateverTheStringsContain() {
    String deep = "2[\"x\"," + "[".repeat(100_000) + "]".repeat(100_000) + "]";
    assertThat(fresh().admit(deep)).contains("nested deeper than 8 levels");
    String brackets = "[".repeat(50);
    assertThat(fresh().admit("2[\"x\",\"" + brackets + "\"]"))
        .as("brackets inside a string")
        .isNull();
    assertThat(fresh().admit("2[\"x\",\"\\\"" + brackets + "\"]"))
        .as("after an escaped quote")
        .isNull();
    assertThat(PacketGuard.nestingDepth("[[[[]]]]", 10)).isEqualTo(4);
  }

  @Test
  void aClosedConnectionGivesBackWhatItHeldAndAdmitsNothing() {
    assertThat(connection.admit("53-[\"x\"]")).isNull();
    assertThat(connection.admit(new byte[500])).isNull();
    connection.release();
    assertThat(guard.pendingBytes()).isZero();
    assertThat(connection.admit(new byte[10])).isNotNull();
    connection.release();
    assertThat(guard.pendingBytes()).isZero();
  }

  private PacketGuard.Connection fresh() {
    return guard.connection();
  }
}
