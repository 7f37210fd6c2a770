package eu.invoicing.fiscal;

import eu.invoicing.core.ValidationException;
import java.net.URI;
import java.util.Objects;

/**
 * The FURS JSON service addresses (technical specification v3.2, chapter 6.1): invoices, business premises
 * and echo, under one base such as {@code https://blagajne-test.fu.gov.si:9002}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param invoices {@code …/v1/cash_registers/invoices}, not null
 * @param premises {@code …/v1/cash_registers/invoices/register}, not null
 * @param echo {@code …/v1/cash_registers/echo}, not null
 */
public record FursEndpoints(URI invoices, URI premises, URI echo) {
    /** The test environment (test certificates from Tax CA Test). */
    public static final FursEndpoints TEST = at(URI.create("https://blagajne-test.fu.gov.si:9002"));
    /** The production environment. */
    public static final FursEndpoints PRODUCTION = at(URI.create("https://blagajne.fu.gov.si:9003"));

    /**
     * Rejects nulls.
     *
     * @param invoices not null
     * @param premises not null
     * @param echo not null
     */
    public FursEndpoints {
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(premises, "premises");
        Objects.requireNonNull(echo, "echo");
    }

    /**
     * @param base scheme, host and port, e.g. {@code https://blagajne.fu.gov.si:9003}, not null
     * @return the three services under that base
     * @throws ValidationException ({@code endpoint}) when the base is not an https URI with a host
     */
    public static FursEndpoints at(URI base) {
        if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw ValidationException.of("endpoint", "invalid_format", "the FURS endpoint must be an https URI "
                    + "with a host, was " + base);
        }
        String b = base.toString().replaceAll("/+$", "");
        return new FursEndpoints(URI.create(b + "/v1/cash_registers/invoices"),
                URI.create(b + "/v1/cash_registers/invoices/register"), URI.create(b + "/v1/cash_registers/echo"));
    }
}
