/**
 * Seeing a search: plot data computed in Java, drawn in the browser by ECharts shipped in the jar.
 *
 * <p>Entry points, one call each:
 *
 * <ul>
 *   <li>{@link org.hpo4j.dashboard.Report#write(org.hpo4j.storage.Storage, String,
 *       java.nio.file.Path)}: one self-contained HTML file that opens offline ({@code ./hpo
 *       report}).
 *   <li>{@link org.hpo4j.dashboard.Dashboard#start(org.hpo4j.storage.Storage, String, int)}: a
 *       read-only live dashboard on 127.0.0.1 unless told otherwise ({@code ./hpo dashboard}).
 *   <li>{@link org.hpo4j.dashboard.importance.Importance#of(org.hpo4j.storage.Storage, String,
 *       int)}: parameter importances ({@code ./hpo studies importance}).
 * </ul>
 *
 * <p>The plots' data classes live in {@code org.hpo4j.dashboard.plot}, one record per plot; {@link
 * org.hpo4j.dashboard.StudyData} gathers them for a page. User-supplied strings reach the page only
 * as JSON data with {@code <}, {@code >} and {@code &} escaped, and the page writes them with
 * {@code textContent}, never as markup.
 */
package org.hpo4j.dashboard;
