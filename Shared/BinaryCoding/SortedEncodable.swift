/// Collections whose iteration order changes from process to process (`Dictionary`, `Set`) are
/// written in sorted order, so that the same value always encodes to the same bytes.
protocol SortedEncodable {
    func encodeSorted(to encoder: _BinaryEncoder) throws
}

extension Dictionary: SortedEncodable where Key: Encodable, Value: Encodable {
    func encodeSorted(to encoder: _BinaryEncoder) throws {
        // The same shapes as the standard library's `Dictionary.encode(to:)`, so that the standard
        // `Dictionary.init(from:)` reads them back: String, Int and CodingKeyRepresentable keys as a
        // keyed container; any other key as an unkeyed list of alternating keys and values.
        if let keyed = self as? [String: Value] {
            try encodeKeyed(keyed.map { ($0.key, $0.value) }, to: encoder)
        } else if let keyed = self as? [Int: Value] {
            try encodeKeyed(keyed.map { (String($0.key), $0.value) }, to: encoder)
        } else if Key.self is any CodingKeyRepresentable.Type {
            try encodeKeyed(map { (($0.key as! any CodingKeyRepresentable).codingKey.stringValue, $0.value) }, to: encoder)
        } else if let comparable = self as? any ComparableKeyedDictionary {
            try comparable.encodeAlternating(to: encoder)
        } else {
            try encode(to: encoder)
        }
    }

    private func encodeKeyed(_ entries: [(String, Value)], to encoder: _BinaryEncoder) throws {
        var container = encoder.container(keyedBy: AnyStringKey.self)
        for (key, value) in entries.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            try container.encode(value, forKey: AnyStringKey(key))
        }
    }
}

private protocol ComparableKeyedDictionary {
    func encodeAlternating(to encoder: _BinaryEncoder) throws
}

extension Dictionary: ComparableKeyedDictionary where Key: Comparable & Encodable, Value: Encodable {
    fileprivate func encodeAlternating(to encoder: _BinaryEncoder) throws {
        var container = encoder.unkeyedContainer()
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            try container.encode(key)
            try container.encode(value)
        }
    }
}

extension Set: SortedEncodable where Element: Encodable {
    func encodeSorted(to encoder: _BinaryEncoder) throws {
        if let comparable = self as? any ComparableSet {
            try comparable.encodeInOrder(to: encoder)
        } else {
            try encode(to: encoder)
        }
    }
}

private protocol ComparableSet {
    func encodeInOrder(to encoder: _BinaryEncoder) throws
}

extension Set: ComparableSet where Element: Comparable & Encodable {
    fileprivate func encodeInOrder(to encoder: _BinaryEncoder) throws {
        var container = encoder.unkeyedContainer()
        for element in sorted() {
            try container.encode(element)
        }
    }
}

/// A coding key made from any string.
struct AnyStringKey: CodingKey {
    var stringValue: String
    var intValue: Int? { Int(stringValue) }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}
