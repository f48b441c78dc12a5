import Foundation
import Histogram

#if canImport(Glibc)
import Glibc
#endif

/// CPU seconds (user + system) used so far by this process or by another one (from /proc).
enum CPUTime {
    static func current() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func of(pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After "(comm)": state is field 0, utime is 11, stime is 12 (in clock ticks).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }
}

/// What one load run measured.
struct LoadResult: Codable, Sendable {
    var name: String
    var inFlight: Int
    var calls: UInt64
    var seconds: Double
    var callsPerSecond: Double
    var p50Microseconds: UInt64
    var p99Microseconds: UInt64
    var clientCPUSeconds: Double
    var serverCPUSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case name, calls, seconds
        case inFlight = "in_flight"
        case callsPerSecond = "calls_per_second"
        case p50Microseconds = "p50_us"
        case p99Microseconds = "p99_us"
        case clientCPUSeconds = "client_cpu_s"
        case serverCPUSeconds = "server_cpu_s"
    }

    /// CPU microseconds per call, client and server together.
    var cpuMicrosecondsPerCall: Double {
        (clientCPUSeconds + (serverCPUSeconds ?? 0)) / Double(max(calls, 1)) * 1_000_000
    }
}

/// The measurements of one transport at one concurrency, accumulated over interleaved segments.
struct LoadAccumulator {
    var name: String
    var inFlight: Int
    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
    var seconds = 0.0
    var clientCPU = 0.0
    var serverCPU: Double?

    init(name: String, inFlight: Int) {
        self.name = name
        self.inFlight = inFlight
    }

    /// Runs one measured segment of `duration`.
    mutating func segment(duration: Duration, serverPID: Int32?, call: @escaping @Sendable () async throws -> Void) async throws {
        let cpuBefore = CPUTime.current()
        let serverBefore = serverPID.flatMap(CPUTime.of(pid:))
        let started = ContinuousClock.now
        let segment = try await runLoops(inFlight: inFlight, until: started + duration, call: call)
        let elapsed = ContinuousClock.now - started
        seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        clientCPU += CPUTime.current() - cpuBefore
        if let serverBefore, let serverAfter = serverPID.flatMap(CPUTime.of(pid:)) {
            serverCPU = (serverCPU ?? 0) + serverAfter - serverBefore
        }
        histogram.add(segment)
    }

    var result: LoadResult {
        LoadResult(
            name: name,
            inFlight: inFlight,
            calls: histogram.totalCount,
            seconds: seconds,
            callsPerSecond: Double(histogram.totalCount) / seconds,
            p50Microseconds: histogram.valueAtPercentile(50),
            p99Microseconds: histogram.valueAtPercentile(99),
            clientCPUSeconds: clientCPU,
            serverCPUSeconds: serverCPU
        )
    }
}

/// Runs `inFlight` concurrent loops of `call` for `duration` after `warmup`, recording latencies.
func measureLoad(
    name: String,
    inFlight: Int,
    warmup: Duration,
    duration: Duration,
    serverPID: Int32?,
    call: @escaping @Sendable () async throws -> Void
) async throws -> LoadResult {
    try await runLoops(inFlight: inFlight, until: ContinuousClock.now + warmup, call: call)
    var accumulator = LoadAccumulator(name: name, inFlight: inFlight)
    try await accumulator.segment(duration: duration, serverPID: serverPID, call: call)
    return accumulator.result
}

@discardableResult
func runLoops(inFlight: Int, until deadline: ContinuousClock.Instant, call: @escaping @Sendable () async throws -> Void) async throws -> Histogram<UInt64> {
    try await withThrowingTaskGroup(of: Histogram<UInt64>.self) { group in
        for _ in 0..<inFlight {
            group.addTask {
                var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
                let clock = ContinuousClock()
                while clock.now < deadline {
                    let start = clock.now
                    try await call()
                    let micros = (clock.now - start) / .microseconds(1)
                    histogram.record(UInt64(max(micros, 1)))
                }
                return histogram
            }
        }
        var total = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        for try await histogram in group { total.add(histogram) }
        return total
    }
}
