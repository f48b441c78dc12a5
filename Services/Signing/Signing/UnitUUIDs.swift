import Synchronization

/// Where a unit's earlier stamp of a UUID is found, for a request that repeats a document
/// (answered with the first stamp) or reuses its UUID (refused).
///
/// The database's index of UUIDs (`stamp_uuid`) trails the chain: a stamp's row is durable with
/// its commit, and its UUID joins that index later, in chunks the committer writes when stamping
/// pauses (``StampCommitter``), or sooner when too many wait. An index kept with every commit put
/// a random page of it into every stamp's transaction, about a third of the service's writes.
/// The UUIDs not in the index yet are held here exactly, with their ICVs; a Bloom filter over
/// every UUID the unit stamped sends only a few new UUIDs to look in the index.
final class UnitUUIDs: Sendable {
    /// Where to look for an earlier stamp of a UUID.
    enum Place: Equatable {
        /// Not yet in the index: the stamp with this ICV, if it is still that UUID's.
        case recent(Int64)
        /// Perhaps in the index.
        case indexed
        /// Never stamped.
        case never
    }

    private struct State {
        /// Every UUID stamped (or being stamped).
        var filter: StampedUUIDFilter
        /// The UUIDs of stamps after `indexedICV`, with their ICVs.
        var recent: [UUIDKey: Int64] = [:]
        /// `recent`'s entries in the order they were added (ICV order, but for the ICVs a
        /// failed commit gave back), from `start` on: trimmed from the front as the index
        /// catches up.
        var order: [(icv: Int64, key: UUIDKey)] = []
        var start = 0
        /// The last ICV whose UUID is in the index.
        var indexedICV: Int64
        /// The last ICV committed.
        var committedICV: Int64
    }

    let egsID: String
    private let state: Mutex<State>

    /// - Parameters:
    ///   - filter: every UUID the unit stamped.
    ///   - recent: the UUIDs and ICVs of its stamps after `indexedICV`, in ICV order.
    ///   - committedICV: the unit's last committed ICV.
    init(egsID: String, filter: StampedUUIDFilter, recent: [(uuid: String, icv: Int64)], indexedICV: Int64, committedICV: Int64) {
        self.egsID = egsID
        var initial = State(filter: filter, indexedICV: indexedICV, committedICV: max(committedICV, indexedICV))
        for (uuid, icv) in recent { Self.add(uuid, icv: icv, to: &initial) }
        state = Mutex(initial)
    }

    func place(_ uuid: String) -> Place {
        state.withLock { state in
            if let icv = state.recent[UUIDKey(uuid)] { return .recent(icv) }
            return state.filter.mightContain(uuid) ? .indexed : .never
        }
    }

    /// `uuid` is being stamped with ICV `icv`.
    func add(_ uuid: String, icv: Int64) {
        state.withLock { Self.add(uuid, icv: icv, to: &$0) }
    }

    private static func add(_ uuid: String, icv: Int64, to state: inout State) {
        let key = UUIDKey(uuid)
        state.filter.insert(uuid)
        state.recent[key] = icv
        state.order.append((icv, key))
    }

    /// The stamp of `uuid` with ICV `icv` was not recorded.
    func remove(_ uuid: String, icv: Int64) {
        state.withLock { state in
            let key = UUIDKey(uuid)
            if state.recent[key] == icv { state.recent[key] = nil }
            // While commits keep failing nothing is indexed, so `order` is not trimmed from the
            // front: drop the entries `recent` no longer holds.
            if state.order.count - state.start > 2 * state.recent.count + 1_024 {
                let recent = state.recent
                state.order = state.order[state.start...].filter { recent[$0.key] == $0.icv }
                state.start = 0
            }
        }
    }

    /// Entries kept in ICV order for trimming (for tests: it must stay near ``backlog``'s `held`).
    var orderCount: Int { state.withLock { $0.order.count - $0.start } }

    /// The stamps up to ICV `icv` are committed.
    func committed(through icv: Int64) {
        state.withLock { $0.committedICV = max($0.committedICV, icv) }
    }

    /// The UUIDs held here (in memory), the last ICV in the index, and how many committed
    /// stamps are not in it.
    var backlog: (held: Int, indexedICV: Int64, unindexed: Int64) {
        state.withLock { ($0.recent.count, $0.indexedICV, $0.committedICV - $0.indexedICV) }
    }

    /// The index holds every UUID up to ICV `icv`: they are looked up there from now on.
    func indexed(through icv: Int64) {
        state.withLock { state in
            guard icv > state.indexedICV else { return }
            state.indexedICV = icv
            while state.start < state.order.count, state.order[state.start].icv <= icv {
                let (entryICV, key) = state.order[state.start]
                if state.recent[key] == entryICV { state.recent[key] = nil }
                state.start += 1
            }
            if state.start > 1_024, state.start * 2 > state.order.count {
                state.order.removeFirst(state.start)
                state.start = 0
            }
        }
    }
}

/// A UUID as a dictionary key: 17 bytes for one in the canonical 8-4-4-4-12 hexadecimal form
/// (its letters all lowercase or all uppercase), else the text's UTF-8 bytes. Exact either way,
/// as SQLite compares text: two texts that differ in any byte never make the same key (a
/// `String` key would take canonically equivalent texts, NFC and NFD, for one).
enum UUIDKey: Hashable {
    case compact(high: UInt64, low: UInt64, uppercase: Bool)
    case text([UInt8])

    init(_ text: String) {
        self = Self.compact(text) ?? .text(Array(text.utf8))
    }

    private static func compact(_ text: String) -> UUIDKey? {
        guard text.utf8.count == 36 else { return nil }
        // Every text takes the same path to its key, whether its bytes are contiguous or not.
        return text.utf8.withContiguousStorageIfAvailable(compact) ?? Array(text.utf8).withUnsafeBufferPointer(compact)
    }

    private static func compact(_ bytes: UnsafeBufferPointer<UInt8>) -> UUIDKey? {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        var lower = false
        var upper = false
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10; lower = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10; upper = true
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        // Mixed case cannot be rebuilt from the bits and one flag: kept as text.
        guard !(lower && upper) else { return nil }
        return .compact(high: high, low: low, uppercase: upper)
    }
}
