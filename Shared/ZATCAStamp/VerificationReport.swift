public import UBLXML
/// The outcome of checking a stamped document: one entry per check, each saying what was
/// compared and, when it fails, what was expected and what was found.
public struct VerificationReport: Codable, Sendable, Hashable {
    public struct Check: Codable, Sendable, Hashable {
        /// A stable identifier (`invoice-hash`, `qr-tag-3`, …).
        public var id: String
        /// What was checked, for a person.
        public var name: String
        public var passed: Bool
        /// Why it failed and what to do, or a short confirmation.
        public var detail: String
        public var expected: String?
        public var found: String?

        public init(id: String, name: String, passed: Bool, detail: String, expected: String? = nil, found: String? = nil) {
            self.id = id
            self.name = name
            self.passed = passed
            self.detail = detail
            self.expected = expected
            self.found = found
        }
    }

    public var checks: [Check]
    /// Facts read from the document (ICV, UUID, invoice number, certificate subject).
    public var facts: [String: String]

    public init(checks: [Check] = [], facts: [String: String] = [:]) {
        self.checks = checks
        self.facts = facts
    }

    public var passed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }

    public var failures: [Check] { checks.filter { !$0.passed } }

    /// A check that `found` is `expected`, byte for byte (ZATCA compares bytes; Swift's `==`
    /// takes canonically equivalent text as equal). Fails when the document lacks what `found`
    /// is compared with (`expected` nil).
    mutating func add(_ id: String, _ name: String, expected: String?, found: String?, ok: String, failure: String) {
        let passed = expected.map { expected in found.map { $0.utf8.elementsEqual(expected.utf8) } ?? false } ?? false
        let detail = passed ? ok : expected == nil ? "\(failure) The document lacks the part it is compared with." : failure
        checks.append(Check(id: id, name: name, passed: passed, detail: detail, expected: expected ?? "(absent in the document)", found: found ?? "(absent)"))
    }
}
