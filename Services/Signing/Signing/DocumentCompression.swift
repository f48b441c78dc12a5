import CLZ4
import Foundation
import ZATCACrypto

/// LZ4 block compression for stored documents, primed with a dictionary.
///
/// Alone, LZ4 shrinks a compact stamped invoice (7 KB) to about 2.8 KB in roughly 10 µs; zlib
/// would take six times as long for 25 % less. A unit's invoices share most of their text (the
/// namespaces, the seller, the layout), so each is compressed against a dictionary: the unit's
/// first compact document. The next ones then take a few hundred bytes, which is what
/// decides how many pages the signing database writes per stamp.
enum DocumentCompression {
    /// The largest dictionary kept (LZ4 looks back at most 64 KB).
    static let maxDictionarySize = 32 << 10

    static func compress(_ bytes: [UInt8], dictionary: DocumentDictionary? = nil) -> [UInt8] {
        let bound = Int(LZ4_compressBound(Int32(bytes.count)))
        return [UInt8](unsafeUninitializedCapacity: max(bound, 1)) { output, count in
            let destination = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
            count = bytes.withUnsafeBytes { input in
                let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
                guard let dictionary else {
                    return Int(LZ4_compress_default(source, destination, Int32(bytes.count), Int32(bound)))
                }
                return dictionary.loaded.withStream { stream in
                    Int(LZ4_compress_fast_continue(stream, source, destination, Int32(bytes.count), Int32(bound), 1))
                }
            }
        }
    }

    /// The original bytes, or nil when `compressed` is not an LZ4 block of exactly `size` bytes
    /// (with this dictionary).
    static func decompress(_ compressed: [UInt8], size: Int, dictionary: [UInt8]? = nil) -> [UInt8]? {
        guard size >= 0, size <= 64 << 20 else { return nil }
        var produced = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { output, count in
            let destination = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
            produced = compressed.withUnsafeBytes { input in
                let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
                guard let dictionary else {
                    return Int(LZ4_decompress_safe(source, destination, Int32(compressed.count), Int32(size)))
                }
                return dictionary.withUnsafeBytes { dictionaryBytes in
                    Int(LZ4_decompress_safe_usingDict(
                        source, destination, Int32(compressed.count), Int32(size),
                        dictionaryBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionaryBytes.count)
                    ))
                }
            }
            count = max(produced, 0)
        }
        return produced == size ? bytes : nil
    }
}

/// A unit's compression dictionary: the start of its first compact document, stored once in
/// the `dictionary` table under its SHA-256 (hex).
struct DocumentDictionary: Sendable {
    let digest: String
    let bytes: [UInt8]
    /// The dictionary as LZ4 has read it, for compressing against it.
    let loaded: LoadedLZ4Dictionary

    init(bytes: [UInt8]) {
        self.bytes = bytes
        digest = SHA256Digest.hash(bytes).map { String(format: "%02x", $0) }.joined()
        loaded = LoadedLZ4Dictionary(bytes)
    }

    /// A dictionary from a document: its first ``DocumentCompression/maxDictionarySize`` bytes.
    init(document: [UInt8]) {
        self.init(bytes: Array(document.prefix(DocumentCompression.maxDictionarySize)))
    }
}

/// A dictionary LZ4 has read once (`LZ4_loadDict` hashes all of it: a few microseconds for a
/// 7 KB document, as long as the compression itself). Each compression starts from a copy of
/// that state, the way lz4.h describes for a dictionary used many times.
final class LoadedLZ4Dictionary: Sendable {
    /// The dictionary's bytes at an address that does not move: LZ4's state points into them.
    private nonisolated(unsafe) let bytes: UnsafeMutableRawBufferPointer
    /// Read-only once made: each compression copies it.
    private nonisolated(unsafe) let state: UnsafeMutablePointer<LZ4_stream_t>

    init(_ dictionary: [UInt8]) {
        bytes = .allocate(byteCount: max(dictionary.count, 1), alignment: 16)
        bytes.copyBytes(from: dictionary)
        state = .allocate(capacity: 1)
        LZ4_initStream(state, MemoryLayout<LZ4_stream_t>.size)
        LZ4_loadDict(state, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionary.count))
    }

    deinit {
        state.deallocate()
        bytes.deallocate()
    }

    /// Calls `body` with a stream primed with the dictionary, its own for the call.
    func withStream<Result>(_ body: (UnsafeMutablePointer<LZ4_stream_t>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: LZ4_stream_t.self, capacity: 1) { stream in
            let working = stream.baseAddress!
            working.initialize(from: state, count: 1)
            return body(working)
        }
    }
}
