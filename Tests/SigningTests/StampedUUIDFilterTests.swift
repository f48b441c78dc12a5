import Foundation
import Testing

@testable import Signing

@Suite("The stamped-UUID filter")
struct StampedUUIDFilterTests {
    @Test("Never forgets a UUID as it grows through several layers; about 1 % false positives")
    func noFalseNegatives() {
        var filter = StampedUUIDFilter()
        let stamped = (0..<50_000).map { _ in UUID().uuidString.lowercased() }
        for uuid in stamped { filter.insert(uuid) }
        #expect(stamped.allSatisfy { filter.mightContain($0) }, "a stamped UUID must always be looked up")
        let strangers = (0..<20_000).map { _ in UUID().uuidString.lowercased() }
        let falsePositives = strangers.filter { filter.mightContain($0) }.count
        #expect(falsePositives < 600, "\(falsePositives) of 20,000 unseen UUIDs would be looked up")
    }

    @Test("Sized from the unit's history, it holds that history without growing")
    func presized() {
        var filter = StampedUUIDFilter(expected: 10_000)
        for number in 0..<10_000 { filter.insert("INV-\(number)") }
        #expect((0..<10_000).allSatisfy { filter.mightContain("INV-\($0)") })
        let strangers = (0..<10_000).filter { filter.mightContain("OTHER-\($0)") }.count
        #expect(strangers < 300, "\(strangers) false positives in 10,000")
    }
}

@Suite("A unit's UUIDs")
struct UnitUUIDsTests {
    @Test("A UUID is found by its ICV until the index holds it, then in the index; a failed stamp's UUID is no longer held")
    func places() {
        let uuids = UnitUUIDs(egsID: "u", filter: StampedUUIDFilter(), recent: [("loaded", 3)], indexedICV: 2, committedICV: 3)
        #expect(uuids.place("loaded") == .recent(3))
        uuids.add("next", icv: 4)
        uuids.add("failed", icv: 5)
        #expect(uuids.place("next") == .recent(4))
        uuids.remove("failed", icv: 5)
        #expect(uuids.place("failed") == .indexed, "the filter never forgets; the index lookup then finds nothing")
        uuids.committed(through: 4)
        #expect(uuids.backlog.held == 2 && uuids.backlog.unindexed == 2)
        uuids.indexed(through: 3)
        #expect(uuids.place("loaded") == .indexed)
        #expect(uuids.place("next") == .recent(4))
        #expect(uuids.backlog.held == 1 && uuids.backlog.indexedICV == 3 && uuids.backlog.unindexed == 1)
        // A failed commit gave ICV 5 back; another UUID took it.
        uuids.add("retaken", icv: 5)
        uuids.committed(through: 5)
        uuids.indexed(through: 5)
        #expect(uuids.backlog.held == 0 && uuids.backlog.unindexed == 0)
        #expect(uuids.place("never") == .never)
    }

    @Test("Stamps whose commits keep failing leave nothing behind: the ICV-ordered list is pruned without any indexing")
    func failuresPruned() {
        let uuids = UnitUUIDs(egsID: "u", filter: StampedUUIDFilter(), recent: [], indexedICV: 0, committedICV: 0)
        for attempt in 0..<20_000 {
            // The same ICV, tried again and again (the chain reloads after each failure).
            let uuid = "attempt-\(attempt)"
            uuids.add(uuid, icv: 1)
            uuids.remove(uuid, icv: 1)
        }
        #expect(uuids.backlog.held == 0)
        #expect(uuids.orderCount <= 1_025, "\(uuids.orderCount) entries kept for 0 held")
    }

    @Test("Keys are exact: a UUID in either case, mixed case, and other text never share a key; the same text always does")
    func keys() {
        let lower = "6f2a0c1e-9b1d-4c1e-8a2b-0123456789ab"
        let upper = lower.uppercased()
        let mixed = "6F2a0c1e-9b1d-4c1e-8a2b-0123456789ab"
        let digits = "01234567-8901-2345-6789-012345678901"
        let keys = [lower, upper, mixed, digits, "INV-1", "6f2a0c1e-9b1d-4c1e-8a2b-0123456789a", "6f2a0c1e-9b1d-4c1e-8a2b-0123456789ag", "٦f2a0c1e-9b1d-4c1e-8a2b-0123456789a"].map(UUIDKey.init)
        #expect(Set(keys).count == keys.count)
        // Canonically equivalent but different bytes (NFC and NFD é): different keys, as SQLite sees them.
        #expect(UUIDKey("INV-\u{E9}") != UUIDKey("INV-e\u{301}"))
        #expect(UUIDKey(lower) == UUIDKey(String(lower.utf8.map { Character(UnicodeScalar($0)) })))
        if case .compact = UUIDKey(lower), case .compact = UUIDKey(upper), case .compact = UUIDKey(digits), case .text = UUIDKey(mixed) {
        } else {
            Issue.record("canonical UUIDs are compact, mixed case is text")
        }
    }
}
