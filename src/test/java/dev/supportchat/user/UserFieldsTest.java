package dev.supportchat.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserFieldsTest {

  @Test
  void emailsAreComparedAfterNfkcAndLowerCasing() {
    assertThat(UserFields.email(" Ann@Example.COM ")).contains("ann@example.com");
    // Fullwidth letters and the Kelvin sign are compatibility forms of plain ones.
    assertThat(UserFields.email("ＡＮＮ@ｅｘａｍｐｌｅ.com")).contains("ann@example.com");
    assertThat(UserFields.email("\u212Aate@example.com")).contains("kate@example.com");
    assertThat(UserFields.email("not an email")).isEmpty();
  }

  @Test
  void aPartMixingAlphabetsIsFlaggedAndOneAlphabetIsFine() {
    assertThat(UserFields.mixesAlphabets("admin@ex\u0430mple.com")).isTrue(); // Cyrillic а
    assertThat(UserFields.mixesAlphabets("\u0430dmin@example.com")).isTrue();
    assertThat(UserFields.mixesAlphabets("admin@example.com")).isFalse();
    assertThat(UserFields.mixesAlphabets("иван@пример.рф")).isFalse();
    assertThat(UserFields.mixesAlphabets("ivan@пример.рф")).isFalse(); // each part is one
    assertThat(UserFields.mixesAlphabets("a.b-1_2@example.com")).isFalse();
  }

  @Test
  void theSkeletonIsTheLatinAddressALookalikeImitates() {
    // All-Cyrillic "асе" looks exactly like Latin "ace".
    assertThat(UserFields.lookalikeSkeleton("\u0430\u0441\u0435@example.com"))
        .isEqualTo("ace@example.com");
    assertThat(UserFields.lookalikeSkeleton("ann@example.com")).isEqualTo("ann@example.com");
  }
}
