import Foundation

/// Reads a document into a tree of ``XMLSpan``s: the ``XMLIndex`` scan, with each element's
/// names as strings (each distinct name made once per document) and its children as arrays.
///
/// It refuses what einvoice never accepts (a DOCTYPE, and with it entity declarations) and
/// anything malformed, without ever expanding or fetching anything. It does not check
/// everything a full parser does; documents that matter are also parsed by libxml2.
public enum XMLSpanScanner {
    public static let maxDepth = XMLIndex.maxDepth

    /// The root element's span.
    public static func scan(_ bytes: UnsafeRawBufferPointer) throws(XMLStampError) -> XMLSpan {
        let index = try XMLIndex(bytes)
        var names = NameTable(bytes: bytes)
        func span(_ element: Int) -> XMLSpan {
            let node = index.elements[element]
            let (name, localName) = names.intern(node)
            var children: [XMLSpan] = []
            var child = node.firstChild
            while child >= 0 {
                children.append(span(Int(child)))
                child = index.elements[Int(child)].nextSibling
            }
            return XMLSpan(
                name: name, localName: localName, start: Int(node.start), startTagEnd: Int(node.startTagEnd),
                contentEnd: Int(node.contentEnd), end: Int(node.end), children: children
            )
        }
        return span(0)
    }

    /// Names seen so far, so each distinct name becomes a String once per document: an
    /// open-addressing table of indices into `names`.
    private struct NameTable {
        let bytes: UnsafeRawBufferPointer
        private var names: [(hash: UInt32, start: Int, count: Int, name: String, localName: String)] = []
        private var slots = [Int32](repeating: -1, count: 512)

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        /// The (qualified, local) name of `element`, interned.
        mutating func intern(_ element: XMLIndex.Element) -> (String, String) {
            let range = element.nameRange
            var hash: UInt32 = 2_166_136_261
            for i in range { hash = (hash ^ UInt32(bytes[i])) &* 16_777_619 }
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while slots[slot] >= 0 {
                let candidate = names[Int(slots[slot])]
                if candidate.hash == hash, candidate.count == range.count,
                    memcmp(bytes.baseAddress! + candidate.start, bytes.baseAddress! + range.lowerBound, range.count) == 0
                {
                    return (candidate.name, candidate.localName)
                }
                slot = (slot + 1) & mask
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            let local = element.localNameRange
            let localName = local.count == range.count ? name : String(decoding: UnsafeRawBufferPointer(rebasing: bytes[local]), as: UTF8.self)
            if names.count < slots.count / 2 {
                slots[slot] = Int32(names.count)
                names.append((hash, range.lowerBound, range.count, name, localName))
            }
            return (name, localName)
        }
    }
}
