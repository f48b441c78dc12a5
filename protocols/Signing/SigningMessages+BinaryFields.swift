public import BinaryCoding
public import Foundation

// Hand-written binary forms of the stamp messages, which carry whole documents at thousands a
// second: the same bytes as their `Codable` conformances (declaration order, absent optionals
// left out), without the generic encoder's cost. `BinaryFieldsTests` holds them to that.

extension StampRequest: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.string("egsID", egsID)
        writer.bytes("document", document)
        writer.dateIfPresent("signingTime", signingTime)
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var egsID: String?
        var document: Data?
        var signingTime: Date?
        var seenSigningTime = false
        while try reader.next() {
            if reader.is("egsID") {
                try Self.once(&egsID, try reader.string())
            } else if reader.is("document") {
                try Self.once(&document, try reader.bytes())
            } else if reader.is("signingTime") {
                // A key that comes twice is left to `Decodable`, a nil one included.
                guard !seenSigningTime else { throw BinaryFieldsMismatch() }
                seenSigningTime = true
                if !reader.isNull { signingTime = try reader.date() }
            }
        }
        guard let egsID, let document else { throw BinaryFieldsMismatch() }
        self.init(egsID: egsID, document: document, signingTime: signingTime)
    }
}

extension StampResponse: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.string("egsID", egsID)
        writer.bytes("document", document)
        writer.string("invoiceHash", invoiceHash)
        writer.int64("icv", icv)
        writer.string("previousInvoiceHash", previousInvoiceHash)
        writer.string("qrCode", qrCode)
        writer.string("signatureValue", signatureValue)
        writer.string("signingTime", signingTime)
        writer.string("uuid", uuid)
        writer.bool("repeated", repeated)
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var egsID, invoiceHash, previousInvoiceHash, qrCode, signatureValue, signingTime, uuid: String?
        var document: Data?
        var icv: Int64?
        var repeated: Bool?
        while try reader.next() {
            if reader.is("egsID") {
                try Self.once(&egsID, try reader.string())
            } else if reader.is("document") {
                try Self.once(&document, try reader.bytes())
            } else if reader.is("invoiceHash") {
                try Self.once(&invoiceHash, try reader.string())
            } else if reader.is("icv") {
                try Self.once(&icv, try reader.int64())
            } else if reader.is("previousInvoiceHash") {
                try Self.once(&previousInvoiceHash, try reader.string())
            } else if reader.is("qrCode") {
                try Self.once(&qrCode, try reader.string())
            } else if reader.is("signatureValue") {
                try Self.once(&signatureValue, try reader.string())
            } else if reader.is("signingTime") {
                try Self.once(&signingTime, try reader.string())
            } else if reader.is("uuid") {
                try Self.once(&uuid, try reader.string())
            } else if reader.is("repeated") {
                try Self.once(&repeated, try reader.bool())
            }
        }
        guard let egsID, let document, let invoiceHash, let icv, let previousInvoiceHash, let qrCode, let signatureValue, let signingTime, let uuid,
            let repeated
        else { throw BinaryFieldsMismatch() }
        self.init(
            egsID: egsID, document: document, invoiceHash: invoiceHash, icv: icv, previousInvoiceHash: previousInvoiceHash, qrCode: qrCode,
            signatureValue: signatureValue, signingTime: signingTime, uuid: uuid, repeated: repeated
        )
    }
}

extension BulkStampRequest: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.int64("sequence", sequence)
        writer.map("request") { request.encodeFields(to: &$0) }
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var sequence: Int64?
        var request: StampRequest?
        while try reader.next() {
            if reader.is("sequence") {
                try Self.once(&sequence, try reader.int64())
            } else if reader.is("request") {
                try Self.once(&request, try reader.map(StampRequest.self))
            }
        }
        guard let sequence, let request else { throw BinaryFieldsMismatch() }
        self.init(sequence: sequence, request: request)
    }
}

extension BulkStampResponse: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.int64("sequence", sequence)
        writer.mapIfPresent("stamp", stamp) { $1.encodeFields(to: &$0) }
        writer.intIfPresent("errorCode", errorCode)
        writer.stringIfPresent("errorMessage", errorMessage)
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var sequence: Int64?
        var stamp: StampResponse?
        var errorCode: Int?
        var errorMessage: String?
        var seen = (stamp: false, errorCode: false, errorMessage: false)
        while try reader.next() {
            if reader.is("sequence") {
                try Self.once(&sequence, try reader.int64())
            } else if reader.is("stamp") {
                guard !seen.stamp else { throw BinaryFieldsMismatch() }
                seen.stamp = true
                if !reader.isNull { stamp = try reader.map(StampResponse.self) }
            } else if reader.is("errorCode") {
                guard !seen.errorCode else { throw BinaryFieldsMismatch() }
                seen.errorCode = true
                if !reader.isNull { errorCode = try reader.int() }
            } else if reader.is("errorMessage") {
                guard !seen.errorMessage else { throw BinaryFieldsMismatch() }
                seen.errorMessage = true
                if !reader.isNull { errorMessage = try reader.string() }
            }
        }
        guard let sequence else { throw BinaryFieldsMismatch() }
        self.init(sequence: sequence, stamp: stamp, errorCode: errorCode, errorMessage: errorMessage)
    }
}

extension BulkStampBatch: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.array("items", items) { $1.encodeFields(to: &$0) }
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var items: [BulkStampRequest]?
        while try reader.next() {
            if reader.is("items") { try Self.once(&items, try reader.array(of: BulkStampRequest.self)) }
        }
        guard let items else { throw BinaryFieldsMismatch() }
        self.init(items: items)
    }
}

extension BulkStampResults: BinaryFieldsEncodable, BinaryFieldsDecodable {
    public func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.array("items", items) { $1.encodeFields(to: &$0) }
    }

    public init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var items: [BulkStampResponse]?
        while try reader.next() {
            if reader.is("items") { try Self.once(&items, try reader.array(of: BulkStampResponse.self)) }
        }
        guard let items else { throw BinaryFieldsMismatch() }
        self.init(items: items)
    }
}

extension BinaryFieldsDecodable {
    /// Sets a field read from the message; a key that comes twice is left to `Decodable`.
    static func once<Value>(_ field: inout Value?, _ value: Value) throws(BinaryFieldsMismatch) {
        guard field == nil else { throw BinaryFieldsMismatch() }
        field = value
    }
}
