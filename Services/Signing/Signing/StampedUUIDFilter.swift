/// The UUIDs a unit has stamped, as a Bloom filter: when it says a UUID was never stamped, the
/// stamp path skips the database read that looks for an earlier stamp of the same document.
///
/// It never forgets a UUID (no false negatives); about 1 % of new UUIDs are false positives and
/// cost that read. Layers double in size as the unit's history grows (a scalable Bloom filter),
/// so memory stays near 10 bits per stamp: 12.5 MB for ten million.
struct StampedUUIDFilter {
    private struct Layer {
        var words: [UInt64]
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            words = [UInt64](repeating: 0, count: (capacity * 10 + 63) / 64)
        }

        var bitCount: UInt64 { UInt64(words.count * 64) }
    }

    private static let probes: UInt64 = 7
    private var layers: [Layer]

    init(expected: Int = 0) {
        layers = [Layer(capacity: max(4_096, expected * 2))]
    }

    mutating func insert(_ uuid: String) {
        if layers[layers.count - 1].count >= layers[layers.count - 1].capacity {
            layers.append(Layer(capacity: layers[layers.count - 1].capacity * 2))
        }
        let (first, step) = Self.hashes(uuid)
        let last = layers.count - 1
        let bits = layers[last].bitCount
        for probe in 0..<Self.probes {
            let bit = (first &+ probe &* step) % bits
            layers[last].words[Int(bit / 64)] |= 1 << (bit % 64)
        }
        layers[last].count += 1
    }

    func mightContain(_ uuid: String) -> Bool {
        let (first, step) = Self.hashes(uuid)
        return layers.contains { layer in
            let bits = layer.bitCount
            for probe in 0..<Self.probes {
                let bit = (first &+ probe &* step) % bits
                if layer.words[Int(bit / 64)] & (1 << (bit % 64)) == 0 { return false }
            }
            return true
        }
    }

    /// Two 64-bit FNV-1a hashes of the UUID's bytes with different offset bases (the second
    /// odd, so the probe sequence never repeats a bit early).
    private static func hashes(_ uuid: String) -> (UInt64, UInt64) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in uuid.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        // Finalize each (murmur3's mixer), so similar UUIDs spread over the whole array.
        func mix(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x &*= 0xff51_afd7_ed55_8ccd
            x ^= x >> 33
            x &*= 0xc4ce_b9fe_1a85_ec53
            x ^= x >> 33
            return x
        }
        return (mix(first), mix(second) | 1)
    }
}
