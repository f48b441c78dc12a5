import ArgumentParser
import Foundation
import GRPCCore
import Histogram
import HealthContract
import ServiceRuntime
import SigningContract
import Synchronization
import UnixSocketTransport

/// `einvoice load`: load tests.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load tests.", subcommands: [LoadSign.self])
}

/// `einvoice load sign`: stamps as fast as the signing service allows, straight on its socket.
struct LoadSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Load-test the signing service: stamped invoices per second and latency percentiles.",
        discussion: """
            Creates the units load-1 … load-N (with self-signed development certificates) if they \
            are missing, then stamps a three-line simplified invoice from C concurrent callers for \
            the given duration, each call a unary Stamp RPC (or, with --stream, items of one \
            StampStream per caller).
            """
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "EGS units to spread the load over.") var egsCount: Int = 8
    @Option(help: "Stamps in flight.") var concurrency: Int = 64
    @Option(help: "Seconds to run.") var duration: Double = 10
    @Flag(help: "Use the bulk StampStream RPC instead of unary Stamp calls.") var stream = false
    @Option(help: "With --stream: documents per message, at most (1 to 256; 16 are in flight per stream).") var batch: Int = 4
    @Option(
        help: ArgumentHelp(
            "Invoices per second to offer, in total, on a fixed schedule.",
            discussion: "Latency then counts from each invoice's scheduled time, so a stall shows in the percentiles. Without it, callers send as fast as answers come back."
        )
    ) var rate: Double?

    func validate() throws {
        if let rate { guard rate > 0, rate <= 1_000_000 else { throw ValidationError("--rate must be above 0 and at most 1000000.") } }
        guard (1...1_000).contains(egsCount) else { throw ValidationError("--egs-count must be 1 to 1000.") }
        guard (1...10_000).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 10000.") }
        guard duration > 0 else { throw ValidationError("--duration must be positive.") }
        guard (1...BulkStampBatch.maxItems).contains(batch) else { throw ValidationError("--batch must be 1 to \(BulkStampBatch.maxItems).") }
    }

    func run() async throws {
        let units = (1...egsCount).map { "load-\($0)" }
        let report = try await withServiceClient(.signing, paths: common.paths) { client in
            let signing = Signing.Client(wrapping: client)
            let existing = Set(try await signing.listUnits().units.filter { $0.certificate != nil }.map(\.egsID))
            for unit in units where !existing.contains(unit) {
                _ = try await signing.createKey(CreateKeyRequest(egsID: unit, csr: Self.loadFields(unit), selfSigned: true))
            }
            let pid = try await Health.Client(wrapping: client).check().pid
            return try await LoadRun(
                signing: signing, units: units, concurrency: concurrency, seconds: duration, stream: stream, batch: batch, rate: rate, serverPID: pid, quiet: common.json
            ).run()
        }
        if common.json {
            try printJSON(report)
        } else {
            print(report.summary)
        }
    }

    static func loadFields(_ unit: String) -> CSRFields {
        CSRFields(
            commonName: "\(unit)-399999999900003", organizationName: "Load Test Est.", organizationUnit: "Load",
            serialNumber: "1-einvoice|2-load|3-\(unit)", vatNumber: "399999999900003", invoiceTypes: "0100",
            registeredAddress: "Riyadh", businessCategory: "Testing", environment: .simulation
        )
    }
}

struct LoadReport: Codable, Sendable {
    var mode: String
    var units: Int
    var concurrency: Int
    /// Documents per stream message, at most (stream mode only).
    var batch: Int?
    /// The offered rate (`--rate`); nil when callers send as fast as answers come back.
    var offeredPerSecond: Double?
    var seconds: Double
    var stamped: UInt64
    var errors: Int
    var invoicesPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var p999Milliseconds: Double
    var maxMilliseconds: Double
    /// With `--rate`: invoices due before the end that never went out (the run fell behind its
    /// schedule; they are not in the percentiles).
    var notSent: Int?
    var serverPeakMemoryMB: Double?
    var firstError: String?

    enum CodingKeys: String, CodingKey {
        case mode, units, concurrency, batch, seconds, stamped, errors
        case offeredPerSecond = "offered_per_second"
        case invoicesPerSecond = "invoices_per_second"
        case p50Milliseconds = "p50_ms"
        case p99Milliseconds = "p99_ms"
        case p999Milliseconds = "p999_ms"
        case maxMilliseconds = "max_ms"
        case notSent = "not_sent"
        case serverPeakMemoryMB = "server_peak_memory_mb"
        case firstError = "first_error"
    }

    var summary: String {
        var table = TextTable(["MODE", "UNITS", "CALLERS", "BATCH", "OFFERED/S", "STAMPED", "ERRORS", "INVOICES/S", "P50 MS", "P99 MS", "P99.9 MS", "SERVER PEAK MB"])
        table.append([
            mode, String(units), String(concurrency), batch.map(String.init) ?? "-", offeredPerSecond.map { String(format: "%.0f", $0) } ?? "max", String(stamped), String(errors),
            String(format: "%.0f", invoicesPerSecond),
            String(format: "%.2f", p50Milliseconds), String(format: "%.2f", p99Milliseconds), String(format: "%.2f", p999Milliseconds),
            serverPeakMemoryMB.map { String(format: "%.0f", $0) } ?? "-",
        ])
        let behind = (notSent ?? 0) > 0 ? "\nBehind schedule: \(notSent ?? 0) invoices due before the end were never sent (not in the percentiles)." : ""
        return table.render() + behind + (firstError.map { "\nFirst error: \($0)" } ?? "")
    }
}

/// One load run: callers, counters, the histogram and the progress line.
struct LoadRun: Sendable {
    let signing: Signing.Client<UnixSocketClientTransport>
    let units: [String]
    let concurrency: Int
    let seconds: Double
    let stream: Bool
    let batch: Int
    let rate: Double?
    let serverPID: Int32
    let quiet: Bool

    /// The schedule of an offered rate: invoice n is due at start + n / rate, whichever caller
    /// sends it.
    private final class Pacer: Sendable {
        let start: ContinuousClock.Instant
        let interval: Duration
        let issued = Atomic<Int>(0)

        init(rate: Double, start: ContinuousClock.Instant) {
            self.start = start
            interval = .nanoseconds(Int64(1e9 / rate))
        }

        /// Waits for the next invoice's time and returns when it counts from: its scheduled
        /// time when the schedule is behind (so a stall shows in the latency), the moment it
        /// goes out when that is early. Waits under a millisecond are skipped: a timer per
        /// invoice would cost the load generator more CPU than the invoice.
        func next() async -> ContinuousClock.Instant {
            let slot = start + interval * issued.wrappingAdd(1, ordering: .relaxed).oldValue
            let now = ContinuousClock.now
            if slot > now + .milliseconds(1) {
                try? await Task.sleep(until: slot, clock: .continuous)
                return slot
            }
            return min(slot, now) == slot ? slot : now
        }

        /// Invoices scheduled before `deadline` that no caller took: the backlog a run that
        /// could not keep up with its rate left behind.
        func notTaken(before deadline: ContinuousClock.Instant) -> Int {
            let due = Int(((deadline - start) / interval).rounded(.up))
            return max(0, due - issued.load(ordering: .relaxed))
        }

        /// The next invoice's scheduled time if it is already due and before `deadline` (it is
        /// then taken); nil if not.
        func nextIfDue(before deadline: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            var taken = issued.load(ordering: .relaxed)
            while true {
                let slot = start + interval * taken
                guard slot <= ContinuousClock.now, slot < deadline else { return nil }
                let (exchanged, current) = issued.compareExchange(expected: taken, desired: taken + 1, ordering: .relaxed)
                if exchanged { return slot }
                taken = current
            }
        }
    }

    private final class Counters: Sendable {
        let done = Atomic<Int>(0)
        let errors = Atomic<Int>(0)
        let firstError = Mutex<String?>(nil)
        let number = Atomic<Int>(0)

        func fail(_ error: any Error) {
            errors.wrappingAdd(1, ordering: .relaxed)
            firstError.withLock { if $0 == nil { $0 = "\(error)" } }
        }
    }

    func run() async throws -> LoadReport {
        let counters = Counters()
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(seconds * 1_000))
        let pacer = rate.map { Pacer(rate: $0, start: start) }
        let histogram = try await withThrowingTaskGroup(of: Histogram<UInt64>?.self) { group in
            group.addTask { await progress(counters, start: start, deadline: deadline); return nil }
            for caller in 0..<concurrency {
                group.addTask {
                    stream
                        ? try await streamCaller(caller, counters: counters, deadline: deadline, pacer: pacer)
                        : try await unaryCaller(caller, counters: counters, deadline: deadline, pacer: pacer)
                }
            }
            var total = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
            for try await partial in group { if let partial { total.add(partial) } }
            return total
        }
        let elapsed = ContinuousClock.now - start
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
        return LoadReport(
            mode: stream ? "stream" : "unary", units: units.count, concurrency: concurrency, batch: stream ? batch : nil, offeredPerSecond: rate, seconds: elapsedSeconds,
            stamped: histogram.totalCount, errors: counters.errors.load(ordering: .relaxed),
            invoicesPerSecond: Double(histogram.totalCount) / elapsedSeconds,
            p50Milliseconds: Double(histogram.valueAtPercentile(50)) / 1_000, p99Milliseconds: Double(histogram.valueAtPercentile(99)) / 1_000,
            p999Milliseconds: Double(histogram.valueAtPercentile(99.9)) / 1_000, maxMilliseconds: Double(histogram.max) / 1_000,
            notSent: pacer?.notTaken(before: deadline),
            serverPeakMemoryMB: Self.peakMemoryMB(pid: serverPID), firstError: counters.firstError.withLock { $0 }
        )
    }

    private func request(_ caller: Int, _ counters: Counters, _ uuids: inout LoadUUIDs) -> StampRequest {
        let number = counters.number.wrappingAdd(1, ordering: .relaxed).newValue
        return StampRequest(egsID: units[(caller + number) % units.count], document: LoadInvoiceTemplate.document(number: number, uuid: uuids.next(), issued: Date()))
    }

    private func unaryCaller(_ caller: Int, counters: Counters, deadline: ContinuousClock.Instant, pacer: Pacer?) async throws -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        var uuids = LoadUUIDs()
        let clock = ContinuousClock()
        while clock.now < deadline {
            let begin = await pacer?.next() ?? clock.now
            guard begin < deadline else { break }
            let request = request(caller, counters, &uuids)
            do {
                _ = try await signing.stamp(request)
                histogram.record(UInt64(max((clock.now - begin) / .microseconds(1), 1)))
                counters.done.wrappingAdd(1, ordering: .relaxed)
            } catch {
                counters.fail(error)
            }
        }
        return histogram
    }

    /// One stream: at most 16 documents in flight, `batch` per message; answers return the
    /// window's credit. Paced, a message carries the documents already due, up to `batch`.
    private func streamCaller(_ caller: Int, counters: Counters, deadline: ContinuousClock.Instant, pacer: Pacer?) async throws -> Histogram<UInt64> {
        let sent = Mutex<[Int64: ContinuousClock.Instant]>([:])
        // Answers give their places in the window back through `returned`; `window` wakes the
        // sender when it waits for places (one pending wake-up at most).
        let returned = Atomic<Int>(0)
        let window = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        return try await signing.stampStream { writer in
            var sequence: Int64 = 0
            var uuids = LoadUUIDs()
            var iterator = window.stream.makeAsyncIterator()
            var available = 16
            // One message: a document for each time in `scheduled` (when it was due, paced; or
            // now), its latency counted from that time.
            func send(_ scheduled: [ContinuousClock.Instant]) async throws {
                var items: [BulkStampRequest] = []
                items.reserveCapacity(scheduled.count)
                for _ in scheduled {
                    sequence += 1
                    items.append(BulkStampRequest(sequence: sequence, request: request(caller, counters, &uuids)))
                }
                let firstSequence = items[0].sequence
                sent.withLock { sent in
                    for (offset, at) in scheduled.enumerated() { sent[firstSequence + Int64(offset)] = at }
                }
                try await writer.write(BulkStampBatch(items: items))
                available -= items.count
            }
            guard let pacer else {
                // Unpaced, a message goes out once a whole batch fits in the window (else
                // answers coming back one at a time would shrink every message to one document).
                let enough = min(batch, 16)
                while ContinuousClock.now < deadline {
                    if available < enough {
                        available += returned.exchange(0, ordering: .acquiring)
                        if available < enough, await iterator.next() == nil { break }
                        continue
                    }
                    try await send(Array(repeating: ContinuousClock.now, count: min(available, batch)))
                }
                return
            }
            // Paced, this stream sends only on its turn: once every `concurrency` ticks, a tick
            // after the stream before it, it sends everything due, in messages of up to `batch`,
            // as far as its window allows; what it cannot take goes out on the next stream's
            // turn. About one wake-up a tick in all, whatever the rate: a timer per invoice cost
            // the load tool more CPU than the service spent stamping. Answers that come back
            // between turns give their places back without waking the sender: sending on them
            // too broke the load into messages of one or two documents, and cost the service
            // and this tool a wake-up each.
            // Latency counts from each invoice's scheduled time, so the wait for a turn (a tick
            // at most) is in the percentiles, and so is a backlog when every window is full. A
            // tick of 2 ms against 1, at 6,000 invoices/s on 8 streams: 8 µs less of the load
            // tool's CPU per invoice, and a lower p99 (14 to 16 ms against 21 to 22), since the
            // tool shares the machine.
            let tick = max(.milliseconds(2), pacer.interval)
            var turn = pacer.start + tick * caller
            while turn < deadline {
                do {
                    try await Task.sleep(until: turn, clock: .continuous)
                } catch {
                    break  // cancelled
                }
                available += returned.exchange(0, ordering: .acquiring)
                while available > 0, ContinuousClock.now < deadline {
                    var scheduled: [ContinuousClock.Instant] = []
                    while scheduled.count < min(available, batch), let due = pacer.nextIfDue(before: deadline) { scheduled.append(due) }
                    if scheduled.isEmpty { break }
                    try await send(scheduled)
                    available += returned.exchange(0, ordering: .acquiring)
                }
                let now = ContinuousClock.now
                while turn <= now { turn += tick * concurrency }
            }
        } responses: { responses in
            // However the answers end, the sender stops waiting for credit.
            defer { window.continuation.finish() }
            var histogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
            for try await results in responses {
                let began = sent.withLock { sent in results.items.map { sent.removeValue(forKey: $0.sequence) } }
                returned.wrappingAdd(results.items.count, ordering: .releasing)
                window.continuation.yield()
                let now = ContinuousClock.now
                for (response, began) in zip(results.items, began) {
                    if response.stamp != nil, let began {
                        histogram.record(UInt64(max((now - began) / .microseconds(1), 1)))
                        counters.done.wrappingAdd(1, ordering: .relaxed)
                    } else {
                        counters.fail(RPCError(code: RPCError.Code(Status.Code(rawValue: response.errorCode ?? 2) ?? .unknown) ?? .unknown, message: response.errorMessage ?? "unknown error"))
                    }
                }
            }
            return histogram
        }
    }

    private func progress(_ counters: Counters, start: ContinuousClock.Instant, deadline: ContinuousClock.Instant) async {
        guard !quiet else { return }
        var last = 0
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: .seconds(1))
            let done = counters.done.load(ordering: .relaxed)
            let elapsed = ContinuousClock.now - start
            let line = String(format: "\r[%5.1fs] %d stamped, %d/s now, %d errors", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, done, done - last, counters.errors.load(ordering: .relaxed))
            FileHandle.standardError.write(Data(line.utf8))
            last = done
        }
    }

    /// The server's peak resident memory (VmHWM), when it runs on this machine.
    static func peakMemoryMB(pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1_024
    }
}
