package org.hpo4j.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.hpo4j.storage.FaultPoint;
import org.hpo4j.storage.StorageException;
import org.slf4j.LoggerFactory;

/**
 * One journal file as Optuna's {@code JournalFileBackend} keeps it: JSON objects, one per line,
 * appended under a lock that is the symbolic link {@code PATH.lock} (to {@code PATH}), created
 * atomically by the writer that gets it and released by removing it. A lock whose modification time
 * (the journal's, through the link) has not changed for the grace period is taken to be left by a
 * dead process and released by force, as Optuna does.
 *
 * <p>Reading remembers the byte offset of the first line not yet read, so a read costs only the new
 * lines. A trailing line without its newline is being written by another process and is read next
 * time; a complete line that is not JSON stops reading with a message naming it, and the file is
 * never rewritten.
 *
 * <p>Not thread-safe: {@link JournalStorage} serialises its calls.
 */
final class JournalFile implements AutoCloseable {
  private final Path path;
  private final Path lock;

  /**
   * The lock as a {@link java.io.File}: its delete() is one unlink(2), where Files.delete stats
   * first.
   */
  private final java.io.File lockFile;

  private final Clock clock;
  private final Duration grace;
  private final boolean fsync;
  private final FileChannel read;
  private final FileChannel append;
  private long offset;
  private long linesRead;

  /** The file's size when {@link #readNew} last looked. */
  private long sizeSeen;

  private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

  /** A line read: its 1-based number in the file and its text. */
  record Line(long number, String text) {}

  /**
   * @throws StorageException naming the file when it cannot be opened or created
   */
  JournalFile(Path path, Clock clock, Duration grace, boolean fsync) {
    this.path = path;
    this.lock = path.resolveSibling(path.getFileName() + ".lock");
    this.lockFile = lock.toFile();
    this.clock = clock;
    this.grace = grace;
    this.fsync = fsync;
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        throw new StorageException(
            "cannot open storage 'journal:" + path + "': directory " + dir + " does not exist");
      }
      this.append =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      this.read = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new StorageException(
          "cannot open storage 'journal:" + path + "': " + e.getMessage(), e);
    }
  }

  /**
   * @return the lines appended since the last call (by any process), complete lines only
   */
  List<Line> readNew() {
    List<Line> out = new ArrayList<>();
    try {
      long size = read.size();
      sizeSeen = size;
      while (offset < size) {
        buffer.clear();
        int n = read.read(buffer, offset);
        if (n <= 0) {
          break;
        }
        byte[] b = buffer.array();
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (b[i] == '\n') {
            out.add(new Line(++linesRead, new String(b, start, i - start, StandardCharsets.UTF_8)));
            start = i + 1;
          }
        }
        if (start == 0) {
          if (n < buffer.capacity()) {
            break; // a line still being written
          }
          buffer = ByteBuffer.allocate(buffer.capacity() * 2); // a line longer than the buffer
          continue;
        }
        offset += start;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading journal " + path, e);
    }
    return out;
  }

  /**
   * Appends lines (each without its newline) as one write; call holding the file lock.
   *
   * <p>When the last {@link #readNew} reached the end of the file and the file now ends where these
   * bytes do, nobody else wrote in between (the lock): the lines are taken as read, so the caller
   * applies them from what it wrote instead of reading and parsing them back.
   *
   * <p>A file that does not end with a newline holds the torn record of a writer killed in the
   * middle of its write (the lock is ours, so nobody is writing): the first line then starts with a
   * newline, so that the torn record ends as a line of its own, which {@link #isTorn} recognises
   * and readers skip, instead of swallowing this record into one corrupt line that every reader
   * stops at.
   *
   * @return the number of the first line appended when they were taken as read; 0 when they must be
   *     read back with {@link #readNew} (a partial line of a dead writer before them, or a writer
   *     that broke the lock)
   */
  long append(List<String> lines) {
    StringBuilder sb = new StringBuilder(256 * lines.size() + 1);
    boolean torn = endsTorn();
    if (torn) {
      LoggerFactory.getLogger(JournalFile.class)
          .warn(
              "journal {} ends in the middle of a record (its writer was killed while appending);"
                  + " that record is skipped",
              path);
      sb.append('\n');
    }
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.wrap(data);
    try {
      // the fault suite: a writer killed in the middle of its write
      if (FaultPoint.due("torn-append")) {
        append.write(ByteBuffer.wrap(data, 0, data.length / 2));
        FaultPoint.halt("torn-append");
      }
      boolean atEnd = !torn && offset == sizeSeen;
      while (bytes.hasRemaining()) {
        append.write(bytes);
      }
      if (fsync) {
        append.force(false);
      }
      if (atEnd && append.position() == offset + data.length) {
        offset += data.length;
        sizeSeen = offset;
        long first = linesRead + 1;
        linesRead += lines.size();
        return first;
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("appending to journal " + path, e);
    }
  }

  /**
   * Takes the file lock, waiting for another process to release it, and releasing by force a lock
   * unchanged for the grace period.
   */
  void lock() {
    long sleepNanos = 50_000;
    FileTime seen = null;
    long seenAt = clock.millis();
    while (true) {
      try {
        Files.createSymbolicLink(lock, path.getFileName());
        return;
      } catch (FileAlreadyExistsException e) {
        FileTime m;
        try {
          m = Files.getLastModifiedTime(lock);
        } catch (NoSuchFileException gone) {
          continue; // released meanwhile
        } catch (IOException io) {
          throw new UncheckedIOException("reading lock " + lock, io);
        }
        long now = clock.millis();
        if (!m.equals(seen)) {
          seen = m;
          seenAt = now;
        } else if (now - seenAt > grace.toMillis()) {
          LoggerFactory.getLogger(JournalFile.class)
              .warn(
                  "journal lock "
                      + lock
                      + " unchanged for "
                      + grace.toSeconds()
                      + " s: its process is taken to be dead; "
                      + "releasing it");
          breakLock();
          seen = null;
          continue;
        }
        LockSupport.parkNanos(sleepNanos);
        sleepNanos = Math.min(sleepNanos * 2, 5_000_000);
      } catch (IOException e) {
        throw new UncheckedIOException("creating lock " + lock, e);
      }
    }
  }

  /**
   * Releases the lock this process holds: one unlink(2) of the link. To every other process this is
   * the same as Optuna's rename-then-unlink (the name disappears in one atomic step), at one system
   * call instead of two; the renaming matters only to a forced release, see {@link #breakLock}.
   */
  void unlock() {
    lockFile.delete(); // false when a process released it by force meanwhile: nothing left to do
  }

  /**
   * Releases by force a lock left by a dead process, as Optuna does: rename the link to a name of
   * its own first, so that of two processes breaking it at once only one succeeds, and never one
   * deletes the lock the other has just taken.
   */
  private void breakLock() {
    Path renamed =
        lock.resolveSibling(lock.getFileName() + UUID.randomUUID().toString() + ".rename");
    try {
      Files.move(
          lock, renamed, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // one rename(2), no checks
      Files.delete(renamed);
    } catch (NoSuchFileException e) {
      // released by another process meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException("releasing lock " + lock, e);
    }
  }

  /**
   * @return whether the file's last byte is not a newline (a writer died mid-append)
   */
  private boolean endsTorn() {
    try {
      long size = append.size();
      if (size == 0 || offset >= size) {
        return false; // every byte was read as complete lines: the file ends with a newline
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      return read.read(last, size - 1) == 1 && last.get(0) != '\n';
    } catch (IOException e) {
      throw new UncheckedIOException("reading journal " + path, e);
    }
  }

  /**
   * @return whether a complete line that is not valid JSON is the torn record of a writer killed
   *     mid-append, ended by the next writer's newline: a JSON object cut short (its parse reached
   *     the end of the line)
   */
  static boolean isTorn(String line, com.fasterxml.jackson.core.JsonProcessingException e) {
    return line.startsWith("{") && e instanceof com.fasterxml.jackson.core.io.JsonEOFException;
  }

  /**
   * @return the path of the journal
   */
  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      read.close();
      append.close();
    } catch (IOException e) {
      // nothing left to lose: every append was written
    }
  }
}
