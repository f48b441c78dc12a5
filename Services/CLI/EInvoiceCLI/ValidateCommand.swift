import ArgumentParser
import Foundation
import InvoiceModel
import InvoiceRules
import InvoicingContract

/// `einvoice validate`: ZATCA's business rules on JSON requests or UBL documents.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check JSON invoice requests or UBL XML documents (ours or anybody's) against ZATCA's rules.",
        discussion: """
            A .json file is a request (protocols/Invoicing/INVOICE-JSON.md): it is built with ZATCA's \
            arithmetic and the result checked. Anything else is read as UBL XML; a stamped document is \
            also checked for the stamp's fields. Each finding names its rule, the field, and what is \
            wrong in English and Arabic. Exits 0 when no file has an error, 1 otherwise.
            """
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "JSON requests or XML documents (- for one from standard input).") var files: [String]
    @Flag(help: "Validate in this process instead of asking the invoicing service.") var local = false
    @Option(help: "Judge dates as of this moment (ISO 8601, e.g. 2023-01-01T00:00:00Z) instead of now.") var at: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    struct FileReport: Encodable {
        var file: String
        var kind: String
        var valid: Bool
        var stamped: Bool
        var errors: Int
        var warnings: Int
        var findings: [Finding]
    }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file to validate.") }
        if let at, Self.moment(at) == nil { throw ValidationError("--at \(at) is not an ISO 8601 moment such as 2023-01-01T00:00:00Z.") }
    }

    static func moment(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601)) ?? (try? Date(text + "T00:00:00Z", strategy: .iso8601))
    }

    func run() async throws {
        let evaluatedAt = at.flatMap(Self.moment)
        var reports: [FileReport] = []
        for file in files {
            let data = try readInput(file)
            let isJSON = file.lowercased().hasSuffix(".json") || data.first(where: { !" \t\r\n".utf8.contains($0) }) == UInt8(ascii: "{")
            let response: ValidateResponse
            if isJSON {
                let draft = try decodeDraft(data, from: file)
                response = try await check(ValidateRequest(draft: draft, evaluatedAt: evaluatedAt))
            } else {
                response = try await check(ValidateRequest(xml: data, evaluatedAt: evaluatedAt))
            }
            reports.append(
                FileReport(
                    file: file, kind: isJSON ? "request" : "xml", valid: response.valid, stamped: response.stamped,
                    errors: response.findings.errors.count, warnings: response.findings.warnings.count, findings: response.findings
                )
            )
        }
        if common.json {
            // One file: its report; several: a list.
            if reports.count == 1 { try printJSON(reports[0]) } else { try printJSON(reports) }
        } else {
            for report in reports {
                let verdict = report.valid ? (report.warnings > 0 ? "VALID with \(report.warnings) warning(s)" : "VALID") : "INVALID: \(report.errors) error(s), \(report.warnings) warning(s)"
                print("\(report.file): \(verdict)")
                printFindings(report.findings, language: lang)
            }
        }
        if reports.contains(where: { !$0.valid }) { throw ExitCode(1) }
    }

    private func check(_ request: ValidateRequest) async throws -> ValidateResponse {
        guard local else {
            return try await withInvoicing(common) { try await $0.validate(request, options: longCall(common)) }
        }
        let now = request.evaluatedAt ?? Date()
        if let draft = request.draft {
            let findings = InvoiceCheck.draft(draft, now: now).findings
            return ValidateResponse(valid: !findings.hasErrors, findings: findings, stamped: false)
        }
        do {
            let checked = try InvoiceCheck.document(Array(request.xml ?? Data()), now: now)
            return ValidateResponse(valid: !checked.findings.hasErrors, findings: checked.findings, stamped: checked.stamped)
        } catch {
            throw CLIError(error.description)
        }
    }
}
