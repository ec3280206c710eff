package dev.paysuite.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.id.TypedId;
import dev.paysuite.kernel.page.Listable;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages over real rows. One owner's seven rows, three of them created in the same second, so that
 * the order newest first is g f e d c b a only if ties on createdAt are broken by id (descending).
 */
@QuarkusTest
class KeysetPagesTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    ListedThingRepository repository;

    String owner;
    String run;

    record ThingId(String value) implements TypedId {
    }

    /** What a domain lists: the kernel's page rule needs Listable items. */
    record Thing(ThingId id, Instant createdAt) implements Listable {
    }

    @BeforeEach
    void sevenRowsOfOneOwnerAndSomeOfAnother() {
        run = UUID.randomUUID().toString().substring(0, 8);
        owner = "own_" + run;
        String other = "oth_" + run;
        QuarkusTransaction.requiringNew().run(() -> {
            persist("a", owner, 1);
            persist("b", owner, 2);
            persist("c", owner, 2);
            persist("d", owner, 2);
            persist("e", owner, 3);
            persist("f", owner, 4);
            persist("g", owner, 5);
            // Another owner's rows between and around them must never show up
            persist("x", other, 2);
            persist("y", other, 3);
            persist("z", other, 9);
        });
    }

    void persist(String name, String rowOwner, int second) {
        repository.persist(ListedThing.of(id(name), rowOwner, T.plusSeconds(second)));
    }

    String id(String name) {
        return "thg_" + run + "_" + name;
    }

    ListedThing row(String name) {
        return repository.findById(id(name));
    }

    Slice<ListedThing> fetch(PageRequest page) {
        return KeysetPages.fetch(repository, "owner = :owner", Parameters.with("owner", owner), page);
    }

    List<String> names(Slice<ListedThing> slice) {
        return slice.items().stream().map(t -> t.id.substring(t.id.lastIndexOf('_') + 1)).toList();
    }

    PageRequest.After after(String name, int limit) {
        ListedThing cursor = row(name);
        return new PageRequest.After(cursor.createdAt, cursor.id, limit);
    }

    PageRequest.Before before(String name, int limit) {
        ListedThing cursor = row(name);
        return new PageRequest.Before(cursor.createdAt, cursor.id, limit);
    }

    @Test
    void offsetPagesAreNewestFirstWithTiesBrokenById() {
        Slice<ListedThing> first = fetch(new PageRequest.FromOffset(0, 3));
        assertEquals(List.of("g", "f", "e"), names(first));
        assertTrue(first.hasMore());
        Slice<ListedThing> second = fetch(new PageRequest.FromOffset(3, 3));
        assertEquals(List.of("d", "c", "b"), names(second), "same createdAt: the greater id first");
        assertTrue(second.hasMore());
        Slice<ListedThing> last = fetch(new PageRequest.FromOffset(6, 3));
        assertEquals(List.of("a"), names(last));
        assertFalse(last.hasMore());
        Slice<ListedThing> beyond = fetch(new PageRequest.FromOffset(7, 3));
        assertEquals(List.of(), names(beyond));
        assertFalse(beyond.hasMore());
    }

    @Test
    void aPageThatEndsExactlyAtTheLastRowHasNoMore() {
        Slice<ListedThing> all = fetch(new PageRequest.FromOffset(0, 7));
        assertEquals(List.of("g", "f", "e", "d", "c", "b", "a"), names(all));
        assertFalse(all.hasMore());
        assertTrue(fetch(new PageRequest.FromOffset(0, 6)).hasMore());
    }

    @Test
    void afterACursorComeTheOlderRowsIncludingItsTiesWithSmallerIds() {
        Slice<ListedThing> afterE = fetch(after("e", 3));
        assertEquals(List.of("d", "c", "b"), names(afterE));
        assertTrue(afterE.hasMore());
        Slice<ListedThing> afterC = fetch(after("c", 3));
        assertEquals(List.of("b", "a"), names(afterC), "d shares c's createdAt but has a greater id: it came before");
        assertFalse(afterC.hasMore());
        Slice<ListedThing> afterA = fetch(after("a", 3));
        assertEquals(List.of(), names(afterA));
        assertFalse(afterA.hasMore());
    }

    @Test
    void beforeACursorComeTheNewerRowsClosestToItStillNewestFirst() {
        Slice<ListedThing> beforeA = fetch(before("a", 3));
        assertEquals(List.of("d", "c", "b"), names(beforeA), "the three just above a, not the three newest");
        assertTrue(beforeA.hasMore(), "e, f and g are newer still");
        Slice<ListedThing> beforeC = fetch(before("c", 3));
        assertEquals(List.of("f", "e", "d"), names(beforeC), "b shares c's createdAt but has a smaller id: it comes after");
        assertTrue(beforeC.hasMore());
        Slice<ListedThing> beforeD = fetch(before("d", 3));
        assertEquals(List.of("g", "f", "e"), names(beforeD));
        assertFalse(beforeD.hasMore());
        Slice<ListedThing> beforeG = fetch(before("g", 3));
        assertEquals(List.of(), names(beforeG));
        assertFalse(beforeG.hasMore());
    }

    @Test
    void theFilterKeepsOtherOwnersRowsOut() {
        Slice<ListedThing> all = fetch(new PageRequest.FromOffset(0, 100));
        assertEquals(7, all.items().size());
        assertTrue(all.items().stream().allMatch(t -> owner.equals(t.owner)));
        Slice<ListedThing> others = KeysetPages.fetch(repository, "owner = :owner",
                Parameters.with("owner", "oth_" + run), new PageRequest.FromOffset(0, 100));
        assertEquals(List.of("z", "y", "x"), names(others));
    }

    Page<Thing> page(PageRequest request) {
        Slice<Thing> slice = fetch(request).map(t -> new Thing(new ThingId(t.id), t.createdAt));
        return Page.of(request, slice, repository.count("owner", owner));
    }

    @Test
    void followingNextCursorsWalksTheWholeListOnceAndStops() {
        List<String> seen = new ArrayList<>();
        Page<Thing> page = page(new PageRequest.FromOffset(0, 3));
        List<String> cursors = new ArrayList<>();
        while (true) {
            page.data().forEach(t -> seen.add(t.id().value()));
            assertEquals(7, page.totalCount());
            if (page.nextCursor() == null) {
                break;
            }
            cursors.add(page.nextCursor());
            Thing last = page.data().get(page.data().size() - 1);
            assertEquals(last.id().value(), page.nextCursor(), "the next cursor is the page's last (oldest) object");
            page = page(new PageRequest.After(last.createdAt(), page.nextCursor(), 3));
        }
        assertEquals(List.of(id("g"), id("f"), id("e"), id("d"), id("c"), id("b"), id("a")), seen);
        assertEquals(List.of(id("e"), id("b")), cursors);
        assertFalse(page.hasMore());
    }

    @Test
    void aPageBeforeACursorAlwaysHasANextCursorBecauseTheCursorItselfIsOlder() {
        Page<Thing> newest = page(before("d", 3));
        assertEquals(List.of(id("g"), id("f"), id("e")), newest.data().stream().map(t -> t.id().value()).toList());
        assertFalse(newest.hasMore(), "nothing is newer than g");
        assertEquals(id("e"), newest.nextCursor(), "d and older lie after e");
        Page<Thing> empty = page(before("g", 3));
        assertTrue(empty.data().isEmpty());
        assertNull(empty.nextCursor());
    }
}
