import InvoiceModel
import InvoiceRules

/// Why a rule usually breaks in real integrations (an ERP sends VAT-inclusive prices as net,
/// a mapping drops the buyer's address, …), in English and Arabic. The requirement and the fix
/// come from ``RuleCatalog``; this adds the likely cause.
struct RuleCause: Sendable {
    let id: String
    let en: String
    let ar: String

    init(_ id: String, en: String, ar: String) {
        self.id = id
        self.en = en
        self.ar = ar
    }
}

/// An error or warning code of ZATCA's Fatoora platform (or an HTTP status of its API), explained
/// for support staff: what it means, the likely cause, how to fix it.
struct PlatformEntry: Sendable {
    /// The code as the platform sends it (`invalid-invoice-hash`, `HTTP-401`).
    let code: String
    /// Other spellings or related codes the platform uses for the same problem.
    let aliases: [String]
    let titleEN: String
    let titleAR: String
    let causeEN: String
    let causeAR: String
    let fixEN: String
    let fixAR: String

    init(
        _ code: String, aliases: [String] = [], titleEN: String, titleAR: String, causeEN: String, causeAR: String, fixEN: String, fixAR: String
    ) {
        self.code = code
        self.aliases = aliases
        self.titleEN = titleEN
        self.titleAR = titleAR
        self.causeEN = causeEN
        self.causeAR = causeAR
        self.fixEN = fixEN
        self.fixAR = fixAR
    }
}

/// The support desk's knowledge: every rule the validator can emit and the platform's codes.
enum KnowledgeBase {
    static let causes: [String: RuleCause] = Dictionary(ruleCauses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    static let platform: [String: PlatformEntry] = {
        var byCode: [String: PlatformEntry] = [:]
        for entry in platformEntries {
            for code in [entry.code] + entry.aliases where byCode[code.lowercased()] == nil {
                byCode[code.lowercased()] = entry
            }
        }
        return byCode
    }()

    static func platformEntry(_ code: String) -> PlatformEntry? {
        platform[code.lowercased()]
    }
}

