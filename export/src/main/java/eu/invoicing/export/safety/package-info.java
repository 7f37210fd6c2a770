/**
 * Protection of exported files against hostile user text: spreadsheet formula injection in
 * CSV and XLSX cells ({@link eu.invoicing.export.safety.FormulaInjectionGuard}) and path
 * traversal or collisions in ZIP entry names ({@link eu.invoicing.export.safety.ZipEntryNamer}).
 *
 * <p>API. {@code FormulaInjectionGuard} is stateless and thread-safe; a {@code ZipEntryNamer} remembers the
 * names it gave out, so it is mutable and serves one archive on one thread.
 */
package eu.invoicing.export.safety;
