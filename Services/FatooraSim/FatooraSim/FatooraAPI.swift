import Foundation
import InvoiceModel
import InvoiceRules
import ZATCACrypto
import ZATCAStamp

/// The platform's answers: the paths, headers, JSON shapes and status codes of ZATCA's Fatoora
/// API (compliance and production CSIDs, compliance checks, reporting, clearance), judged for
/// real: hash, signature, QR, certificate (issued here, VAT number and invoice types), the PIH
/// against what the unit sent before, and ZATCA's business rules.
struct FatooraAPI: Sendable {
    let state: SimulatorState
    /// UBL-Invoice-2.1.xsd, when it is available: submissions are then checked against it.
    var schemaPath: String?
    /// The OTP the simulator accepts (ZATCA's sandbox uses a fixed one too).
    static let acceptedOTPs: Set<String> = ["123345", "123456"]
    static let maxBody = 10 << 20
    static let genesisPIH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ=="

    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// Routes by the path's ending, so any base (`/e-invoicing/simulation/…`, `/e-invoicing/core/…`) works.
    func handle(method: String, path: String, headers: [String: String], body: Data) -> Response {
        let route = path.split(separator: "?").first.map(String.init) ?? path
        guard body.count <= Self.maxBody else { return Self.error(413, "Request-Too-Large", "The request is \(body.count) bytes.") }
        do {
            switch (method, route) {
            case ("POST", let route) where route.hasSuffix("/compliance/invoices"): return try submission(.compliance, headers: headers, body: body)
            case ("POST", let route) where route.hasSuffix("/compliance"): return try complianceCSID(headers: headers, body: body)
            case ("POST", let route) where route.hasSuffix("/production/csids"): return try productionCSID(headers: headers, body: body)
            case ("PATCH", let route) where route.hasSuffix("/production/csids"): return try renewal(headers: headers, body: body)
            case ("POST", let route) where route.hasSuffix("/invoices/reporting/single"): return try submission(.reporting, headers: headers, body: body)
            case ("POST", let route) where route.hasSuffix("/invoices/clearance/single"): return try submission(.clearance, headers: headers, body: body)
            default: return Self.error(404, "Not-Found", "No \(method) \(route) on this platform.")
            }
        } catch {
            return Self.error(500, "Internal-Error", "\(error)")
        }
    }

    // MARK: CSIDs

    private func complianceCSID(headers: [String: String], body: Data) throws -> Response {
        guard let otp = headers["otp"], Self.acceptedOTPs.contains(otp) else {
            return Self.error(400, "Invalid-OTP", "The OTP is missing, wrong or expired; request a new one from the Fatoora portal.")
        }
        guard let csr = Self.csr(body) else { return Self.error(400, "Invalid-CSR", "The body must be {\"csr\": base64 of the PEM CSR}.") }
        do {
            let csid = try state.issue(csrPEM: csr, kind: "compliance", complianceRequestID: nil, days: 365)
            return Self.csidResponse(csid)
        } catch {
            return Self.error(400, "Invalid-CSR", "The CSR is not valid: \(error)")
        }
    }

    private func productionCSID(headers: [String: String], body: Data) throws -> Response {
        guard let compliance = try state.csid(authorization: headers["authorization"]), compliance.kind == "compliance" else {
            return Self.unauthorized()
        }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let requested = (object?["compliance_request_id"]).map { "\($0)" }
        guard requested == compliance.requestID else {
            return Self.error(400, "Invalid-Request", "compliance_request_id must be the requestID of the compliance CSID used to authenticate.")
        }
        let required = Self.requiredSteps(invoiceTypes: compliance.certificate.subjectAlternativeDirectoryName["title"] ?? "1100")
        let missing = required.subtracting(try state.complianceSteps(compliance.requestID))
        guard missing.isEmpty else {
            return Self.error(400, "Missing-ComplianceSteps", "Missing compliance steps: [\(missing.sorted().joined(separator: ","))]")
        }
        guard let csr = try state.csr(requestID: compliance.requestID) else { return Self.error(400, "Invalid-Request", "Unknown compliance request.") }
        return Self.csidResponse(try state.issue(csrPEM: csr, kind: "production", complianceRequestID: compliance.requestID, days: 365))
    }

    private func renewal(headers: [String: String], body: Data) throws -> Response {
        guard let current = try state.csid(authorization: headers["authorization"]), current.kind == "production" else { return Self.unauthorized() }
        guard let otp = headers["otp"], Self.acceptedOTPs.contains(otp) else { return Self.error(400, "Invalid-OTP", "The OTP is missing, wrong or expired.") }
        guard let csr = Self.csr(body) else { return Self.error(400, "Invalid-CSR", "The body must be {\"csr\": base64 of the PEM CSR}.") }
        do {
            return Self.csidResponse(try state.issue(csrPEM: csr, kind: "production", complianceRequestID: current.complianceRequestID, days: 365))
        } catch {
            return Self.error(400, "Invalid-CSR", "The CSR is not valid: \(error)")
        }
    }

    /// The compliance documents a unit's invoice types (`1100`, `1000`, `0100`) require.
    static func requiredSteps(invoiceTypes: String) -> Set<String> {
        let flags = Array(invoiceTypes)
        var steps: Set<String> = []
        for (index, subtype) in ["standard", "simplified"].enumerated() where flags.count > index && flags[index] == "1" {
            for kind in ["invoice", "credit-note", "debit-note"] { steps.insert("\(subtype)-\(kind)") }
        }
        return steps
    }

    // MARK: Submissions

    enum Endpoint: String, Sendable {
        case compliance, reporting, clearance
    }

    private func submission(_ endpoint: Endpoint, headers: [String: String], body: Data) throws -> Response {
        guard let csid = try state.csid(authorization: headers["authorization"]) else { return Self.unauthorized() }
        guard (endpoint == .compliance) == (csid.kind == "compliance") else {
            return Self.error(401, "Unauthorized", endpoint == .compliance ? "Compliance checks need the compliance CSID." : "Reporting and clearance need the production CSID.")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let claimedHash = object["invoiceHash"] as? String,
            let uuid = object["uuid"] as? String, let encoded = object["invoice"] as? String, let xml = Data(base64Encoded: encoded)
        else {
            return Self.error(400, "Invalid-Request", "The body must be {\"invoiceHash\", \"uuid\", \"invoice\": base64 of the XML}.")
        }
        if endpoint == .clearance, headers["clearance-status"] == "0" {
            return Self.json(303, ["message": "Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead."])
        }
        let bytes = Array(xml)
        let read: InvoiceReader.Result
        do {
            read = try InvoiceReader.read(bytes)
        } catch {
            return Self.validation(endpoint, standard: endpoint == .clearance, errors: [Self.message("XSD_ZATCA_INVALID", "XSD", "\(error)")], warnings: [], cleared: nil)
        }
        let invoice = read.invoice
        let standard = invoice.isStandard
        if endpoint == .reporting, standard {
            return Self.validation(endpoint, standard: true, errors: [Self.message("invalid-invoice-type", "KSA", "Only simplified documents are reported; clear standard ones.")], warnings: [], cleared: nil)
        }
        if endpoint == .clearance, !standard {
            return Self.validation(endpoint, standard: false, errors: [Self.message("invalid-invoice-type", "KSA", "Only standard documents are cleared; report simplified ones.")], warnings: [], cleared: nil)
        }
        let recomputed = (try? InvoiceHasher.hash(of: bytes))?.base64
        if endpoint != .compliance, let recomputed, let previous = try state.accepted(uuid: uuid, hash: recomputed) {
            _ = previous
            return endpoint == .clearance
                ? Self.json(208, Self.result(endpoint, standard: true, errors: [], warnings: [], cleared: xml, status: "CLEARED"))
                : Self.json(409, ["message": "Invoice was already Reported successfully earlier."])
        }
        var errors: [[String: Any]] = []
        var warnings: [[String: Any]] = []
        if let schemaPath, let problems = try? SchemaValidator.problems(bytes, schemaPath: schemaPath) {
            // libxml2 holds xs:integer to 24 digits; certificate serial numbers have up to 49 and
            // ZATCA's own validator accepts them, so that one complaint is not the document's fault.
            let real = problems.filter { !($0.contains("X509SerialNumber") && $0.contains("xs:integer")) }
            if !real.isEmpty {
                errors.append(Self.message("XSD_ZATCA_INVALID", "XSD validation", "Schema validation failed: " + real.prefix(3).joined(separator: "; ")))
            }
        }
        // The stamp, checked as an outsider would.
        let report = InvoiceVerifier.verify(bytes)
        for check in report.checks where !check.passed {
            errors.append(Self.message(VerificationReport.Check.platformCode(forCheck: check.id), check.id.hasPrefix("qr") ? "QRCODE_ERROR" : "SIGNATURE_ERROR", check.detail))
        }
        if recomputed != claimedHash {
            errors.append(Self.message("invalid-invoice-hash", "SIGNATURE_ERROR", "The invoice hash API body does not match the (calculated) Hash of the XML"))
        }
        if invoice.uuid != uuid {
            errors.append(Self.message("invalid-uuid", "KSA", "The uuid in the request does not match the document's cbc:UUID."))
        }
        // The certificate: issued here, the one that authenticated, with the seller's VAT number and the document's type.
        if let certificateText = Self.embeddedCertificate(bytes), let embedded = try? X509Certificate(der: Array(Data(base64Encoded: certificateText) ?? Data())) {
            if !embedded.isSigned(by: state.caCertificate) {
                errors.append(Self.message("invalid-signing-certificate", "SIGNATURE_ERROR", "The signing certificate was not issued by this platform."))
            } else if embedded.der != csid.certificate.der {
                errors.append(Self.message("certificate-permissions", "SIGNATURE_ERROR", "The document is signed with another certificate than the CSID that authenticated."))
            }
            let certificateVAT = embedded.subjectAlternativeDirectoryName["UID"]
            if let seller = invoice.seller?.vatNumber, seller != certificateVAT {
                errors.append(Self.message("certificate-permissions", "SIGNATURE_ERROR", "User only allowed to use the vat number that exists in the authentication certificate"))
            }
            let title = Array(embedded.subjectAlternativeDirectoryName["title"] ?? "1100")
            let allowed = standard ? title.first == "1" : (title.count > 1 && title[1] == "1")
            if !allowed {
                errors.append(Self.message("certificate-permissions", "SIGNATURE_ERROR", "The CSID does not cover \(standard ? "standard" : "simplified") documents."))
            }
        }
        // The chain: the PIH must be the hash of the unit's previous document.
        // A unit is its EGS serial (SN in the certificate), so the chain runs on across its
        // compliance and production certificates.
        let unit = csid.certificate.subjectAlternativeDirectoryName["SN"] ?? csid.certificate.serialNumberDecimal
        let pih = invoice.additionalDocuments.first { $0.id == "PIH" }?.embeddedObject
        if endpoint != .compliance {
            let expected = try state.lastHash(unit: unit) ?? Self.genesisPIH
            if pih != expected {
                warnings.append(Self.message("KSA-13", "KSA", "PIH is inValid: expected the hash of the unit's previous document (\(expected))."))
            }
        }
        // ZATCA's business rules.
        let findings = InvoiceValidator.validate(invoice, options: ValidationOptions(stage: .stamped, now: Date())) + read.findings
        for finding in findings {
            let entry = Self.message(finding.rule, finding.rule.hasPrefix("BR-KSA") ? "KSA" : "EN", finding.messageEN)
            if finding.severity == .error { errors.append(entry) } else { warnings.append(entry) }
        }
        if let recomputed { try state.advanceChain(unit: unit, hash: recomputed) }
        if errors.isEmpty, endpoint == .compliance, let kind = invoice.kind {
            try state.recordComplianceStep(csid.requestID, step: "\(standard ? "standard" : "simplified")-\(kind == .creditNote ? "credit-note" : kind == .debitNote ? "debit-note" : "invoice")")
        }
        let response = Self.validation(endpoint, standard: standard, errors: errors, warnings: warnings, cleared: endpoint == .clearance ? xml : nil)
        if errors.isEmpty, endpoint != .compliance, let recomputed {
            try state.accept(uuid: uuid, hash: recomputed, endpoint: endpoint.rawValue, response: response.body)
        }
        return response
    }

    static func embeddedCertificate(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let open = text.range(of: "<ds:X509Certificate>"), let close = text.range(of: "</ds:X509Certificate>", range: open.upperBound..<text.endIndex) else { return nil }
        return text[open.upperBound..<close.lowerBound].filter { !$0.isWhitespace }
    }

    // MARK: Shapes

    static func message(_ code: String, _ category: String, _ text: String) -> [String: Any] {
        ["type": "ERROR", "code": code, "category": category, "message": text, "status": "ERROR"]
    }

    static func result(_ endpoint: Endpoint, standard: Bool, errors: [[String: Any]], warnings: [[String: Any]], cleared: Data?, status: String? = nil) -> [String: Any] {
        let overall = !errors.isEmpty ? "ERROR" : !warnings.isEmpty ? "WARNING" : "PASS"
        let schemaValid = !errors.contains { $0["code"] as? String == "XSD_ZATCA_INVALID" }
        var object: [String: Any] = [
            "validationResults": [
                "infoMessages": schemaValid
                    ? [["type": "INFO", "code": "XSD_ZATCA_VALID", "category": "XSD validation", "message": "Complied with UBL 2.1 standards in line with ZATCA specifications", "status": "PASS"]]
                    : [],
                "warningMessages": warnings.map { $0.merging(["type": "WARNING", "status": "WARNING"]) { $1 } },
                "errorMessages": errors,
                "status": overall,
            ],
            "qrSellertStatus": NSNull(), "qrBuyertStatus": NSNull(),
        ]
        let accepted = errors.isEmpty
        if standard {
            object["clearanceStatus"] = status ?? (accepted ? "CLEARED" : "NOT_CLEARED")
            object["reportingStatus"] = NSNull()
            if accepted, let cleared, endpoint != .compliance { object["clearedInvoice"] = cleared.base64EncodedString() }
        } else {
            object["reportingStatus"] = status ?? (accepted ? "REPORTED" : "NOT_REPORTED")
            object["clearanceStatus"] = NSNull()
        }
        return object
    }

    static func validation(_ endpoint: Endpoint, standard: Bool, errors: [[String: Any]], warnings: [[String: Any]], cleared: Data?) -> Response {
        json(!errors.isEmpty ? 400 : !warnings.isEmpty ? 202 : 200, result(endpoint, standard: standard, errors: errors, warnings: warnings, cleared: cleared))
    }

    static func csidResponse(_ csid: SimulatorState.CSID) -> Response {
        json(200, [
            "requestID": Int(csid.requestID) ?? 0, "dispositionMessage": "ISSUED", "binarySecurityToken": csid.token, "secret": csid.secret, "errors": NSNull(),
            "tokenType": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3",
        ])
    }

    static func csr(_ body: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let encoded = object["csr"] as? String,
            let decoded = Data(base64Encoded: encoded)
        else { return nil }
        return String(decoding: decoded, as: UTF8.self)
    }

    static func unauthorized() -> Response {
        json(401, ["message": "Unauthorized: the CSID token or secret is wrong, or it belongs to another environment."])
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> Response {
        json(status, ["code": code, "message": message, "errors": [["code": code, "message": message]]])
    }

    static func json(_ status: Int, _ object: [String: Any]) -> Response {
        Response(status: status, body: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }
}
