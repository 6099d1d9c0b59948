package org.hpo4j.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.StudyDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of pointing at the wrong storage gets one sentence naming the URL, never a driver
 * trace.
 */
class BadInputTest {
  @TempDir Path dir;

  private static void assertOneLine(String message) {
    assertFalse(message.contains("\n"), "one line: " + message);
    assertFalse(message.contains("Exception"), "no exception names: " + message);
  }

  @Test
  void open_malformedPostgresUrl_namesUrlAndAllowedForms() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Storages.open("postgresql://bob:secret@dbhost"));
    assertTrue(
        e.getMessage().startsWith("storage URL 'postgresql://bob:***@dbhost' is malformed"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("postgresql://user[:password]@host[:port]/db"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), "password must not leak: " + e.getMessage());
  }

  @Test
  void open_sqliteWithoutPath_says() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Storages.open("sqlite:"));
    assertTrue(e.getMessage().contains("the file path is missing"), e.getMessage());
  }

  @Test
  void open_unknownScheme_listsJdbcForms() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Storages.open("mysql://x/y"));
    assertTrue(e.getMessage().contains("sqlite:PATH"), e.getMessage());
  }

  @Test
  void open_badOption_namesOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Storages.open("sqlite:" + dir.resolve("a.db") + "?grace_period=soon"));
    assertEquals("grace_period must be a number of seconds, but got 'soon'", e.getMessage());
  }

  @Test
  void open_unreachableServer_namesUrl() {
    StorageException e =
        assertThrows(
            StorageException.class, () -> Storages.open("postgresql://bob:secret@127.0.0.1:1/hpo"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot open storage 'postgresql://bob:***@127.0.0.1:1/hpo': "
                    + "the server cannot be reached"),
        e.getMessage());
    assertOneLine(e.getMessage());
  }

  @Test
  void open_readOnlyFile_says() throws Exception {
    Path db = dir.resolve("ro.db");
    Storages.open("sqlite:" + db).close();
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertTrue(
        e.getMessage().startsWith("cannot open storage 'sqlite:" + db + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
  }

  @Test
  void open_missingDirectory_says() {
    Path db = dir.resolve("no/such/dir/hpo.db");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertTrue(
        e.getMessage().contains("directory " + dir.resolve("no/such/dir") + " does not exist"),
        e.getMessage());
  }

  @Test
  void open_fileThatIsNotADatabase_says() throws Exception {
    Path db = dir.resolve("notes.txt");
    Files.writeString(
        db, "this is not a database, just some text that is long enough to have a header page");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
    assertOneLine(e.getMessage());
    assertEquals(
        "this is not a database, just some text that is long enough to have a header page",
        Files.readString(db),
        "file unchanged");
  }

  @Test
  void open_newerOptunaRevision_refusesNamingItAndLeavesFileUnchanged() throws Exception {
    Path db = dir.resolve("future.db");
    Storages.open("sqlite:" + db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
      s.execute("UPDATE alembic_version SET version_num = 'v9.9.0.a'");
    }
    byte[] before = Files.readAllBytes(db);
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertEquals(
        "cannot open storage 'sqlite:"
            + db
            + "': its Optuna schema revision 'v9.9.0.a' is unknown "
            + "(newer than this hpo4j?); hpo4j reads revision v3.2.0.a (Optuna 3.2 to 5.0); it was not changed",
        e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "file unchanged");
  }

  @Test
  void open_olderOptunaRevision_saysHowToUpgrade() throws Exception {
    Path db = dir.resolve("old-optuna.db");
    Storages.open("sqlite:" + db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("UPDATE alembic_version SET version_num = 'v2.6.0.a'");
    }
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertTrue(
        e.getMessage()
            .contains(
                "revision v2.6.0.a is older than v3.0.0.d; upgrade it first with "
                    + "`optuna storage upgrade --storage URL`"),
        e.getMessage());
    assertOneLine(e.getMessage());
  }

  @Test
  void open_sqliteFileOfAnotherProgram_refusesAndLeavesItUnchanged() throws Exception {
    Path db = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO customers (name) VALUES ('ada')");
    }
    byte[] before = Files.readAllBytes(db);
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + db));
    assertEquals(
        "cannot open storage 'sqlite:"
            + db
            + "': it is neither an Optuna nor an hpo4j storage (it has "
            + "tables customers); give a new file or database, or an Optuna one; it was not changed",
        e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "file unchanged");
    assertFalse(Files.exists(dir.resolve("other.db-wal")), "not switched to WAL");
  }

  @Test
  void createStudy_nameTakenByAnotherProcess_throwsDuplicate() {
    String url = "sqlite:" + dir.resolve("clash.db");
    try (Storage a = Storages.open(url);
        Storage b = Storages.open(url)) {
      a.createStudy("mnist", List.of(StudyDirection.MINIMIZE));
      DuplicateStudyException e =
          assertThrows(
              DuplicateStudyException.class,
              () -> b.createStudy("mnist", List.of(StudyDirection.MAXIMIZE)));
      assertEquals(
          "a study named 'mnist' already exists; load it or choose another name", e.getMessage());
    }
  }

  @Test
  void open_postgresWrongPassword_says() throws Exception {
    JdbcUrl u = JdbcUrl.parse(PgTesting.url());
    String url = PgTesting.url().replace(":" + u.password() + "@", ":wrong-password@");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open(url));
    assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
    assertOneLine(e.getMessage());
  }

  @Test
  void open_postgresMissingDatabase_says() throws Exception {
    String url = PgTesting.url().replaceAll("/[^/?]+(\\?.*)?$", "/no_such_db_hpo4j");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open(url));
    assertTrue(e.getMessage().contains("the database does not exist"), e.getMessage());
    assertOneLine(e.getMessage());
  }
}
