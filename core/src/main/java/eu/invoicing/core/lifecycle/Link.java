package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.RelationType;
import java.util.function.Consumer;

/**
 * A relation a new document gets to an existing one, with the rule the existing one must satisfy (checked
 * inside the unit of work). The existing document gets the inverse relation.
 *
 * @param target the existing document, not null
 * @param relation the relation as seen from the new document, not null
 * @param check throws when the target may not be linked, not null
 */
record Link(DocumentId target, RelationType relation, Consumer<Document> check) {
}
