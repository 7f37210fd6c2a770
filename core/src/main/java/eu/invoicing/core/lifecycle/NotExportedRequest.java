package eu.invoicing.core.lifecycle;

import eu.invoicing.core.query.Condition;
import java.time.Instant;

/**
 * Parameters of the "not exported" list for an accounting system (docs/lifecycle.md, "Decisions where the spec is silent": Export).
 *
 * <p>Immutable and thread-safe.
 *
 * @param systemId the external system, nullable (reported as a validation error)
 * @param notExportedSince also list documents last exported to the system before this time, nullable
 * @param includeDrafts also list drafts (default false: only finalized documents)
 * @param filter conditions on {@code created_at} / {@code updated_at} only, nullable
 */
public record NotExportedRequest(String systemId, Instant notExportedSince, boolean includeDrafts,
        Condition filter) {
    /**
     * @param systemId the external system, not null
     * @return finalized documents never exported to the system
     */
    public static NotExportedRequest of(String systemId) {
        return new NotExportedRequest(systemId, null, false, null);
    }
}
