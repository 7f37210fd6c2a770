/**
 * Protection of exported files against hostile user text: spreadsheet formula injection in
 * CSV and XLSX cells ({@link eu.invoicing.export.safety.FormulaInjectionGuard}) and path
 * traversal or collisions in ZIP entry names ({@link eu.invoicing.export.safety.ZipEntryNamer}).
 */
package eu.invoicing.export.safety;
