package org.hpo4j.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void redact_userInfoPassword_masked() {
    assertEquals(
        "postgresql://bob:***@db:5432/hpo", Secrets.redact("postgresql://bob:pw@db:5432/hpo"));
  }

  @Test
  void redact_percentEncodedPassword_maskedAsWritten() {
    assertEquals(
        "error: storage 'postgres://bob:***@db/hpo' failed",
        Secrets.redact("error: storage 'postgres://bob:s%40cr%3At@db/hpo' failed"));
  }

  @Test
  void redact_queryPasswords_masked() {
    assertEquals(
        "jdbc:postgresql://db/hpo?user=amy&password=***&sslpassword=***&sslmode=require",
        Secrets.redact(
            "jdbc:postgresql://db/hpo?user=amy&password=p%26w&sslpassword=x&sslmode=require"));
    assertEquals(
        "postgresql://u@h/db?PASSWORD=***", Secrets.redact("postgresql://u@h/db?PASSWORD=Zz9"));
  }

  @Test
  void redact_studyFileText_masksTheStorageLine() {
    assertEquals(
        "name: a\nstorage: postgresql://u:***@h/db\ntrials: 5\n",
        Secrets.redact("name: a\nstorage: postgresql://u:secret@h/db\ntrials: 5\n"));
  }

  @Test
  void redact_noPassword_unchanged() {
    for (String s :
        new String[] {"sqlite:hpo.db", "postgresql://u@h:5432/db?sslmode=require", "a@b.c", null}) {
      assertEquals(s, Secrets.redact(s));
    }
  }
}
