public import ArgumentParser
public import ServiceRuntime

/// Flags shared by the operator commands.
public struct CommonOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The services' runtime directory (default: $EINVOICE_RUNTIME_DIR).", valueName: "dir"))
    public var runtimeDir: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    public var timeout: Double = 5

    @Flag(name: .long, help: "Print JSON instead of a table.")
    public var json = false

    public init() {}

    public var paths: RuntimePaths { RuntimePaths.resolve(runtimeDirectory: runtimeDir) }

    public var timeoutDuration: Duration { .milliseconds(Int64(timeout * 1_000)) }

    public func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
    }
}
