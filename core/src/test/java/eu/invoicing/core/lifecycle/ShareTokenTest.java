package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Share tokens: random, URL-safe, stable while shared, gone when unshared, one answer for every miss. */
class ShareTokenTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    @Test
    void share_issuesUrlSafeTokenOfAtLeast128Bits() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        String token = docs.share(d.id());
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token).length * 8).isGreaterThanOrEqualTo(128);
        assertThat(invoicing.findShared(token).id()).isEqualTo(d.id());
        assertThat(docs.shareToken(d.id())).contains(token);
    }

    @Test
    void share_ofSharedDocument_returnsTheSameToken() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        assertThat(docs.share(d.id())).isEqualTo(docs.share(d.id()));
        assertThat(docs.timeline(d.id())).filteredOn(e -> e.type().wireValue().equals("shared")).hasSize(1);
    }

    @Test
    void share_manyDocuments_tokensAreDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(docs.share(docs.create(Fixtures.draft(DocumentType.DELIVERY_NOTE)).id()));
        }
        assertThat(tokens).hasSize(200);
    }

    @Test
    void findShared_unknownRevokedMalformedAndTrashed_allAnsweredTheSame() {
        Document shared = docs.create(Fixtures.draft(DocumentType.INVOICE));
        String revoked = docs.share(shared.id());
        docs.unshare(shared.id());
        Document trashed = docs.create(Fixtures.draft(DocumentType.INVOICE));
        String trashedToken = docs.share(trashed.id());
        docs.delete(trashed.id());
        String unknown = "A".repeat(32);
        String[] misses = {revoked, unknown, "not a token!", "", null, trashedToken, revoked.toLowerCase()};
        String message = null;
        for (String token : misses) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> invoicing.findShared(token));
            assertThat(t).isInstanceOf(NotFoundException.class);
            if (message == null) {
                message = t.getMessage();
            }
            assertThat(t.getMessage()).isEqualTo(message);
        }
        assertThat(docs.shareToken(shared.id())).isEmpty();
    }

    @Test
    void reshare_afterUnshare_issuesANewToken() {
        Document d = docs.create(Fixtures.draft(DocumentType.CREDIT_NOTE));
        String first = docs.share(d.id());
        docs.unshare(d.id());
        String second = docs.share(d.id());
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> invoicing.findShared(first)).isInstanceOf(NotFoundException.class);
        assertThat(invoicing.findShared(second).id()).isEqualTo(d.id());
    }
}
