import Foundation
import InvoiceModel
import InvoiceRules
import TestSupport

/// `fatoority` (PyPI), an independent implementation of ZATCA's rule files, run over XML files.
enum Oracle {
    struct Finding: Decodable, Hashable {
        var rule: String
        var severity: String
    }

    /// Whether the oracle can run here (Python with fatoority installed).
    static let available: Bool = (try? run("python3", ["-c", "import fatoora"]).status) == 0

    /// The rules fatoority reports for each file, evaluated at `evaluatedAt`.
    static func findings(for files: [URL], evaluatedAt: String = "2023-01-01T00:00:00Z") throws -> [URL: [Finding]] {
        let script = Samples.repository.appendingPathComponent("Tests/Tools/fatoority_rules.py").path
        let (status, output) = try run("python3", [script, "--evaluated-at", evaluatedAt] + files.map(\.path), includeStandardError: false)
        guard status == 0 else { throw OracleError(output: output) }
        let decoded = try JSONDecoder().decode([String: [Finding]].self, from: Data(output.utf8))
        return Dictionary(uniqueKeysWithValues: files.map { ($0, decoded[$0.path] ?? []) })
    }

    struct OracleError: Error, CustomStringConvertible {
        var output: String
        var description: String { "fatoority_rules.py failed: \(output.prefix(500))" }
    }

    /// The instant fatoority evaluates at, for BR-KSA-04 and BR-KSA-98.
    static let evaluatedAt = Date(timeIntervalSince1970: 1_672_531_200)  // 2023-01-01T00:00:00Z
}

/// "RULE (severity)" strings for comparing rule sets.
func ruleSet(_ findings: [Finding]) -> Set<String> {
    Set(findings.filter { !$0.rule.hasPrefix("EINV-") && !$0.rule.hasPrefix("XSD") }.map { "\($0.rule) (\($0.severity.rawValue))" })
}

func ruleSet(_ findings: [Oracle.Finding]) -> Set<String> {
    Set(findings.map { "\($0.rule) (\($0.severity))" })
}

/// Our validator on a file, as a stamped document.
func validate(file: URL, now: Date = Oracle.evaluatedAt) throws -> [Finding] {
    let read = try InvoiceReader.read(Array(try Data(contentsOf: file)))
    return read.findings + InvoiceValidator.validate(read.invoice, options: ValidationOptions(stage: .stamped, now: now))
}
