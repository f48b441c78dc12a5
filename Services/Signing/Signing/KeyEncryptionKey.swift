import Foundation
import ServiceRuntime
import ZATCACrypto

/// The key that encrypts every unit key at rest (AES-256-GCM): 32 random bytes in a 0600 file in
/// the data directory, created on first start.
struct KeyEncryptionKey: Sendable {
    let bytes: [UInt8]

    static func loadOrCreate(at path: String) throws -> KeyEncryptionKey {
        do {
            return KeyEncryptionKey(bytes: try SecretFile.loadOrCreate(at: path, byteCount: 32, generate: KeyWrap.generateKey))
        } catch let failure as SecretFile.Failure {
            throw SigningError.storage(failure.description)
        }
    }

    func seal(_ key: SigningKey, unit: String) throws -> [UInt8] {
        try KeyWrap.seal(key.rawRepresentation, key: bytes, associatedData: Array("einvoice-unit-key:\(unit)".utf8))
    }

    func open(_ sealed: [UInt8], unit: String) throws -> SigningKey {
        try SigningKey(rawRepresentation: KeyWrap.open(sealed, key: bytes, associatedData: Array("einvoice-unit-key:\(unit)".utf8)))
    }
}
