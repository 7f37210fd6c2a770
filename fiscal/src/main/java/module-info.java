/**
 * Invoicing fiscal: real connectors to the Slovenian FURS, the Croatian CIS and the European Commission's
 * VIES, built on the JDK alone (JCA signatures, {@code javax.xml.crypto.dsig}, {@code java.net.http} with an
 * {@code SSLContext} from the host's {@code KeyStore}); docs/fiscal.md.
 *
 * <p>Exported: {@code eu.invoicing.fiscal} (the connectors, the {@code FiscalGateway} and
 * {@code VatNumberValidator} implementations, the durable journal and the backlog of late submissions). Not
 * exported: {@code eu.invoicing.fiscal.internal} (JWS, XML-DSig, the HTTPS transport).
 */
module eu.invoicing.fiscal {
    requires transitive eu.invoicing.core;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires java.xml.crypto;

    exports eu.invoicing.fiscal;
}
