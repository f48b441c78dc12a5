import Foundation

/// The distinct keys of one message, each written once at the front of the message; keyed
/// containers refer to them by index. A line item's field names are then paid for once per
/// message, not once per line.
///
/// Keys are found by content (FNV-1a over the UTF-8 bytes, open addressing), so the table, and
/// with it the encoding, depends only on the order in which keys are first used.
struct KeyTable {
    private struct Entry {
        var hash: UInt32
        var start: Int
        var length: Int
    }

    /// Each key as LEB128 length + UTF-8, in index order: exactly the table's wire form.
    private(set) var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open-addressing index into `entries`; built only once a message has more than
    /// `linearLimit` keys (small messages are searched linearly, saving the allocation).
    private var slots: [Int32] = []
    private static let linearLimit = 8

    var count: Int { entries.count }

    /// The index of `key`, adding it on first use.
    mutating func index(of key: String) -> Int {
        var key = key
        return key.withUTF8 { index(ofUTF8: $0) }
    }

    private mutating func index(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        if slots.isEmpty {
            for (index, entry) in entries.enumerated() where entry.hash == hash && matches(entry, utf8) {
                return index
            }
            let index = append(utf8, hash: hash)
            if entries.count > Self.linearLimit { rehash() }
            return index
        }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if entries[existing].hash == hash, matches(entries[existing], utf8) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        let index = append(utf8, hash: hash)
        slots[slot] = Int32(index)
        if entries.count * 2 > slots.count { rehash() }
        return index
    }

    private func matches(_ entry: Entry, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        entry.length == utf8.count
            && (utf8.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + entry.start, utf8.baseAddress!, utf8.count) } == 0)
    }

    private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        var length = UInt64(utf8.count)
        while length >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: length))
        entries.append(Entry(hash: hash, start: bytes.count, length: utf8.count))
        bytes.append(contentsOf: utf8)
        return entries.count - 1
    }

    private mutating func rehash() {
        slots = Array(repeating: -1, count: max(64, slots.count * 2))
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
