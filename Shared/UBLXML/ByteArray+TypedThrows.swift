extension Array where Element == UInt8 {
    /// `withUnsafeBytes` that keeps the body's typed error.
    public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws(XMLStampError) -> T) throws(XMLStampError) -> T {
        let result = withUnsafeBytes { raw in
            Result { () throws(XMLStampError) in try body(raw) }
        }
        return try result.get()
    }
}
