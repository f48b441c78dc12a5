extension KnowledgeBase {
    static let ruleCauses: [RuleCause] = []
    static let platformEntries: [PlatformEntry] = []
}
