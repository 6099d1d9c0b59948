package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown storage URL options are refused with the allowed list; passwords never shown. */
class StorageUrlOptionsTest {
  @TempDir Path dir;

  @Test
  void open_sqliteMistypedOption_refusedAndNoFileCreated() throws Exception {
    // Repro 5: `sqlite:x.db?max_retry=5` created a file named "x.db?max_retry=5", a fork of the
    // study.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Storages.open("sqlite:" + dir.resolve("x.db") + "?max_retry=5"));
    assertTrue(
        e.getMessage().contains("unknown option 'max_retry' (did you mean 'max_retries'?)"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "allowed: grace_period, heartbeat_interval, max_retries, pool_size, read_only, "
                    + "synchronous_commit"),
        e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "no database file may be created");
    }
  }

  @Test
  void parse_postgresUnknownOption_refusedWithTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcUrl.parse("postgresql://bob:pw@db/hpo?grace_periods=30"));
    assertTrue(
        e.getMessage().contains("unknown option 'grace_periods' (did you mean 'grace_period'?)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("the PostgreSQL JDBC driver's properties"), e.getMessage());
    assertFalse(e.getMessage().contains("pw@"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> JdbcUrl.parse("jdbc:postgresql://db/hpo?bogus=1"));
  }

  @Test
  void parse_postgresDriverProperties_passedToTheDriver() {
    JdbcUrl u =
        JdbcUrl.parse("postgresql://bob@db/hpo?sslmode=disable&currentSchema=s1&ApplicationName=x");
    assertEquals(
        "jdbc:postgresql://db:5432/hpo?sslmode=disable&currentSchema=s1&ApplicationName=x",
        u.jdbcUrl());
  }

  @Test
  void parse_percentEncodedPasswordInQuery_maskedInDisplay() {
    // Repro 6: the decoded password was masked, so its percent-encoded form stayed in clear.
    JdbcUrl u = JdbcUrl.parse("postgresql://bob@db/hpo?password=Zq%21x%40y");
    assertEquals("Zq!x@y", u.password());
    assertEquals("postgresql://bob@db/hpo?password=***", u.display());
    JdbcUrl j = JdbcUrl.parse("jdbc:postgresql://db/hpo?user=bob&password=Zq%21x");
    assertEquals("jdbc:postgresql://db/hpo?user=bob&password=***", j.display());
  }

  @Test
  void open_unreachableServerWithQueryPassword_errorHasNoPassword() {
    StorageException e =
        assertThrows(
            StorageException.class,
            () -> Storages.open("postgresql://bob@127.0.0.1:1/hpo?password=Zq%21secret"));
    assertFalse(e.getMessage().contains("Zq"), e.getMessage());
    assertTrue(e.getMessage().contains("password=***"), e.getMessage());
  }
}
