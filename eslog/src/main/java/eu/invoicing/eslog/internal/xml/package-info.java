/**
 * Hand-written JAXB bindings for the subset of e-SLOG 2.0 ({@code urn:eslog:2.00}) that the library
 * writes and reads. Class names mirror the XSD element names ({@code S_DTM} is {@link
 * eu.invoicing.eslog.internal.xml.SDtm}); every {@code @XmlType#propOrder} follows the XSD
 * sequence. Leaf values are strings so that the mapping code controls every number and date
 * format.
 *
 * <p>Internal: not part of the API (not exported; opened to {@code jakarta.xml.bind} only). The bindings are
 * mutable JAXB beans, filled and read by one thread.
 */
@XmlSchema(namespace = "urn:eslog:2.00", elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = "urn:eslog:2.00"))
@XmlAccessorType(XmlAccessType.FIELD)
package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
