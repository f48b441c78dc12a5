import Foundation
import InvoiceModel
import InvoiceRules
import TestSupport
import Testing

@Suite("Business rules agree with an independent ZATCA validator (fatoority)")
struct OracleTests {
    @Test("Every official sample: the same rule IDs and severities as fatoority", .enabled(if: Oracle.available))
    func samplesAgree() throws {
        let oracle = try Oracle.findings(for: Samples.all)
        var disagreements: [String] = []
        for file in Samples.all {
            let ours = ruleSet(try validate(file: file))
            let theirs = ruleSet(oracle[file] ?? [])
            if ours != theirs {
                disagreements.append("\(Samples.name(file)): only ours \(ours.subtracting(theirs).sorted()), only fatoority \(theirs.subtracting(ours).sorted())")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}
