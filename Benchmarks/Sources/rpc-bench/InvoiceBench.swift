import ArgumentParser
import Foundation
import InvoiceModel
import InvoiceRules

/// `rpc-bench invoices`: the invoicing pipeline on one thread — request decode, VAT arithmetic,
/// rules, UBL writer — for 10-line and 1,000-line invoices, against fatoority (an independent,
/// compiled ZATCA validator from PyPI) validating the same XML in the same run.
struct InvoiceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invoices", abstract: "Time building, validating and writing invoices on one thread.")

    @Option(help: "A JSON invoice request whose first line is repeated.") var template: String = "../protocols/Invoicing/examples/standard-invoice.json"
    @Option var seconds: Double = 3
    @Option(help: "Also time fatoority (Python) on the same XML.") var python: String? = "python/fatoority_bench.py"
    @Option(help: "Write the results as JSON here.") var json: String?
    @Option(help: "Only these line counts (comma-separated), e.g. 10.") var lines: String = "10,1000"
    @Option(help: "Only steps whose name contains this (for profiling).") var only: String?

    struct Row: Codable {
        var lines: Int
        var step: String
        var perSecond: Double
        var microseconds: Double

        enum CodingKeys: String, CodingKey {
            case lines, step
            case perSecond = "per_second"
            case microseconds = "us_each"
        }
    }

    func run() async throws {
        let base = try JSONDecoder().decode(InvoiceDraft.self, from: Data(contentsOf: URL(fileURLWithPath: template)))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var rows: [Row] = []
        for count in lines.split(separator: ",").compactMap({ Int($0) }) {
            var draft = base
            let line = base.lines[0]
            draft.lines = (0..<count).map { index in
                var copy = line
                copy.name = "\(line.name ?? "item") \(index + 1) | صنف \(index + 1)"
                copy.quantity = ExactDecimal(index % 7 + 1)
                return copy
            }
            let json = try JSONEncoder().encode(draft)
            let built = InvoiceBuilder.build(draft, number: "INV-000001", now: now)
            let xml = UBLInvoiceWriter.write(built.invoice)
            let findings = InvoiceCheck.draft(draft, number: "INV-000001", now: now).findings
            guard !findings.hasErrors else { throw ValidationError("the benchmark invoice is invalid: \(findings.errors.ruleIDs)") }
            let xmlPath = "/tmp/einvoice-bench-\(count).xml"
            try Data(xml).write(to: URL(fileURLWithPath: xmlPath))
            print("\(count) lines: request \(json.count) bytes, XML \(xml.count) bytes")

            func time(_ step: String, _ body: () throws -> Void) rethrows {
                if let only, !step.contains(only) { return }
                let warmup = ContinuousClock.now
                while ContinuousClock.now - warmup < .milliseconds(200) { try body() }
                let clock = ContinuousClock()
                let start = clock.now
                var iterations = 0
                let budget = Duration.milliseconds(Int64(seconds * 1_000))
                while clock.now - start < budget {
                    try body()
                    iterations += 1
                }
                let elapsed = clock.now - start
                let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(iterations)
                rows.append(Row(lines: count, step: step, perSecond: 1e6 / micros, microseconds: micros))
                print(String(format: "  %-52@ %10.1f µs  %10.0f /s", step as NSString, micros, 1e6 / micros))
            }
            try time("JSON decode of the request (baseline)") { _ = try JSONDecoder().decode(InvoiceDraft.self, from: json) }
            time("build (VAT arithmetic)") { _ = InvoiceBuilder.build(draft, number: "INV-000001", now: now) }
            time("rules on the model") { _ = InvoiceValidator.validate(built.invoice, options: ValidationOptions(now: now, platformRules: true)) }
            time("write UBL XML") { _ = UBLInvoiceWriter.write(built.invoice) }
            try time("whole: decode + build + rules + write") {
                let decoded = try JSONDecoder().decode(InvoiceDraft.self, from: json)
                let checked = InvoiceCheck.draft(decoded, number: "INV-000001", now: now)
                _ = UBLInvoiceWriter.write(checked.invoice)
            }
            try time("validate XML (read + rules), einvoice") { _ = try InvoiceCheck.document(xml, now: now) }
            if let python, only == nil, FileManager.default.fileExists(atPath: python) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", python, "--seconds", String(seconds), xmlPath]
                let pipe = Pipe()
                let errors = Pipe()
                process.standardOutput = pipe
                process.standardError = errors
                try process.run()
                let output = pipe.fileHandleForReading.readDataToEndOfFile()
                let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0, let result = try? JSONDecoder().decode([String: Double].self, from: output), let perSecond = result["per_second"] {
                    rows.append(Row(lines: count, step: "validate XML, fatoority (Python, compiled rules)", perSecond: perSecond, microseconds: 1e6 / perSecond))
                    print(String(format: "  %-52@ %10.1f µs  %10.0f /s", "validate XML, fatoority (PyPI)" as NSString, 1e6 / perSecond, perSecond))
                    let ours = rows.first { $0.lines == count && $0.step == "validate XML (read + rules), einvoice" }!.perSecond
                    print(String(format: "  einvoice validates %.0f× as many documents per second as fatoority", ours / perSecond))
                } else {
                    let reason = errorText.split(separator: "\n").last.map(String.init) ?? "no output"
                    print("  fatoority gave no result: \(reason)")
                }
            }
        }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(rows).write(to: URL(fileURLWithPath: json))
        }
    }
}
