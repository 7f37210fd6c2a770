package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one JAXB context for the e-SLOG bindings, built on first use. A {@link JAXBContext} is
 * thread-safe; marshallers and unmarshallers are not, so each call makes its own.
 *
 * <p>Stateless and thread-safe.
 */
public final class EslogJaxb {

    private EslogJaxb() {
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(EslogInvoice.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the e-SLOG JAXB bindings do not load: " + e, e);
            }
        }
    }

    /**
     * Marshals an invoice to UTF-8, indented, with the e-SLOG namespace as the default namespace.
     *
     * @param invoice the invoice, not null
     * @return the XML bytes
     * @throws IllegalStateException if JAXB fails, which only a broken binding can cause
     */
    public static byte[] marshal(EslogInvoice invoice) {
        try {
            Marshaller marshaller = Holder.CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            marshaller.marshal(invoice, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("e-SLOG marshalling failed: " + e, e);
        }
    }

    /**
     * A SAX handler that builds the binding objects; unknown elements are skipped (tolerated),
     * only fatal events stop it.
     *
     * @return a new handler for one parse
     */
    public static UnmarshallerHandler newUnmarshallerHandler() {
        try {
            Unmarshaller unmarshaller = Holder.CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> event.getSeverity() != ValidationEvent.FATAL_ERROR);
            return unmarshaller.getUnmarshallerHandler();
        } catch (JAXBException e) {
            throw new IllegalStateException("e-SLOG unmarshaller could not be created: " + e, e);
        }
    }
}
