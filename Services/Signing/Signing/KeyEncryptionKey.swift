import Foundation
import ZATCACrypto

#if canImport(Glibc)
import Glibc
#endif

/// The key that encrypts every unit key at rest (AES-256-GCM): 32 random bytes in a 0600 file in
/// the data directory, created on first start.
struct KeyEncryptionKey: Sendable {
    let bytes: [UInt8]

    static func loadOrCreate(at path: String) throws -> KeyEncryptionKey {
        if FileManager.default.fileExists(atPath: path) {
            var info = stat()
            guard stat(path, &info) == 0 else { throw SigningError.storage("cannot read \(path)") }
            guard info.st_mode & 0o077 == 0 else {
                throw SigningError.storage("\(path) is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count == 32 else { throw SigningError.storage("\(path) is not a 32-byte key") }
            return KeyEncryptionKey(bytes: Array(data))
        }
        let bytes = KeyWrap.generateKey()
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SigningError.storage("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw SigningError.storage("cannot write \(path)") }
        return KeyEncryptionKey(bytes: bytes)
    }

    func seal(_ key: SigningKey, unit: String) throws -> [UInt8] {
        try KeyWrap.seal(key.rawRepresentation, key: bytes, associatedData: Array("einvoice-unit-key:\(unit)".utf8))
    }

    func open(_ sealed: [UInt8], unit: String) throws -> SigningKey {
        try SigningKey(rawRepresentation: KeyWrap.open(sealed, key: bytes, associatedData: Array("einvoice-unit-key:\(unit)".utf8)))
    }
}
