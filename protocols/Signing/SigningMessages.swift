public import Foundation

/// Where a unit's certificate comes from and what it may sign.
public enum CertificateKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Self-signed, for development and tests; ZATCA does not accept it.
    case development
    /// The compliance CSID, for the onboarding checks.
    case compliance
    /// The production CSID.
    case production
}

/// ZATCA's environments; the CSR's template name depends on it.
public enum SigningEnvironment: String, Codable, Sendable, Hashable, CaseIterable {
    case sandbox, simulation, production
}

/// The subject and SAN fields ZATCA requires in an EGS unit's CSR.
public struct CSRFields: Codable, Sendable, Hashable {
    public var commonName: String
    public var organizationName: String
    public var organizationUnit: String
    /// `1-<solution>|2-<model>|3-<serial>`
    public var serialNumber: String
    /// The taxpayer's 15-digit VAT number (UID).
    public var vatNumber: String
    /// The invoice types the unit issues (title): `1100`, `1000` or `0100`.
    public var invoiceTypes: String
    public var registeredAddress: String
    public var businessCategory: String
    public var environment: SigningEnvironment

    public init(
        commonName: String, organizationName: String, organizationUnit: String, serialNumber: String, vatNumber: String,
        invoiceTypes: String, registeredAddress: String, businessCategory: String, environment: SigningEnvironment
    ) {
        self.commonName = commonName
        self.organizationName = organizationName
        self.organizationUnit = organizationUnit
        self.serialNumber = serialNumber
        self.vatNumber = vatNumber
        self.invoiceTypes = invoiceTypes
        self.registeredAddress = registeredAddress
        self.businessCategory = businessCategory
        self.environment = environment
    }
}

public struct CreateKeyRequest: Codable, Sendable {
    public var egsID: String
    public var csr: CSRFields
    /// Also install a self-signed development certificate, so the unit can stamp at once.
    public var selfSigned: Bool

    public init(egsID: String, csr: CSRFields, selfSigned: Bool = false) {
        self.egsID = egsID
        self.csr = csr
        self.selfSigned = selfSigned
    }
}

public struct CreateKeyResponse: Codable, Sendable {
    public var unit: SigningUnit
    /// The CSR in PEM, to send to ZATCA's compliance API (base64 of this text).
    public var csrPEM: String

    public init(unit: SigningUnit, csrPEM: String) {
        self.unit = unit
        self.csrPEM = csrPEM
    }
}

public struct UnitRequest: Codable, Sendable {
    public var egsID: String
    public init(egsID: String) { self.egsID = egsID }
}

public struct CSRResponse: Codable, Sendable {
    public var egsID: String
    public var csrPEM: String

    public init(egsID: String, csrPEM: String) {
        self.egsID = egsID
        self.csrPEM = csrPEM
    }
}

public struct InstallCertificateRequest: Codable, Sendable {
    public var egsID: String
    /// PEM, or base64 DER, or ZATCA's `binarySecurityToken` (base64 of the base64 DER).
    public var certificate: String
    public var kind: CertificateKind

    public init(egsID: String, certificate: String, kind: CertificateKind) {
        self.egsID = egsID
        self.certificate = certificate
        self.kind = kind
    }
}

/// A key and certificate from another solution, so a business moving to einvoice keeps its CSID.
public struct ImportKeyRequest: Codable, Sendable {
    public var egsID: String
    /// PEM (SEC1 or PKCS#8) or bare base64 DER.
    public var privateKey: String
    public var certificate: String
    public var kind: CertificateKind
    /// Where the unit's chain continues: the last ICV and invoice hash it issued, if any.
    public var lastICV: Int64?
    public var lastInvoiceHash: String?

    public init(egsID: String, privateKey: String, certificate: String, kind: CertificateKind, lastICV: Int64? = nil, lastInvoiceHash: String? = nil) {
        self.egsID = egsID
        self.privateKey = privateKey
        self.certificate = certificate
        self.kind = kind
        self.lastICV = lastICV
        self.lastInvoiceHash = lastInvoiceHash
    }
}

public struct ListUnitsRequest: Codable, Sendable {
    public init() {}
}

public struct ListUnitsResponse: Codable, Sendable {
    public var units: [SigningUnit]

    public init(units: [SigningUnit]) {
        self.units = units
    }
}

/// What the signing service knows about an EGS unit (never its key).
public struct SigningUnit: Codable, Sendable, Hashable {
    public var egsID: String
    public var createdAt: Date
    public var certificate: CertificateSummary?
    /// The last ICV stamped (0 before the first document) and its invoice hash (the genesis
    /// value before the first document).
    public var lastICV: Int64
    public var lastInvoiceHash: String

    public init(egsID: String, createdAt: Date, certificate: CertificateSummary? = nil, lastICV: Int64, lastInvoiceHash: String) {
        self.egsID = egsID
        self.createdAt = createdAt
        self.certificate = certificate
        self.lastICV = lastICV
        self.lastInvoiceHash = lastInvoiceHash
    }
}

public struct CertificateSummary: Codable, Sendable, Hashable {
    public var kind: CertificateKind
    public var subject: String
    public var issuer: String
    public var serialNumber: String
    public var notBefore: Date
    public var notAfter: Date
    /// The certificate, base64 DER.
    public var base64: String

    public init(kind: CertificateKind, subject: String, issuer: String, serialNumber: String, notBefore: Date, notAfter: Date, base64: String) {
        self.kind = kind
        self.subject = subject
        self.issuer = issuer
        self.serialNumber = serialNumber
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.base64 = base64
    }
}

public struct StampRequest: Codable, Sendable {
    public var egsID: String
    /// The UBL document, UTF-8. It may lack the stamp parts; any present are replaced.
    public var document: Data
    /// The signing time to record; now when absent.
    public var signingTime: Date?

    public init(egsID: String, document: Data, signingTime: Date? = nil) {
        self.egsID = egsID
        self.document = document
        self.signingTime = signingTime
    }
}

public struct StampResponse: Codable, Sendable {
    public var egsID: String
    /// The stamped document: store and send exactly these bytes.
    public var document: Data
    public var invoiceHash: String
    public var icv: Int64
    public var previousInvoiceHash: String
    /// Base64 of the QR TLV.
    public var qrCode: String
    public var signatureValue: String
    public var signingTime: String
    public var uuid: String
    /// True when this document (same unit and UUID, same content) was stamped before: the
    /// first stamp is returned again and the chain does not move.
    public var repeated: Bool

    public init(egsID: String, document: Data, invoiceHash: String, icv: Int64, previousInvoiceHash: String, qrCode: String, signatureValue: String, signingTime: String, uuid: String, repeated: Bool) {
        self.egsID = egsID
        self.document = document
        self.invoiceHash = invoiceHash
        self.icv = icv
        self.previousInvoiceHash = previousInvoiceHash
        self.qrCode = qrCode
        self.signatureValue = signatureValue
        self.signingTime = signingTime
        self.uuid = uuid
        self.repeated = repeated
    }
}

/// One item of a bulk stamp stream: the stamp, or why this document could not be stamped.
public struct BulkStampResponse: Codable, Sendable {
    public var sequence: Int64
    public var stamp: StampResponse?
    public var errorCode: Int?
    public var errorMessage: String?

    public init(sequence: Int64, stamp: StampResponse? = nil, errorCode: Int? = nil, errorMessage: String? = nil) {
        self.sequence = sequence
        self.stamp = stamp
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}

public struct BulkStampRequest: Codable, Sendable {
    /// Echoed in the response, to match them up.
    public var sequence: Int64
    public var request: StampRequest

    public init(sequence: Int64, request: StampRequest) {
        self.sequence = sequence
        self.request = request
    }
}

/// One message of the bulk stamp stream: up to ``maxItems`` documents. Several documents per
/// message share the per-message work (framing, decoding, a task hop) on both sides.
public struct BulkStampBatch: Codable, Sendable {
    public static let maxItems = 256
    public var items: [BulkStampRequest]

    public init(items: [BulkStampRequest]) {
        self.items = items
    }
}

/// The answers the service had ready when it wrote, each matched by its sequence number.
public struct BulkStampResults: Codable, Sendable {
    public var items: [BulkStampResponse]

    public init(items: [BulkStampResponse]) {
        self.items = items
    }
}

public struct VerifyRequest: Codable, Sendable {
    public var document: Data
    public var expectedPreviousInvoiceHash: String?

    public init(document: Data, expectedPreviousInvoiceHash: String? = nil) {
        self.document = document
        self.expectedPreviousInvoiceHash = expectedPreviousInvoiceHash
    }
}

public enum QRImageFormat: String, Codable, Sendable, CaseIterable {
    case png, svg
}

public struct QRImageRequest: Codable, Sendable {
    /// A stamped document whose QR to render.
    public var document: Data?
    /// Or the QR's base64 text itself.
    public var qrCode: String?
    public var format: QRImageFormat
    public var moduleSize: Int

    public init(document: Data? = nil, qrCode: String? = nil, format: QRImageFormat, moduleSize: Int = 4) {
        self.document = document
        self.qrCode = qrCode
        self.format = format
        self.moduleSize = moduleSize
    }
}

public struct QRImageResponse: Codable, Sendable {
    public var image: Data
    public var mimeType: String
    /// The TLV text the image encodes.
    public var qrCode: String

    public init(image: Data, mimeType: String, qrCode: String) {
        self.image = image
        self.mimeType = mimeType
        self.qrCode = qrCode
    }
}

public struct VerifyResponse: Codable, Sendable, Hashable {
    public struct Check: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var passed: Bool
        public var detail: String
        public var expected: String?
        public var found: String?

        public init(id: String, name: String, passed: Bool, detail: String, expected: String?, found: String?) {
            self.id = id
            self.name = name
            self.passed = passed
            self.detail = detail
            self.expected = expected
            self.found = found
        }
    }

    public var passed: Bool
    public var checks: [Check]
    public var facts: [String: String]

    public init(passed: Bool, checks: [Check], facts: [String: String]) {
        self.passed = passed
        self.checks = checks
        self.facts = facts
    }
}
