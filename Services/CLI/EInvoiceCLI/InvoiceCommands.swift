public import ArgumentParser
import Foundation
import GRPCCore
public import InvoiceModel
public import InvoicingContract
import ServiceRuntime
import UnixSocketTransport

/// `einvoice invoice …`: issue, show and list invoices and notes.
struct InvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "Issue invoices and notes from JSON requests, show them, list them.",
        discussion: "The JSON request format is protocols/Invoicing/INVOICE-JSON.md; every ZATCA scenario has an example in protocols/Invoicing/examples.",
        subcommands: [InvoiceIssue.self, InvoiceDraftCommand.self, InvoiceNote.self, InvoiceShow.self, InvoiceList.self, InvoiceLinkCommand.self]
    )
}

/// Calls the invoicing service over its socket; refusals that carry findings become
/// ``FindingsRefusal``.
func withInvoicing<T: Sendable>(_ common: CommonOptions, _ body: (Invoicing.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    do {
        return try await withServiceClient(socketPath: common.socketPath(for: .invoicing)) { client in
            try await body(Invoicing.Client(wrapping: client))
        }
    } catch let error as RPCError {
        if let json = error.metadata[stringValues: Invoicing.findingsMetadataKey].first(where: { _ in true }),
            let findings = try? JSONDecoder().decode([Finding].self, from: Data(json.utf8)), !findings.isEmpty
        {
            throw FindingsRefusal(message: error.message, findings: findings)
        }
        throw CLIError(error.message, code: error.code)
    }
}

/// A failure to report as is: `Error: <message>`, exit status 1, no usage text.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    /// The RPC status it came from, if any.
    var code: RPCError.Code?

    init(_ description: String, code: RPCError.Code? = nil) {
        self.description = description
        self.code = code
    }
}

/// The service refused a request because of what is in it; the findings say what.
struct FindingsRefusal: Error {
    var message: String
    var findings: [Finding]
}

/// Long work (a 10,000-line invoice) gets more than the default timeout.
func longCall(_ common: CommonOptions) -> CallOptions {
    var options = CallOptions.defaults
    options.timeout = max(common.timeoutDuration, .seconds(120))
    return options
}

func shortCall(_ common: CommonOptions) -> CallOptions {
    var options = CallOptions.defaults
    options.timeout = common.timeoutDuration
    return options
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError("No file \(path).") }
    return try Data(contentsOf: URL(fileURLWithPath: path))
}

/// Decodes a JSON invoice request, naming the field when it is wrong.
func decodeDraft(_ data: Data, from path: String) throws -> InvoiceDraft {
    do {
        return try JSONDecoder().decode(InvoiceDraft.self, from: data)
    } catch let error as DecodingError {
        throw CLIError("\(path) is not a valid invoice request: \(describe(error)). The format is protocols/Invoicing/INVOICE-JSON.md.")
    }
}

func decodeLines(_ data: Data, from path: String) throws -> [DraftLine] {
    do {
        return try JSONDecoder().decode([DraftLine].self, from: data)
    } catch let error as DecodingError {
        throw CLIError("\(path) is not a JSON array of lines: \(describe(error)).")
    }
}

/// `lines[2].quantity: expected a decimal` rather than Foundation's debug text.
func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "the document" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
        return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return "\(path(context.codingPath)): \(context.debugDescription)"
    case .dataCorrupted(let context):
        if let underlying = context.underlyingError as NSError?, context.codingPath.isEmpty {
            return "the JSON does not parse (\(underlying.userInfo[NSDebugDescriptionErrorKey] as? String ?? underlying.localizedDescription))"
        }
        return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}

/// Which language the messages of findings are printed in.
enum MessageLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, ar, both
}

/// Findings as a reader wants them: errors first, each with where and what, in English and/or Arabic.
func printFindings(_ findings: [Finding], language: MessageLanguage) {
    let sorted = findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    for finding in sorted {
        let location = finding.field.map { "\($0)  (\(finding.path))" } ?? finding.path
        print("\(finding.severity == .error ? "error  " : "warning") \(finding.rule)  \(location)" + (finding.value.map { "  value: \($0)" } ?? ""))
        if language != .ar { print("        \(finding.messageEN)") }
        if language != .en { print("        \(finding.messageAR)") }
    }
}

/// Prints a refusal and exits 1 (`--json`: `{"error", "findings"}`).
func report(_ refusal: FindingsRefusal, json: Bool, language: MessageLanguage) throws -> Never {
    if json {
        try printJSON(["error": AnyEncodable(refusal.message), "findings": AnyEncodable(refusal.findings)])
    } else {
        let errors = refusal.findings.errors.count
        print("Refused, nothing was stored: \(errors) error(s)" + (refusal.findings.count > errors ? ", \(refusal.findings.count - errors) warning(s)" : "") + ".")
        printFindings(refusal.findings, language: language)
    }
    throw ExitCode(1)
}

struct InvoiceIssue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue an invoice or note from a JSON request (or a stored draft): validate, number, stamp, store.",
        discussion: "Exits 1 with every finding, in English and Arabic, when the rules refuse it; nothing is stored then."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The JSON request (- for standard input). Omit with --draft-id.") var file: String?
    @Option(help: "The EGS unit that stamps it.") var egs: String
    @Option(help: "Issue this stored draft instead of a file.") var draftId: String?
    @Option(help: "A key that makes a retry return the first result instead of a second invoice.") var idempotencyKey: String?
    @Option(name: .shortAndLong, help: "Write the stamped XML here.") var output: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func validate() throws {
        guard (file == nil) != (draftId == nil) else { throw ValidationError("Give a JSON request file or --draft-id, not both.") }
    }

    func run() async throws {
        let draft = try file.map { try decodeDraft(try readInput($0), from: $0) }
        let response: IssueResponse
        do {
            response = try await withInvoicing(common) {
                try await $0.issue(IssueRequest(draft: draft, draftID: draftId, egsID: egs, idempotencyKey: idempotencyKey), options: longCall(common))
            }
        } catch let refusal as FindingsRefusal {
            try report(refusal, json: common.json, language: lang)
        }
        if let output {
            let detail = try await withInvoicing(common) {
                try await $0.get(GetInvoiceRequest(reference: response.invoice.id, includeXML: true), options: shortCall(common))
            }
            guard let xml = detail.clearedXML ?? detail.stampedXML else { throw CLIError("Invoice \(response.invoice.id) has no stamped XML yet.") }
            try xml.write(to: URL(fileURLWithPath: output))
        }
        if common.json {
            try printJSON(response)
            return
        }
        let record = response.invoice
        print("\(response.replayed ? "Already issued" : "Issued") \(record.kind.rawValue) \(record.number ?? record.id): \(record.status.rawValue)")
        printSummary(record)
        if let output { print("  stamped XML:" + String(repeating: " ", count: 9) + output) }
        if !response.warnings.isEmpty {
            print("Warnings:")
            printFindings(response.warnings, language: lang)
        }
    }
}

struct InvoiceDraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Store a JSON request as a draft (no number yet); issue it later with `invoice issue --draft-id`."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The JSON request (- for standard input).") var file: String
    @Option(help: "A key that makes a retry return the first draft.") var idempotencyKey: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func run() async throws {
        let draft = try decodeDraft(try readInput(file), from: file)
        let record: InvoiceRecord
        do {
            record = try await withInvoicing(common) {
                try await $0.createDraft(CreateDraftRequest(draft: draft, idempotencyKey: idempotencyKey), options: longCall(common))
            }
        } catch let refusal as FindingsRefusal {
            try report(refusal, json: common.json, language: lang)
        }
        if common.json { try printJSON(record) } else { print("Stored draft \(record.id)."); printSummary(record) }
    }
}

struct InvoiceNote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Issue a credit or debit note against a stamped, cleared or reported invoice.",
        discussion: "Without --lines a credit note takes back the whole invoice."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The invoice it adjusts: number or id.") var original: String
    @Option(help: "credit or debit.") var kind: NoteKind
    @Option(help: "Why (KSA-10), e.g. 'returned goods'.") var reason: String
    @Option(help: "The EGS unit that stamps it.") var egs: String
    @Option(help: "A JSON array of the note's lines (same form as a request's lines).") var lines: String?
    @Option(help: "The seller's VAT number, when several sellers share the store.") var seller: String?
    @Option(help: "A key that makes a retry return the first result.") var idempotencyKey: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    enum NoteKind: String, ExpressibleByArgument, CaseIterable {
        case credit, debit
    }

    func run() async throws {
        let noteLines = try lines.map { try decodeLines(try readInput($0), from: $0) }
        let request = CreateNoteRequest(
            original: original, sellerVAT: seller, kind: kind == .credit ? .creditNote : .debitNote, reason: reason, lines: noteLines, egsID: egs,
            idempotencyKey: idempotencyKey
        )
        let response: IssueResponse
        do {
            response = try await withInvoicing(common) { try await $0.createNote(request, options: longCall(common)) }
        } catch let refusal as FindingsRefusal {
            try report(refusal, json: common.json, language: lang)
        }
        if common.json {
            try printJSON(response)
            return
        }
        let record = response.invoice
        print("\(response.replayed ? "Already issued" : "Issued") \(record.kind.rawValue) \(record.number ?? record.id) against \(record.billingReference ?? original): \(record.status.rawValue)")
        printSummary(record)
    }
}

struct InvoiceShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an invoice: amounts, stamp, status history; or its XML.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "Number (INV-000042) or id (UUID).") var reference: String
    @Option(help: "The seller's VAT number, when several sellers share the store.") var seller: String?
    @Flag(help: "Print the XML kept for it (cleared, else stamped, else unsigned) instead.") var xml = false
    @Flag(help: "Print the unsigned XML instead.") var unsignedXml = false
    @Option(name: .shortAndLong, help: "With --xml: write it here instead of printing it.") var output: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func validate() throws {
        if xml && unsignedXml { throw ValidationError("Give --xml or --unsigned-xml, not both.") }
    }

    func run() async throws {
        let wantsXML = xml || unsignedXml
        let detail: InvoiceDetail
        do {
            detail = try await withInvoicing(common) {
                try await $0.get(GetInvoiceRequest(reference: reference, sellerVAT: seller, includeXML: wantsXML || common.json), options: shortCall(common))
            }
        } catch let error as CLIError where error.code == .notFound {
            throw CLIError("No invoice \(reference). `einvoice invoice list` shows what there is.")
        }
        if wantsXML {
            guard let document = unsignedXml ? detail.unsignedXML : (detail.clearedXML ?? detail.stampedXML ?? detail.unsignedXML) else {
                throw CLIError("Invoice \(reference) has no XML yet (it is a \(detail.invoice.status.rawValue)).")
            }
            if let output {
                try document.write(to: URL(fileURLWithPath: output))
                print("Wrote \(document.count) bytes to \(output).")
            } else {
                FileHandle.standardOutput.write(document)
            }
            return
        }
        if common.json {
            try printJSON(detail)
            return
        }
        let record = detail.invoice
        print("\(record.number ?? "(draft)")  \(record.subtype.rawValue) \(record.kind.rawValue)  \(record.status.rawValue)")
        printSummary(record)
        print("History:")
        var table = TextTable(["WHEN", "STATUS", "BY", "DETAIL"])
        for event in detail.history {
            table.append([event.at.formatted(.iso8601), event.status.rawValue, event.source, event.detail ?? ""])
        }
        print(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        for event in detail.history where !event.messages.isEmpty {
            print("Messages with \(event.status.rawValue):")
            printFindings(event.messages, language: lang)
        }
        if !detail.warnings.isEmpty {
            print("Warnings when issued:")
            printFindings(detail.warnings, language: lang)
        }
    }
}

struct InvoiceList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List invoices and notes, newest first, with filters.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The seller's VAT number.") var seller: String?
    @Option(help: "Part of the buyer's name or VAT number.") var buyer: String?
    @Option(help: "Issued on or after (YYYY-MM-DD).") var from: String?
    @Option(help: "Issued on or before (YYYY-MM-DD).") var to: String?
    @Option(help: "draft, issued, stamped, cleared, reported or rejected.") var status: InvoiceStatus?
    @Option(help: "invoice, credit-note, debit-note or prepayment.") var kind: DocumentKind?
    @Option(help: "The invoice number.") var number: String?
    @Option(help: "The invoice id (UUID).") var id: String?
    @Option(help: "At most this many (1–1000).") var limit: Int = 50
    @Option(help: "Skip this many.") var offset: Int = 0

    func validate() throws {
        for (name, date) in [("--from", from), ("--to", to)] {
            if let date, !InvoiceBuilder.isDate(date) { throw ValidationError("\(name) \(date) is not a date: use YYYY-MM-DD.") }
        }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative.") }
    }

    func run() async throws {
        let request = SearchRequest(
            sellerVAT: seller, buyer: buyer, fromDate: from, toDate: to, status: status, kind: kind, number: number, id: id, limit: limit, offset: offset
        )
        let found = try await withInvoicing(common) { try await $0.search(request, options: shortCall(common)) }
        if common.json {
            try printJSON(found)
            return
        }
        guard !found.invoices.isEmpty else {
            print(found.total == 0 ? "No invoices match." : "No invoices on this page (\(found.total) match; lower --offset).")
            return
        }
        var table = TextTable(["NUMBER", "TYPE", "STATUS", "DATE", "BUYER", "TOTAL", "VAT", "ID"])
        for record in found.invoices {
            table.append([
                record.number ?? "(draft)", "\(record.subtype == .standard ? "B2B" : "B2C") \(record.kind.rawValue)", record.status.rawValue, record.issueDate,
                record.buyerName.map { String($0.prefix(32)) } ?? "-", "\(record.totalWithVAT.description) \(record.currency)", record.totalVAT.description, record.id,
            ])
        }
        print(table.render())
        print("\(found.invoices.count) of \(found.total)" + (offset + found.invoices.count < found.total ? " (more with --offset \(offset + found.invoices.count))" : ""))
    }
}

/// The amounts and stamp of an invoice, indented.
func printSummary(_ record: InvoiceRecord) {
    let rows: [(String, String?)] = [
        ("id", record.id),
        ("seller", "\(record.sellerName ?? "-") (\(record.sellerVAT))"),
        ("buyer", record.buyerName.map { name in name + (record.buyerVAT.map { " (\($0))" } ?? "") }),
        ("issued", "\(record.issueDate) \(record.issueTime)"),
        ("adjusts", record.billingReference),
        ("lines", String(record.lineCount)),
        ("total without VAT", "\(record.totalWithoutVAT.description) \(record.currency)"),
        ("VAT", "\(record.totalVAT.description) \(record.currency)"),
        ("total with VAT", "\(record.totalWithVAT.description) \(record.currency)"),
        ("payable", "\(record.payable.description) \(record.currency)"),
        ("EGS unit, ICV", record.icv.map { "\(record.egsID ?? "-"), \($0)" }),
        ("invoice hash", record.invoiceHash),
    ]
    for (label, value) in rows {
        guard let value else { continue }
        print("  \(label):" + String(repeating: " ", count: max(1, 20 - label.count)) + value)
    }
}

extension InvoiceStatus: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {}
