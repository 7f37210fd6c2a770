/**
 * Invoicing core: the immutable document model, the calculation engine, the JSON wire format, numbering,
 * the lifecycle, versions, queries, and the SPIs with their in-memory defaults.
 *
 * <p>Exported: the API packages and {@code spi}; {@code memory} holds the in-memory SPI defaults a host
 * may use. Not exported: {@code eu.invoicing.core.internal.*} (docs/architecture.md). Jackson databind is
 * required transitively: the JSON API speaks {@code JsonNode}, {@code ObjectReader} and {@code Module}.
 */
module eu.invoicing.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires java.xml;

    exports eu.invoicing.core;
    exports eu.invoicing.core.calc;
    exports eu.invoicing.core.json;
    exports eu.invoicing.core.lifecycle;
    exports eu.invoicing.core.memory;
    exports eu.invoicing.core.model;
    exports eu.invoicing.core.numbering;
    exports eu.invoicing.core.query;
    exports eu.invoicing.core.rates;
    exports eu.invoicing.core.spi;
    exports eu.invoicing.core.version;

    provides com.fasterxml.jackson.databind.Module with eu.invoicing.core.json.InvoicingModule;
}
