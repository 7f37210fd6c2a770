package eu.invoicing.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value of the links of a document to other documents (credit note for, delivered for, advance applied,
 * converted from, ...), in the order they were made; part of a {@link Document}, which keeps its flat accessor
 * {@link Document#documentRelations()}. The library writes both sides of a link in one unit of work.
 *
 * <p>Immutable and thread-safe: the list is copied on the way in.
 *
 * @param documentRelations the relations, not null (null reads as empty)
 */
public record Relations(List<DocumentRelation> documentRelations) {
    /** No relation: shared, so that a document without links allocates no group. */
    public static final Relations EMPTY = new Relations(List.of());

    /**
     * Copies the list.
     *
     * @param documentRelations the relations, nullable (empty)
     */
    public Relations {
        documentRelations = Copies.list(documentRelations);
    }

    /** @return whether there is no relation */
    public boolean isEmpty() {
        return documentRelations.isEmpty();
    }

    /**
     * @param type the relation type, not null
     * @return the relations of that type, in order
     */
    public List<DocumentRelation> ofType(RelationType type) {
        List<DocumentRelation> out = new ArrayList<>();
        for (DocumentRelation r : documentRelations) {
            if (r.relationType() == type) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param target a document id, not null
     * @return the first relation to that document, if any
     */
    public Optional<DocumentRelation> to(DocumentId target) {
        for (DocumentRelation r : documentRelations) {
            if (r.targetId().equals(target)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the list, {@link #EMPTY} (not a new instance) when it is null or empty.
     *
     * @param documentRelations nullable
     * @return the group
     */
    public static Relations of(List<DocumentRelation> documentRelations) {
        return documentRelations == null || documentRelations.isEmpty() ? EMPTY : new Relations(documentRelations);
    }
}
