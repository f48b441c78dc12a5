public import Foundation
public import InvoiceModel

/// ZATCA's environments; each has its own base URL and its own CSIDs.
public enum PlatformEnvironment: String, Codable, Sendable, Hashable, CaseIterable {
    /// The developer portal: ZATCA's shared test keys, anything goes.
    case sandbox
    /// ZATCA's simulation: real onboarding with a simulation OTP, nothing counts for tax.
    case simulation
    /// The live platform.
    case production
}

/// A seller registered for VAT: what goes into its invoices and its units' CSRs.
public struct Taxpayer: Codable, Sendable, Hashable {
    /// 15 digits, first and last `3`.
    public var vatNumber: String
    /// Legal name in Arabic (required) and English.
    public var nameAR: String
    public var nameEN: String?
    /// A VAT group: the VAT number's 11th digit is `1` and the group's 10-digit TIN goes in the
    /// CSR's organization unit.
    public var vatGroup: Bool
    public var groupTIN: String?
    /// The seller's other identifier (BT-29): CRN and its value, or MOM, MLS, 700, SAG, OTH.
    public var sellerID: DraftIdentifier
    /// National address: 4-digit building number, 5-digit postal code.
    public var address: PostalAddress
    public var vatRegistered: Bool
    /// The business category of its units' CSRs (`Retail`, `IT services`, …).
    public var industry: String?
    public var createdAt: Date?

    public init(
        vatNumber: String, nameAR: String, nameEN: String? = nil, vatGroup: Bool = false, groupTIN: String? = nil, sellerID: DraftIdentifier,
        address: PostalAddress, vatRegistered: Bool = true, industry: String? = nil, createdAt: Date? = nil
    ) {
        self.vatNumber = vatNumber
        self.nameAR = nameAR
        self.nameEN = nameEN
        self.vatGroup = vatGroup
        self.groupTIN = groupTIN
        self.sellerID = sellerID
        self.address = address
        self.vatRegistered = vatRegistered
        self.industry = industry
        self.createdAt = createdAt
    }
}

public struct TaxpayerReference: Codable, Sendable {
    public var vatNumber: String

    public init(vatNumber: String) {
        self.vatNumber = vatNumber
    }
}

public struct ListRequest: Codable, Sendable {
    /// Only this taxpayer's units or buyers.
    public var vatNumber: String?
    public var limit: Int?

    public init(vatNumber: String? = nil, limit: Int? = nil) {
        self.vatNumber = vatNumber
        self.limit = limit
    }
}

public struct TaxpayerList: Codable, Sendable {
    public var taxpayers: [Taxpayer]

    public init(taxpayers: [Taxpayer]) {
        self.taxpayers = taxpayers
    }
}

/// A new EGS unit (a device, a branch's system) of a taxpayer.
public struct AddUnitRequest: Codable, Sendable {
    /// einvoice's name for the unit: letters, digits, `.`, `_`, `-`.
    public var egsID: String
    public var vatNumber: String
    /// `1-<solution>|2-<model>|3-<serial>` (the CSR's SN).
    public var serial: String
    /// The unit's common name (CN), for example `POS-Riyadh-01`.
    public var name: String
    /// The branch (the CSR's OU; for a VAT group the group's TIN is used instead).
    public var branch: String
    /// The business category; the taxpayer's industry when absent.
    public var industry: String?
    /// `1100` (standard and simplified), `1000` (standard) or `0100` (simplified).
    public var invoiceTypes: String
    public var environment: PlatformEnvironment
    /// The unit's location (registeredAddress); the taxpayer's street and city when absent.
    public var location: String?

    public init(
        egsID: String, vatNumber: String, serial: String, name: String, branch: String, industry: String? = nil, invoiceTypes: String = "1100",
        environment: PlatformEnvironment = .simulation, location: String? = nil
    ) {
        self.egsID = egsID
        self.vatNumber = vatNumber
        self.serial = serial
        self.name = name
        self.branch = branch
        self.industry = industry
        self.invoiceTypes = invoiceTypes
        self.environment = environment
        self.location = location
    }
}

public struct UnitReference: Codable, Sendable {
    public var egsID: String

    public init(egsID: String) {
        self.egsID = egsID
    }
}

/// Where a unit stands on its way to a production CSID.
public enum OnboardingState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Registered here; no key yet.
    case registered
    /// Signing made its key and CSR; the compliance CSID needs an OTP.
    case keyCreated = "key-created"
    /// The compliance CSID is issued and installed in signing.
    case complianceCSID = "compliance-csid"
    /// Every compliance document the unit's invoice types need passed.
    case complianceChecked = "compliance-checked"
    /// The production CSID is issued; not yet installed in signing.
    case productionCSID = "production-csid"
    /// The production CSID is installed: the unit issues real invoices.
    case onboarded
}

/// One step of an onboarding, as it happened.
public struct OnboardingStep: Codable, Sendable, Hashable {
    public var step: String
    /// `done`, `failed` or `waiting`.
    public var outcome: String
    public var at: Date
    public var detail: String?

    public init(step: String, outcome: String, at: Date, detail: String? = nil) {
        self.step = step
        self.outcome = outcome
        self.at = at
        self.detail = detail
    }
}

/// An EGS unit and its onboarding.
public struct EGSUnit: Codable, Sendable, Hashable {
    public var egsID: String
    public var vatNumber: String
    public var serial: String
    public var name: String
    public var branch: String
    public var industry: String
    public var invoiceTypes: String
    public var environment: PlatformEnvironment
    public var location: String
    public var state: OnboardingState
    /// The last problem, when the onboarding is paused or failed; nil once it moves on.
    public var lastError: String?
    /// `compliance` or `production`, once a CSID is installed.
    public var certificateKind: String?
    public var certificateSerial: String?
    public var certificateExpiry: Date?
    /// The compliance documents passed so far (`standard-invoice`, `simplified-credit-note`, …) and those required.
    public var complianceChecks: [String]
    public var requiredChecks: [String]
    public var steps: [OnboardingStep]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        egsID: String, vatNumber: String, serial: String, name: String, branch: String, industry: String, invoiceTypes: String,
        environment: PlatformEnvironment, location: String, state: OnboardingState, lastError: String? = nil, certificateKind: String? = nil,
        certificateSerial: String? = nil, certificateExpiry: Date? = nil, complianceChecks: [String] = [], requiredChecks: [String] = [],
        steps: [OnboardingStep] = [], createdAt: Date, updatedAt: Date
    ) {
        self.egsID = egsID
        self.vatNumber = vatNumber
        self.serial = serial
        self.name = name
        self.branch = branch
        self.industry = industry
        self.invoiceTypes = invoiceTypes
        self.environment = environment
        self.location = location
        self.state = state
        self.lastError = lastError
        self.certificateKind = certificateKind
        self.certificateSerial = certificateSerial
        self.certificateExpiry = certificateExpiry
        self.complianceChecks = complianceChecks
        self.requiredChecks = requiredChecks
        self.steps = steps
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct UnitList: Codable, Sendable {
    public var units: [EGSUnit]

    public init(units: [EGSUnit]) {
        self.units = units
    }
}

/// Start or resume an onboarding (or a renewal).
public struct OnboardRequest: Codable, Sendable {
    public var egsID: String
    /// The one-time password from the Fatoora portal; needed to get a compliance CSID (and to
    /// renew), not to resume a later step. Never stored, never logged.
    public var otp: String?

    public init(egsID: String, otp: String? = nil) {
        self.egsID = egsID
        self.otp = otp
    }
}

/// A buyer of a taxpayer: who standard invoices are made out to and where they are sent.
public struct Buyer: Codable, Sendable, Hashable {
    /// einvoice's id (`B-…`), assigned when absent.
    public var id: String?
    /// The seller this buyer belongs to.
    public var sellerVAT: String
    public var name: String
    public var vatNumber: String?
    /// When the buyer has no VAT number: TIN, CRN, MOM, MLS, 700, SAG, NAT, GCC, IQA, PAS or OTH.
    public var otherID: DraftIdentifier?
    public var address: PostalAddress?
    public var email: String?
    public var phone: String?
    /// `ar` or `en`: the language of the e-mails the buyer gets.
    public var language: String
    public var createdAt: Date?

    public init(
        id: String? = nil, sellerVAT: String, name: String, vatNumber: String? = nil, otherID: DraftIdentifier? = nil, address: PostalAddress? = nil,
        email: String? = nil, phone: String? = nil, language: String = "ar", createdAt: Date? = nil
    ) {
        self.id = id
        self.sellerVAT = sellerVAT
        self.name = name
        self.vatNumber = vatNumber
        self.otherID = otherID
        self.address = address
        self.email = email
        self.phone = phone
        self.language = language
        self.createdAt = createdAt
    }
}

public struct BuyerReference: Codable, Sendable {
    /// The buyer's id, or its VAT number.
    public var reference: String

    public init(reference: String) {
        self.reference = reference
    }
}

public struct BuyerList: Codable, Sendable {
    public var buyers: [Buyer]

    public init(buyers: [Buyer]) {
        self.buyers = buyers
    }
}

/// Where a unit submits and with which CSID. Only for the services on this host (the socket is
/// permission-checked); the secret is never logged.
public struct PlatformAccess: Codable, Sendable, Hashable {
    public var egsID: String
    public var environment: PlatformEnvironment
    public var baseURL: String
    public var token: String
    public var secret: String

    public init(egsID: String, environment: PlatformEnvironment, baseURL: String, token: String, secret: String) {
        self.egsID = egsID
        self.environment = environment
        self.baseURL = baseURL
        self.token = token
        self.secret = secret
    }
}

extension PlatformAccess: CustomStringConvertible {
    /// Without the secret.
    public var description: String { "PlatformAccess(\(egsID), \(environment.rawValue), \(baseURL))" }
}
