public import ArgumentParser
import Foundation
import GRPCCore
import ServiceRuntime
public import SigningContract
import UnixSocketTransport

/// `einvoice keys …`: the signing service's units, keys and certificates.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, import and list EGS units' keys and certificates (keys never leave the signing service).",
        subcommands: [KeysCreate.self, KeysImport.self, KeysList.self, KeysCSR.self]
    )
}

/// Calls the signing service over its socket.
func withSigning<T: Sendable>(_ common: CommonOptions, _ body: (Signing.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    try await withServiceReportingErrors(.signing, common) { client in
        try await body(Signing.Client(wrapping: client))
    }
}

struct KeysCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Generate a unit's secp256k1 key inside the signing service and print its CSR."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The EGS unit id.") var egs: String
    @Option(help: "The taxpayer's 15-digit VAT number.") var vat: String
    @Option(help: "The taxpayer's legal name (organization, O).") var name: String
    @Option(help: "Common name (CN); default: <egs>-<vat>.") var commonName: String?
    @Option(help: "Organizational unit (OU): the branch, or the 10-digit TIN for a VAT group.") var unit: String = "Main Branch"
    @Option(help: "EGS serial, 1-<solution>|2-<model>|3-<serial>; default derived from the unit id.") var serial: String?
    @Option(help: "Invoice types the unit issues: 1100 (both), 1000 (standard), 0100 (simplified).") var invoiceTypes: String = "1100"
    @Option(help: "Registered address of the branch.") var address: String = "Riyadh"
    @Option(help: "Business category (industry).") var category: String = "Retail"
    @Option(help: "sandbox, simulation or production (sets the certificate template name).") var environment: SigningEnvironment = .simulation
    @Flag(help: "Also install a self-signed development certificate so the unit can stamp at once.") var selfSigned = false
    @Option(name: .customLong("csr-out"), help: "Write the CSR to this file instead of printing it.") var csrOut: String?

    func run() async throws {
        let fields = CSRFields(
            commonName: commonName ?? "\(egs)-\(vat)", organizationName: name, organizationUnit: unit,
            serialNumber: serial ?? "1-einvoice|2-1.0|3-\(egs)", vatNumber: vat, invoiceTypes: invoiceTypes,
            registeredAddress: address, businessCategory: category, environment: environment
        )
        let response = try await withSigning(common) { try await $0.createKey(CreateKeyRequest(egsID: egs, csr: fields, selfSigned: selfSigned), options: callOptions(common)) }
        if let csrOut {
            try response.csrPEM.write(toFile: csrOut, atomically: true, encoding: .utf8)
        }
        if common.json {
            try printJSON(["unit": AnyEncodable(response.unit), "csr_pem": AnyEncodable(response.csrPEM)])
        } else {
            print("Created a key for \(egs)" + (response.unit.certificate != nil ? " with a self-signed development certificate." : "."))
            if let csrOut { print("CSR written to \(csrOut).") } else { print(response.csrPEM) }
        }
    }
}

struct KeysImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a unit's key and CSID from another solution (the chain can continue where it left off)."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The EGS unit id.") var egs: String
    @Option(help: "File with the private key (PEM or bare base64 DER).") var key: String
    @Option(help: "File with the certificate (PEM, base64 DER or ZATCA binarySecurityToken).") var cert: String
    @Option(help: "development, compliance or production.") var kind: CertificateKind = .production
    @Option(help: "The last ICV the unit issued before.") var lastIcv: Int64?
    @Option(help: "The invoice hash of the unit's last document before.") var lastHash: String?

    func run() async throws {
        let keyText = try String(contentsOfFile: key, encoding: .utf8)
        let certificateText = try String(contentsOfFile: cert, encoding: .utf8)
        let unit = try await withSigning(common) {
            try await $0.importKey(ImportKeyRequest(egsID: egs, privateKey: keyText, certificate: certificateText, kind: kind, lastICV: lastIcv, lastInvoiceHash: lastHash), options: callOptions(common))
        }
        if common.json { try printJSON(unit) } else { print("Imported \(egs): \(unit.certificate?.subject ?? "")") }
    }
}

struct KeysList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the units, their certificates and chain positions.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let units = try await withSigning(common) { try await $0.listUnits(options: callOptions(common)).units }
        if common.json {
            try printJSON(units)
            return
        }
        var table = TextTable(["EGS UNIT", "CERTIFICATE", "SUBJECT", "SERIAL", "EXPIRES", "LAST ICV"])
        for unit in units {
            table.append([
                unit.egsID, unit.certificate?.kind.rawValue ?? "none", unit.certificate?.subject ?? "-",
                unit.certificate.map { String($0.serialNumber.prefix(20)) + ($0.serialNumber.count > 20 ? "…" : "") } ?? "-",
                unit.certificate.map { $0.notAfter.dayText } ?? "-", String(unit.lastICV),
            ])
        }
        print(units.isEmpty ? "No units yet: einvoice keys create --egs ID --vat VAT --name NAME" : table.render())
    }
}

struct KeysCSR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csr", abstract: "Print a unit's CSR (PEM).")

    @OptionGroup var common: CommonOptions
    @Option(help: "The EGS unit id.") var egs: String

    func run() async throws {
        let csr = try await withSigning(common) { try await $0.getCSR(UnitRequest(egsID: egs), options: callOptions(common)) }
        if common.json { try printJSON(csr) } else { print(csr.csrPEM) }
    }
}

extension SigningEnvironment: ExpressibleByArgument {}
extension CertificateKind: ExpressibleByArgument {}

extension Date {
    /// `2026-11-29`
    var dayText: String { formatted(.iso8601.year().month().day()) }
}
