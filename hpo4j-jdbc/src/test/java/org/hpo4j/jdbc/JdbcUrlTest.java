package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

  @Test
  void parse_postgresUrl_splitsCredentialsAndOptions() {
    JdbcUrl u =
        JdbcUrl.parse("postgresql://bob:s%40cret@db.local/hpo?sslmode=require&max_retries=3");
    assertEquals(Dialect.POSTGRESQL, u.dialect());
    assertEquals("jdbc:postgresql://db.local:5432/hpo?sslmode=require", u.jdbcUrl());
    assertEquals("bob", u.user());
    assertEquals("s@cret", u.password());
    assertEquals(Map.of("max_retries", "3"), u.options());
    assertEquals("postgresql://bob:***@db.local/hpo?sslmode=require&max_retries=3", u.display());
  }

  @Test
  void parse_jdbcPostgresUrl_takesUserAndPasswordFromQuery() {
    JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:6543/hpo?user=amy&password=pw");
    assertEquals("jdbc:postgresql://127.0.0.1:6543/hpo", u.jdbcUrl());
    assertEquals("amy", u.user());
    assertEquals("pw", u.password());
    assertTrue(u.display().endsWith("password=***"), u.display());
  }

  @Test
  void parse_sqliteForms_giveTheSameFile() {
    assertEquals("jdbc:sqlite:hpo.db", JdbcUrl.parse("sqlite:hpo.db").jdbcUrl());
    assertEquals("jdbc:sqlite:/tmp/x.db", JdbcUrl.parse("sqlite:///tmp/x.db").jdbcUrl());
    assertEquals(
        "jdbc:sqlite:/tmp/x.db", JdbcUrl.parse("jdbc:sqlite:/tmp/x.db?grace_period=5").jdbcUrl());
  }

  @Test
  void parse_badPort_namesRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> JdbcUrl.parse("postgresql://u@h:70000/db"));
    assertTrue(e.getMessage().contains("port must be in 1..65535, but got 70000"), e.getMessage());
  }

  @Test
  void options_fromQuery_overrideDefaults() {
    JdbcOptions o =
        JdbcOptions.defaults()
            .with(Map.of("heartbeat_interval", "120", "grace_period", "600", "pool_size", "2"));
    assertEquals(Duration.ofMinutes(2), o.heartbeatInterval());
    assertEquals(Duration.ofMinutes(10), o.gracePeriod());
    assertEquals(2, o.poolSize());
  }

  @Test
  void options_synchronousCommit_parsedAndDefaultsToFinished() {
    assertEquals(
        JdbcOptions.SynchronousCommit.FINISHED, JdbcOptions.defaults().synchronousCommit());
    assertEquals(
        JdbcOptions.SynchronousCommit.ALWAYS,
        JdbcOptions.defaults().with(Map.of("synchronous_commit", "always")).synchronousCommit());
    assertEquals(
        JdbcOptions.SynchronousCommit.OFF,
        JdbcOptions.defaults()
            .with(JdbcUrl.parse("postgresql://u@h/db?synchronous_commit=off").options())
            .synchronousCommit(),
        "taken from the URL, not passed to the driver");
  }

  @Test
  void options_badSynchronousCommit_namesAllowedValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcOptions.defaults().with(Map.of("synchronous_commit", "sometimes")));
    assertEquals(
        "synchronous_commit must be always, finished or off, but got 'sometimes'", e.getMessage());
  }

  @Test
  void options_graceNotLongerThanBeat_throws() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcOptions.defaults().with(Map.of("grace_period", "5")));
    assertEquals(
        "grace_period must be longer than heartbeat_interval (PT10S), but got PT5S",
        e.getMessage());
  }

  @Test
  void parse_sqliteInMemory_pointsToMemoryStorage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.parse("sqlite::memory:"));
    assertTrue(e.getMessage().contains("use the storage 'memory'"), e.getMessage());
  }
}
