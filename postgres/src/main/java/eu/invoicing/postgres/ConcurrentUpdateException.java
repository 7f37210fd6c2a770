package eu.invoicing.postgres;

/**
 * A document was changed by another unit of work between the moment this unit of work read it and the moment
 * it saved it (optimistic concurrency on the document's revision). Nothing of the failed unit of work was
 * written: read the document again and repeat the operation. With every writer going through
 * {@link PostgresTransactor} (which serialises the units of work of one entity) this cannot happen; it
 * guards against writers that bypass it, e.g. a store used outside a unit of work or a second library
 * configured with another lock namespace.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConcurrentUpdateException extends PostgresException {
    private static final long serialVersionUID = 1L;

    /**
     * @param documentId the document, not null
     * @param readRevision the revision this unit of work read
     */
    public ConcurrentUpdateException(String documentId, long readRevision) {
        super("document " + documentId + " was changed by another unit of work since it was read (revision "
                + readRevision + "): read it again and retry", null);
    }
}
