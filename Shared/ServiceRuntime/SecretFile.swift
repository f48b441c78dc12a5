import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A service's secret key in a 0600 file of its data directory, created on first start: the
/// key-encryption key of signing's unit keys, of registration's CSID secrets.
public enum SecretFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads the key at `path`, or creates it with `generate()`. Refuses a file others can read
    /// or one of the wrong size.
    public static func loadOrCreate(at path: String, byteCount: Int, generate: () -> [UInt8]) throws -> [UInt8] {
        if FileManager.default.fileExists(atPath: path) {
            var info = stat()
            guard stat(path, &info) == 0 else { throw Failure(description: "cannot read \(path)") }
            guard info.st_mode & 0o077 == 0 else {
                throw Failure(description: "\(path) is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count == byteCount else { throw Failure(description: "\(path) is not a \(byteCount)-byte key") }
            return Array(data)
        }
        let bytes = generate()
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw Failure(description: "cannot write \(path)") }
        return bytes
    }
}
