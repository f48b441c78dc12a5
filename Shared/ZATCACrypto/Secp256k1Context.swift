import CSecp256k1

/// The one libsecp256k1 context this module uses, created and randomized once per process.
///
/// This is the module's only global state. It is safe to share across threads because
/// libsecp256k1 only mutates a context in `secp256k1_context_randomize` (and in the callback
/// setters, which are never called here); both happen inside `init`, which Swift runs exactly
/// once, thread-safely, for a `static let`. After that every operation used here
/// (`secp256k1_ecdsa_sign`, `_verify`, `_ec_pubkey_create`, parsing and serialization) takes a
/// `const secp256k1_context *` and is documented as safe for concurrent use.
/// The context is never destroyed; it lives as long as the process.
final class Secp256k1Context: @unchecked Sendable {
    /// The shared, randomized context.
    static let shared = Secp256k1Context()

    /// The raw `secp256k1_context *`.
    let pointer: OpaquePointer

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            // libsecp256k1 only fails here when it cannot allocate a few hundred bytes.
            fatalError("secp256k1_context_create failed")
        }
        // Randomization blinds the signing computations against side channels; it does not
        // affect results. If the random generator fails the context stays usable, unblinded.
        if var seed = try? SecureRandom.bytes(32) {
            _ = secp256k1_context_randomize(context, seed)
            seed.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        pointer = context
    }
}
