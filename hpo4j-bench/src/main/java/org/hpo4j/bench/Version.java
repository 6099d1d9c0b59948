package org.hpo4j.bench;

/** The project version, from the jar manifest when packaged, else the development version. */
final class Version {
  private Version() {}

  static String get() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }
}
