import Foundation
public import GRPCCore
import InvoiceModel
import Logging
public import RegistrationContract
import ZATCACrypto

/// The registration RPCs: taxpayers, units, buyers, onboarding and renewal.
public struct RegistrationHandler: Registration.ServiceProtocol {
    let store: RegistrationStore
    let onboarder: Onboarder
    let logger: Logger
    let clock: @Sendable () -> Date

    // MARK: Taxpayers

    public func addTaxpayer(_ request: Taxpayer, context: ServerContext) async throws -> Taxpayer {
        var taxpayer = Self.trimmed(request)
        let problems = RegistrationRules.check(taxpayer)
        guard problems.isEmpty else { throw RegistrationError.invalid(problems) }
        taxpayer.createdAt = clock()
        guard try await store.insert(taxpayer) else {
            if let existing = try await store.taxpayer(taxpayer.vatNumber), Self.same(existing, taxpayer) { return existing }
            throw RegistrationError.exists("Taxpayer \(taxpayer.vatNumber) is already registered with other details (einvoice taxpayer show \(taxpayer.vatNumber)).")
        }
        logger.info("taxpayer.added", metadata: ["vat": "\(taxpayer.vatNumber)"])
        return taxpayer
    }

    public func getTaxpayer(_ request: TaxpayerReference, context: ServerContext) async throws -> Taxpayer {
        guard let taxpayer = try await store.taxpayer(request.vatNumber) else { throw RegistrationError.notFound("No taxpayer \(request.vatNumber).") }
        return taxpayer
    }

    public func listTaxpayers(_ request: ListRequest, context: ServerContext) async throws -> TaxpayerList {
        TaxpayerList(taxpayers: try await store.taxpayers(limit: min(max(request.limit ?? 500, 1), 10_000)))
    }

    // MARK: Units

    public func addUnit(_ request: AddUnitRequest, context: ServerContext) async throws -> EGSUnit {
        var request = request
        request.egsID = request.egsID.trimmingCharacters(in: .whitespaces)
        request.vatNumber = request.vatNumber.trimmingCharacters(in: .whitespaces)
        let taxpayer = RegistrationRules.vatNumber(request.vatNumber, field: "vatNumber").isEmpty ? try await store.taxpayer(request.vatNumber) : nil
        let industry = request.industry ?? taxpayer?.industry ?? "General"
        let location = request.location ?? taxpayer.map { [$0.address.street, $0.address.city].compactMap { $0 }.joined(separator: ", ") } ?? ""
        var csr: [String: String] = ["name": request.name, "branch": request.branch, "serial": request.serial, "industry": industry, "location": location]
        if let taxpayer { csr["taxpayer.name"] = taxpayer.nameEN ?? taxpayer.nameAR }
        let problems = RegistrationRules.check(request, taxpayer: taxpayer, csr: csr)
        guard problems.isEmpty else { throw RegistrationError.invalid(problems) }
        let now = clock()
        let row = RegistrationStore.UnitRow(request: request, industry: industry, location: location, state: .registered, createdAt: now, updatedAt: now)
        guard try await store.insert(row) else {
            if let existing = try await store.unit(request.egsID), existing.request.vatNumber == request.vatNumber, existing.request.serial == request.serial {
                return try await unit(existing)
            }
            throw RegistrationError.exists("EGS unit '\(request.egsID)' is already registered with other details (einvoice egs show \(request.egsID)).")
        }
        logger.info("unit.added", metadata: ["egs.id": "\(request.egsID)", "vat": "\(request.vatNumber)"])
        return try await unit(row)
    }

    public func getUnit(_ request: UnitReference, context: ServerContext) async throws -> EGSUnit {
        guard let row = try await store.unit(request.egsID) else { throw RegistrationError.notFound("No EGS unit '\(request.egsID)'.") }
        return try await unit(row)
    }

    public func listUnits(_ request: ListRequest, context: ServerContext) async throws -> UnitList {
        var units: [EGSUnit] = []
        for row in try await store.units(vatNumber: request.vatNumber, limit: min(max(request.limit ?? 500, 1), 10_000)) {
            units.append(try await unit(row, withSteps: false))
        }
        return UnitList(units: units)
    }

    public func onboard(_ request: OnboardRequest, context: ServerContext) async throws -> EGSUnit {
        if let otp = request.otp, !(otp.count == 6 && otp.allSatisfy(\.isASCIIDigit)) {
            throw RegistrationError.invalid([RegistrationProblem(field: "otp", rule: "REG-OTP-01", message: "the OTP from the Fatoora portal is 6 digits")])
        }
        return try await unit(try await onboarder.onboard(request.egsID, otp: request.otp))
    }

    public func renew(_ request: OnboardRequest, context: ServerContext) async throws -> EGSUnit {
        guard let otp = request.otp, otp.count == 6, otp.allSatisfy(\.isASCIIDigit) else {
            throw RegistrationError.invalid([RegistrationProblem(field: "otp", rule: "REG-OTP-01", message: "renewal needs the 6-digit OTP from the Fatoora portal")])
        }
        return try await unit(try await onboarder.renew(request.egsID, otp: otp))
    }

    public func platformAccess(_ request: UnitReference, context: ServerContext) async throws -> PlatformAccess {
        try await onboarder.access(request.egsID)
    }

    // MARK: Buyers

    public func addBuyer(_ request: Buyer, context: ServerContext) async throws -> Buyer {
        var buyer = request
        buyer.name = buyer.name.trimmingCharacters(in: .whitespacesAndNewlines)
        buyer.email = buyer.email?.trimmingCharacters(in: .whitespaces)
        let problems = RegistrationRules.check(buyer)
        guard problems.isEmpty else { throw RegistrationError.invalid(problems) }
        guard try await store.taxpayer(buyer.sellerVAT) != nil else {
            throw RegistrationError.invalid([RegistrationProblem(field: "sellerVAT", rule: "REG-VAT-01", message: "no taxpayer \(buyer.sellerVAT) is registered")])
        }
        buyer.id = buyer.id ?? "B-" + UUID().uuidString.prefix(8)
        buyer.createdAt = clock()
        let (stored, inserted) = try await store.insert(buyer)
        if inserted { logger.info("buyer.added", metadata: ["buyer.id": "\(stored.id ?? "")", "seller.vat": "\(stored.sellerVAT)"]) }
        return stored
    }

    public func getBuyer(_ request: BuyerReference, context: ServerContext) async throws -> Buyer {
        guard let buyer = try await store.buyer(request.reference) else { throw RegistrationError.notFound("No buyer '\(request.reference)'.") }
        return buyer
    }

    public func listBuyers(_ request: ListRequest, context: ServerContext) async throws -> BuyerList {
        BuyerList(buyers: try await store.buyers(sellerVAT: request.vatNumber, limit: min(max(request.limit ?? 500, 1), 10_000)))
    }

    // MARK: Helpers

    func unit(_ row: RegistrationStore.UnitRow, withSteps: Bool = true) async throws -> EGSUnit {
        let passed = try await store.complianceDocuments(row.request.egsID).filter(\.passed).map(\.name)
        let certificateKind = row.certificateKind ?? ([.complianceCSID, .complianceChecked, .productionCSID].contains(row.state) ? "compliance" : nil)
        let compliance = complianceCertificate(row)
        return EGSUnit(
            egsID: row.request.egsID, vatNumber: row.request.vatNumber, serial: row.request.serial, name: row.request.name, branch: row.request.branch,
            industry: row.industry, invoiceTypes: row.request.invoiceTypes, environment: row.request.environment, location: row.location, state: row.state,
            lastError: row.lastError, certificateKind: certificateKind, certificateSerial: row.certificateSerial ?? compliance?.serialNumberDecimal,
            certificateExpiry: row.certificateExpiry ?? compliance?.notAfter, complianceChecks: ComplianceDocuments.required(invoiceTypes: row.request.invoiceTypes).filter(passed.contains),
            requiredChecks: ComplianceDocuments.required(invoiceTypes: row.request.invoiceTypes), steps: withSteps ? try await store.steps(row.request.egsID) : [],
            createdAt: row.createdAt, updatedAt: row.updatedAt
        )
    }

    /// The compliance certificate while the unit has no production one.
    private func complianceCertificate(_ row: RegistrationStore.UnitRow) -> X509Certificate? {
        guard row.certificateKind == nil, let token = row.complianceToken else { return nil }
        return try? X509Certificate(binarySecurityToken: token)
    }

    static func trimmed(_ taxpayer: Taxpayer) -> Taxpayer {
        var copy = taxpayer
        copy.vatNumber = copy.vatNumber.trimmingCharacters(in: .whitespaces)
        copy.nameAR = copy.nameAR.trimmingCharacters(in: .whitespacesAndNewlines)
        copy.nameEN = copy.nameEN?.trimmingCharacters(in: .whitespacesAndNewlines)
        return copy
    }

    static func same(_ a: Taxpayer, _ b: Taxpayer) -> Bool {
        var left = a
        var right = b
        left.createdAt = nil
        right.createdAt = nil
        return left == right
    }
}
