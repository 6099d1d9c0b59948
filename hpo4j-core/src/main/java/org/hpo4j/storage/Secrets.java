package org.hpo4j.storage;

import java.util.regex.Pattern;

/**
 * Masks the passwords of storage URLs in any text about to be shown or kept: a log line, an error
 * message, a study file stored with its study. Both places a URL can carry one are masked, the
 * user-info ({@code postgresql://user:PASSWORD@host}) and query options ({@code ?password=}, {@code
 * &sslpassword=}), as written, percent-encoded or not, so what is masked never depends on decoding
 * the same way the driver does.
 *
 * <p>Stateless and thread-safe.
 */
public final class Secrets {
  /** What replaces a password. */
  public static final String MASK = "***";

  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@?#\\s'\"]*:)[^@/?#\\s'\"]*@");
  private static final Pattern QUERY =
      Pattern.compile("(?i)((?:^|[?&;\\s])(?:ssl)?password=)[^&;\\s'\"]*");

  private Secrets() {}

  /**
   * @return {@code text} with every storage-URL password replaced by {@value #MASK}; null stays
   *     null
   */
  public static String redact(String text) {
    if (text == null
        || text.indexOf('@') < 0
            && text.toLowerCase(java.util.Locale.ROOT).indexOf("password=") < 0) {
      return text;
    }
    String out = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    return QUERY.matcher(out).replaceAll("$1" + MASK);
  }
}
