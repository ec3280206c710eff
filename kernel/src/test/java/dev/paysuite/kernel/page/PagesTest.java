package dev.paysuite.kernel.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.TypedId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesTest {
    record Item(PaymentId id, Instant createdAt) implements Listable {
    }

    static final Item A = new Item(new PaymentId("pay_a"), Instant.parse("2026-01-01T00:00:03Z"));
    static final Item B = new Item(new PaymentId("pay_b"), Instant.parse("2026-01-01T00:00:02Z"));

    static Optional<Item> find(String id) {
        return List.of(A, B).stream().filter(i -> i.id().value().equals(id)).findFirst();
    }

    @Test
    void theLimitIsBetweenOneAndAHundred() {
        assertEquals("limit", assertThrows(DomainException.class, () -> PageQuery.first(0)).field());
        assertEquals("limit", assertThrows(DomainException.class, () -> PageQuery.first(101)).field());
        assertEquals(100, PageQuery.first(100).limit());
    }

    @Test
    void onlyOneWayToPageIsAllowed() {
        assertEquals("offset", assertThrows(DomainException.class, () -> new PageQuery(10, "pay_a", null, 2)).field());
        assertEquals("endingBefore",
                assertThrows(DomainException.class, () -> new PageQuery(10, "pay_a", "pay_b", 0)).field());
        assertEquals("offset", assertThrows(DomainException.class, () -> new PageQuery(10, null, null, -1)).field());
    }

    @Test
    void aCursorBecomesItsPositionInTheList() {
        PageRequest after = new PageQuery(5, "pay_a", null, 0).resolve(PagesTest::find);
        assertEquals(new PageRequest.After(A.createdAt(), "pay_a", 5), after);
        PageRequest before = new PageQuery(5, null, "pay_b", 0).resolve(PagesTest::find);
        assertEquals(new PageRequest.Before(B.createdAt(), "pay_b", 5), before);
        assertInstanceOf(PageRequest.FromOffset.class, new PageQuery(5, null, null, 3).resolve(PagesTest::find));
    }

    @Test
    void anUnknownCursorIsRefusedNamingIt() {
        DomainException e = assertThrows(DomainException.class,
                () -> new PageQuery(5, null, "pay_zzz", 0).resolve(PagesTest::find));
        assertEquals(ErrorCodes.RESOURCE_MISSING, e.code());
        assertEquals("endingBefore", e.field());
        assertEquals(DomainException.Kind.INVALID, e.kind());
    }

    @Test
    void theNextCursorIsTheLastItemWhenOlderOnesExist() {
        Page<Item> more = Page.of(new PageRequest.FromOffset(0, 2), new Slice<>(List.of(A, B), true), 5);
        assertEquals("pay_b", more.nextCursor());
        Page<Item> last = Page.of(new PageRequest.FromOffset(0, 2), new Slice<>(List.of(A, B), false), 2);
        assertNull(last.nextCursor());
        // Paging backwards, older objects always exist beyond the page: the cursor itself at least.
        Page<Item> back = Page.of(new PageRequest.Before(B.createdAt(), "pay_b", 2), new Slice<>(List.of(A), false), 2);
        assertEquals("pay_a", back.nextCursor());
        assertEquals(List.of("pay_a"), back.map(Item::id).data().stream().map(TypedId::value).toList());
    }
}
