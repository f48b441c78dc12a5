/// Owns one OpenSSL object (`EVP_PKEY`, `X509`, `X509_REQ`, …) and frees it on deinit.
///
/// Use `withPointer` rather than keeping the raw pointer: it keeps the owner alive for the
/// whole call, which a bare property read does not guarantee under Swift's ARC.
final class OpenSSLHandle {
    private let pointer: OpaquePointer
    private let release: (OpaquePointer) -> Void

    /// Takes ownership of `pointer`; `release` is called exactly once, on deinit.
    init(taking pointer: OpaquePointer, release: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.release = release
    }

    deinit {
        release(pointer)
    }

    /// Lends the raw pointer to `body`; the object stays alive until `body` returns.
    func withPointer<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { withExtendedLifetime(self) {} }
        return try body(pointer)
    }
}
