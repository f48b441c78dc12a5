public import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRPCCore
import InvoiceModel
public import InvoicingContract
public import RegistrationContract
import ServiceRuntime
import UnixSocketTransport

func withRegistration<T: Sendable>(_ common: CommonOptions, _ body: (Registration.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    try await withServiceReportingErrors(.registration, common) { try await body(Registration.Client(wrapping: $0)) }
}

func callOptions(_ common: CommonOptions, atLeast seconds: Double = 0) -> CallOptions {
    var options = CallOptions.defaults
    options.timeout = .milliseconds(Int64(max(common.timeout, seconds) * 1_000))
    return options
}

/// The OTP, from a file, from the terminal without echo, or from a pipe: never from the command
/// line, where every user of the machine sees it (`ps`, /proc/PID/cmdline) and the shell's
/// history keeps it.
/// Nothing given (or an empty line) is nil: a paused onboarding past its compliance CSID
/// resumes without one.
func readOTP(_ option: String?, file: String?) throws -> String? {
    func given(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    if let file {
        guard option == nil else { throw CLIError("Give --otp - or --otp-file, not both.") }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Cannot read the OTP file \(file).") }
        return given(String(decoding: data, as: UTF8.self))
    }
    guard let option else { return nil }
    guard option == "-" else {
        throw CLIError("An OTP on the command line is visible to every user of this machine (ps) and stays in the shell's history; it was not used. Give --otp - and type it (or pipe it in), or --otp-file FILE.")
    }
    if isatty(STDIN_FILENO) != 0 {
        // Never read with echo from a terminal.
        guard let typed = getpass("OTP: ") else { throw CLIError("Cannot read the OTP from the terminal without echo; give --otp-file FILE.") }
        return given(String(cString: typed))
    }
    return given(readLine(strippingNewline: true))
}

/// Reads a JSON file in a contract's shape.
func decodeFile<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("Cannot read \(path).") }
    do {
        return try JSONDecoder().decode(type, from: data)
    } catch {
        throw CLIError("\(path) is not a valid \(type) in JSON: \(error)")
    }
}

/// The national address flags shared by taxpayers and buyers.
struct AddressOptions: ParsableArguments {
    @Option(help: "Street name.") var street: String?
    @Option(help: "Building number (4 digits).") var building: String?
    @Option(help: "Additional number (4 digits).") var additionalNumber: String?
    @Option(help: "District.") var district: String?
    @Option(help: "City.") var city: String?
    @Option(help: "Postal code (5 digits).") var postalCode: String?
    @Option(help: "Country code (ISO 3166, SA when absent).") var country: String?

    var isEmpty: Bool { [street, building, additionalNumber, district, city, postalCode, country].allSatisfy { $0 == nil } }

    var address: PostalAddress {
        PostalAddress(
            street: street, buildingNumber: building, additionalNumber: additionalNumber, district: district, city: city, postalCode: postalCode,
            country: country ?? "SA"
        )
    }
}

func printFields(_ rows: [(String, String?)]) {
    for case (let label, let value?) in rows {
        print("  \(label):" + String(repeating: " ", count: max(1, 19 - label.count)) + value)
    }
}

// MARK: Taxpayers

struct TaxpayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxpayer", abstract: "Register the businesses (sellers) that issue invoices.", subcommands: [TaxpayerAdd.self, TaxpayerShow.self, TaxpayerList.self]
    )
}

struct TaxpayerAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a taxpayer (from flags, or --file TAXPAYER.json in the contract's shape)."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "A JSON file with the whole taxpayer.") var file: String?
    @Option(help: "VAT number (15 digits, first and last 3).") var vat: String?
    @Option(help: "Legal name in Arabic.") var nameAr: String?
    @Option(help: "Legal name in English.") var nameEn: String?
    @Flag(help: "A VAT group (give --group-tin).") var vatGroup = false
    @Option(help: "The VAT group's 10-digit TIN.") var groupTin: String?
    @Option(help: "Commercial registration number (10 digits).") var crn: String?
    @Option(help: "Another seller id scheme instead of CRN: MOM, MLS, 700, SAG, OTH.") var idScheme: String?
    @Option(help: "The value of --id-scheme.") var id: String?
    @Option(help: "Business category for the units' CSRs.") var industry: String?
    @Flag(help: "Not registered for VAT.") var notVatRegistered = false
    @OptionGroup var address: AddressOptions

    func run() async throws {
        let taxpayer: Taxpayer
        if let file {
            taxpayer = try decodeFile(Taxpayer.self, file)
        } else {
            guard let vat, let nameAr else { throw CLIError("Give --vat and --name-ar (or --file TAXPAYER.json).") }
            let sellerID = DraftIdentifier(scheme: idScheme ?? "CRN", value: id ?? crn ?? "")
            taxpayer = Taxpayer(
                vatNumber: vat, nameAR: nameAr, nameEN: nameEn, vatGroup: vatGroup, groupTIN: groupTin, sellerID: sellerID, address: address.address,
                vatRegistered: !notVatRegistered, industry: industry
            )
        }
        let added = try await withRegistration(common) { try await $0.addTaxpayer(taxpayer, options: callOptions(common)) }
        if common.json { try printJSON(added) } else { print("Taxpayer \(added.vatNumber) registered: \(added.nameAR)" + (added.nameEN.map { " | \($0)" } ?? "")) }
    }
}

struct TaxpayerShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a taxpayer and its units.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The VAT number.") var vat: String

    func run() async throws {
        let (taxpayer, units) = try await withRegistration(common) { client in
            (try await client.getTaxpayer(vat, options: callOptions(common)), try await client.listUnits(ListRequest(vatNumber: vat), options: callOptions(common)).units)
        }
        if common.json {
            struct Shown: Encodable {
                var taxpayer: Taxpayer
                var units: [EGSUnit]
            }
            try printJSON(Shown(taxpayer: taxpayer, units: units))
            return
        }
        print("\(taxpayer.vatNumber)  \(taxpayer.nameAR)" + (taxpayer.nameEN.map { " | \($0)" } ?? ""))
        let a = taxpayer.address
        printFields([
            ("seller id", "\(taxpayer.sellerID.scheme) \(taxpayer.sellerID.value)"), ("VAT group", taxpayer.vatGroup ? "yes, TIN \(taxpayer.groupTIN ?? "")" : nil),
            ("address", [a.street, a.buildingNumber, a.district, a.city, a.postalCode, a.country].compactMap { $0 }.joined(separator: ", ")),
            ("industry", taxpayer.industry), ("VAT registered", taxpayer.vatRegistered ? "yes" : "no"),
            ("units", units.isEmpty ? "none (einvoice egs add --vat \(taxpayer.vatNumber) …)" : units.map { "\($0.egsID) (\($0.state.rawValue))" }.joined(separator: ", ")),
        ])
    }
}

struct TaxpayerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List taxpayers.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let list = try await withRegistration(common) { try await $0.listTaxpayers(options: callOptions(common)) }
        if common.json { return try printJSON(list) }
        guard !list.taxpayers.isEmpty else { return print("No taxpayers yet (einvoice taxpayer add).") }
        var table = TextTable(["VAT", "NAME", "SELLER ID", "CITY"])
        for taxpayer in list.taxpayers {
            table.append([
                taxpayer.vatNumber, String((taxpayer.nameEN ?? taxpayer.nameAR).prefix(40)), "\(taxpayer.sellerID.scheme) \(taxpayer.sellerID.value)",
                taxpayer.address.city ?? "",
            ])
        }
        print(table.render())
    }
}

// MARK: EGS units

struct EGSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "egs", abstract: "Register EGS units (devices, branches) and onboard them with ZATCA.",
        subcommands: [EGSAdd.self, EGSOnboard.self, EGSShow.self, EGSList.self, EGSRenew.self]
    )
}

extension PlatformEnvironment: ExpressibleByArgument {}

struct EGSAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register an EGS unit of a taxpayer.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The unit's id in einvoice (letters, digits, . _ -).") var egs: String
    @Option(help: "The taxpayer's VAT number.") var vat: String
    @Option(help: "Serial: 1-<solution>|2-<model>|3-<serial>.") var serial: String
    @Option(help: "The unit's name (the CSR's CN).") var name: String
    @Option(help: "The branch (the CSR's OU).") var branch: String
    @Option(help: "Business category (the taxpayer's when absent).") var industry: String?
    @Option(help: "1100 (standard and simplified), 1000 (standard) or 0100 (simplified).") var invoiceTypes = "1100"
    @Option(help: "sandbox, simulation or production.") var environment: PlatformEnvironment = .simulation
    @Option(help: "Where the unit is (the taxpayer's street and city when absent).") var location: String?

    func run() async throws {
        let request = AddUnitRequest(
            egsID: egs, vatNumber: vat, serial: serial, name: name, branch: branch, industry: industry, invoiceTypes: invoiceTypes,
            environment: environment, location: location
        )
        let unit = try await withRegistration(common) { try await $0.addUnit(request, options: callOptions(common)) }
        if common.json { return try printJSON(unit) }
        print("EGS unit \(unit.egsID) registered for \(unit.vatNumber) (\(unit.environment.rawValue)). Next: einvoice egs onboard \(unit.egsID) --otp -  (then type the OTP)")
    }
}

struct EGSOnboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard",
        abstract: "Onboard a unit to a production CSID: key and CSR, compliance CSID, compliance checks, production CSID, installed for signing.",
        discussion: "Repeat the command to resume a paused onboarding; the OTP is only needed until the compliance CSID is issued. --otp - asks for it (not echoed) or reads it from a pipe; --otp-file reads it from a file. It is never taken from the command line, where every user of the machine can see it."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The unit's id.") var egs: String
    @Option(help: "'-': the 6-digit OTP from the Fatoora portal, asked for without echo or read from a pipe. Never printed.") var otp: String?
    @Option(help: "A file holding the OTP.") var otpFile: String?

    func run() async throws {
        let otp = try readOTP(otp, file: otpFile)
        if !common.json { FileHandle.standardError.write(Data("Onboarding \(egs) with ZATCA…\n".utf8)) }
        let unit: EGSUnit
        do {
            unit = try await withRegistration(common) { try await $0.onboard(OnboardRequest(egsID: egs, otp: otp), options: callOptions(common, atLeast: 300)) }
        } catch let error as CLIError {
            if !common.json, let unit = try? await withRegistration(common, { try await $0.getUnit(egs, options: callOptions(common)) }) {
                printSteps(unit)
            }
            throw error
        }
        if common.json { return try printJSON(unit) }
        printSteps(unit)
        print("\(unit.egsID) is onboarded: production CSID \(unit.certificateSerial ?? "") valid until \(unit.certificateExpiry?.formatted(.iso8601) ?? "?").")
    }
}

func printSteps(_ unit: EGSUnit) {
    var table = TextTable(["WHEN", "STEP", "OUTCOME", "DETAIL"])
    for step in unit.steps {
        table.append([step.at.formatted(.iso8601), step.step, step.outcome, String((step.detail ?? "").prefix(100))])
    }
    print(table.render())
}

struct EGSShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a unit, its certificate and every onboarding step.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The unit's id.") var egs: String

    func run() async throws {
        let unit = try await withRegistration(common) { try await $0.getUnit(egs, options: callOptions(common)) }
        if common.json { return try printJSON(unit) }
        print("\(unit.egsID)  \(unit.state.rawValue)  (\(unit.environment.rawValue))")
        printFields([
            ("taxpayer", unit.vatNumber), ("serial", unit.serial), ("name", unit.name), ("branch", unit.branch), ("industry", unit.industry),
            ("invoice types", unit.invoiceTypes), ("location", unit.location),
            ("certificate", unit.certificateKind.map { "\($0), serial \(unit.certificateSerial ?? "?"), expires \(unit.certificateExpiry?.formatted(.iso8601) ?? "?")" }),
            ("compliance checks", "\(unit.complianceChecks.count)/\(unit.requiredChecks.count)" + (unit.complianceChecks.isEmpty ? "" : ": " + unit.complianceChecks.joined(separator: ", "))),
            ("last error", unit.lastError),
        ])
        print("Steps:")
        printSteps(unit)
    }
}

struct EGSList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List units with their onboarding state and certificate.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Only this taxpayer's units.") var vat: String?

    func run() async throws {
        let list = try await withRegistration(common) { try await $0.listUnits(ListRequest(vatNumber: vat), options: callOptions(common)) }
        if common.json { return try printJSON(list) }
        guard !list.units.isEmpty else { return print("No units yet (einvoice egs add).") }
        var table = TextTable(["EGS", "VAT", "ENV", "STATE", "CERTIFICATE", "EXPIRES", "CHECKS", "LAST ERROR"])
        for unit in list.units {
            table.append([
                unit.egsID, unit.vatNumber, unit.environment.rawValue, unit.state.rawValue, unit.certificateKind ?? "-",
                unit.certificateExpiry.map { String($0.formatted(.iso8601).prefix(10)) } ?? "-", "\(unit.complianceChecks.count)/\(unit.requiredChecks.count)",
                String((unit.lastError ?? "").prefix(60)),
            ])
        }
        print(table.render())
    }
}

struct EGSRenew: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "renew", abstract: "Renew an onboarded unit's production CSID (needs a new OTP).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The unit's id.") var egs: String
    @Option(help: "'-': the 6-digit OTP from the Fatoora portal, asked for without echo or read from a pipe. Never printed.") var otp: String?
    @Option(help: "A file holding the OTP.") var otpFile: String?

    func run() async throws {
        guard let code = try readOTP(otp, file: otpFile) else { throw CLIError("A renewal needs a new OTP from the Fatoora portal: give --otp - (then type it) or --otp-file FILE.") }
        let unit = try await withRegistration(common) { try await $0.renew(OnboardRequest(egsID: egs, otp: code), options: callOptions(common, atLeast: 120)) }
        if common.json { return try printJSON(unit) }
        print("\(unit.egsID): new production CSID \(unit.certificateSerial ?? "") valid until \(unit.certificateExpiry?.formatted(.iso8601) ?? "?").")
    }
}

// MARK: Buyers

struct BuyerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buyer", abstract: "Register the buyers standard invoices are made out to.", subcommands: [BuyerAdd.self, BuyerShow.self, BuyerList.self]
    )
}

struct BuyerAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a buyer of a taxpayer.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The seller's VAT number.") var sellerVat: String
    @Option(help: "The buyer's name.") var name: String
    @Option(help: "The buyer's VAT number.") var vat: String?
    @Option(help: "Without a VAT number: TIN, CRN, NAT, GCC, IQA, PAS, …") var idScheme: String?
    @Option(help: "The value of --id-scheme.") var id: String?
    @Option(help: "Where invoices are e-mailed.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "ar or en.") var language = "ar"
    @OptionGroup var address: AddressOptions

    func run() async throws {
        let other = idScheme.map { DraftIdentifier(scheme: $0, value: id ?? "") }
        let buyer = Buyer(
            sellerVAT: sellerVat, name: name, vatNumber: vat, otherID: other, address: address.isEmpty ? nil : address.address, email: email, phone: phone,
            language: language
        )
        let added = try await withRegistration(common) { try await $0.addBuyer(buyer, options: callOptions(common)) }
        if common.json { return try printJSON(added) }
        print("Buyer \(added.id ?? "") registered: \(added.name)")
    }
}

struct BuyerShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a buyer.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The buyer's id or VAT number.") var reference: String

    func run() async throws {
        let buyer = try await withRegistration(common) { try await $0.getBuyer(reference, options: callOptions(common)) }
        if common.json { return try printJSON(buyer) }
        print("\(buyer.id ?? "")  \(buyer.name)")
        let a = buyer.address
        printFields([
            ("seller", buyer.sellerVAT), ("VAT number", buyer.vatNumber), ("other id", buyer.otherID.map { "\($0.scheme) \($0.value)" }),
            ("address", a.map { [$0.street, $0.buildingNumber, $0.district, $0.city, $0.postalCode, $0.country].compactMap { $0 }.joined(separator: ", ") }),
            ("e-mail", buyer.email), ("phone", buyer.phone), ("language", buyer.language),
        ])
    }
}

struct BuyerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List buyers.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Only this seller's buyers.") var sellerVat: String?

    func run() async throws {
        let list = try await withRegistration(common) { try await $0.listBuyers(ListRequest(vatNumber: sellerVat), options: callOptions(common)) }
        if common.json { return try printJSON(list) }
        guard !list.buyers.isEmpty else { return print("No buyers yet (einvoice buyer add).") }
        var table = TextTable(["ID", "NAME", "VAT / ID", "E-MAIL", "LANG", "SELLER"])
        for buyer in list.buyers {
            table.append([
                buyer.id ?? "", String(buyer.name.prefix(40)), buyer.vatNumber ?? buyer.otherID.map { "\($0.scheme) \($0.value)" } ?? "", buyer.email ?? "",
                buyer.language, buyer.sellerVAT,
            ])
        }
        print(table.render())
    }
}

// MARK: Submissions

struct SubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "The clearance and reporting queue: what is owed to ZATCA, what was accepted or rejected.",
        subcommands: [SubmissionsList.self, SubmissionsRetry.self]
    )
}

extension SubmissionState: ExpressibleByArgument {}

struct SubmissionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List submissions, newest first.")

    @OptionGroup var common: CommonOptions
    @Option(help: "pending, done, rejected or local.") var state: SubmissionState?
    @Option(help: "Only this unit's.") var egs: String?
    @Option(help: "At most this many (1–10000).") var limit = 50

    func run() async throws {
        let response = try await withServiceReportingErrors(.invoicing, common) {
            try await Invoicing.Client(wrapping: $0).listSubmissions(SubmissionsRequest(state: state, egsID: egs, limit: limit), options: callOptions(common))
        }
        if common.json { return try printJSON(response) }
        let counts = SubmissionState.allCases.map { "\(response.counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        guard !response.submissions.isEmpty else { return print("No submissions match (\(counts)).") }
        let now = Date()
        var table = TextTable(["INVOICE", "EGS", "TO", "STATE", "STATUS", "TRIES", "HTTP", "DEADLINE", "LAST ERROR"])
        for item in response.submissions {
            let deadline = item.deadlineAt.map { deadline -> String in
                guard item.state == .pending else { return String(deadline.formatted(.iso8601).prefix(16)) }
                let hours = deadline.timeIntervalSince(now) / 3_600
                return hours < 0 ? "OVERDUE" : String(format: "in %.1f h", hours)
            } ?? ""
            table.append([
                item.number ?? String(item.invoiceID.prefix(8)), item.egsID, item.endpoint.rawValue, item.state.rawValue, item.invoiceStatus.rawValue,
                String(item.attempts), item.lastStatus.map(String.init) ?? "", deadline, String((item.lastError ?? "").prefix(60)),
            ])
        }
        print(table.render())
        print("Queue: \(counts).")
    }
}

struct SubmissionsRetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Send a pending or kept-local invoice to ZATCA now (the same signed bytes).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The invoice's number or id.") var reference: String
    @Option(help: "The seller's VAT number, when several sellers use the number.") var sellerVat: String?

    func run() async throws {
        let record = try await withServiceReportingErrors(.invoicing, common) {
            try await Invoicing.Client(wrapping: $0).retrySubmission(SubmissionReference(reference: reference, sellerVAT: sellerVat), options: callOptions(common, atLeast: 60))
        }
        if common.json { return try printJSON(record) }
        print("\(record.number ?? record.invoiceID): \(record.state.rawValue), invoice \(record.invoiceStatus.rawValue)" + (record.lastError.map { " (\($0))" } ?? ""))
    }
}
