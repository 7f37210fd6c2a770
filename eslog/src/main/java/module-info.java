/**
 * Invoicing e-SLOG: the Slovenian e-SLOG 2.0 XML serializer, validator and XXE-safe reader.
 *
 * <p>Exported: {@code eu.invoicing.eslog}. Not exported: {@code eu.invoicing.eslog.internal.*}; the JAXB
 * binding package {@code internal.xml} is opened to JAXB only (the API opens it on to its implementation,
 * found through {@code ServiceLoader}: any {@code jakarta.xml.bind.JAXBContextFactory} provider, such as
 * {@code org.glassfish.jaxb.runtime}, on the module path).
 */
module eu.invoicing.eslog {
    requires transitive eu.invoicing.core;
    requires java.xml;
    requires jakarta.xml.bind;

    exports eu.invoicing.eslog;

    opens eu.invoicing.eslog.internal.xml to jakarta.xml.bind;
}
