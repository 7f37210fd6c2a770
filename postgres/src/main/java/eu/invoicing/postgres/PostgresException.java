package eu.invoicing.postgres;

import eu.invoicing.core.InvoicingException;

/**
 * A PostgreSQL store, sequencer or transactor failed: the database could not be reached, a statement failed,
 * or the connection was cut. The {@link java.sql.SQLException} is kept as the cause (with its SQLState). The
 * library reports it as an {@link eu.invoicing.core.SpiException} whose cause is this exception; the unit of
 * work it happened in was rolled back.
 *
 * <p>Immutable and thread-safe.
 */
public class PostgresException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done, not null
     * @param cause the database's failure, nullable
     */
    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
