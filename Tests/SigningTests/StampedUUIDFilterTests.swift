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
