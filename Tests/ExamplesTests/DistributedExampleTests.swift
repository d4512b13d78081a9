import Experiments
import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

/// The example CLIs under `mpirun -np 2`: `gtzan-features` writes the single-process table byte for byte,
/// and an example's `train` runs data-parallel with rank 0 alone reporting.
final class DistributedExampleTests: XCTestCase {
    private var folder: URL!
    private let job = MPIRun(ranks: 2, timeout: 180)

    override func setUpWithError() throws {
        guard MPIRun.launcher != nil else { throw XCTSkip("mpirun not found: install openmpi-bin (scripts/setup does)") }
        folder = try Fixtures.temporaryDirectory("distributed-examples")
    }

    override func tearDownWithError() throws {
        if let folder { try FileManager.default.removeItem(at: folder) }
    }

    private func example(_ name: String) -> URL { ExampleProcess.buildDirectory.appendingPathComponent(name) }

    private func run(_ name: String, _ arguments: [String], alone: Bool = false,
                     file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let outcome = try job.run(example(name), arguments, alone: alone)
        XCTAssertFalse(outcome.timedOut, "\(name) timed out:\n\(outcome.output)", file: file, line: line)
        XCTAssertEqual(outcome.status, 0, "\(name) \(arguments) failed:\n\(outcome.output)", file: file, line: line)
        return outcome.output
    }

    /// Seven files (two genres, one corrupt) shared out round robin: one table, identical to one process's.
    func testFeaturesOnTwoRanksWriteTheSingleProcessTable() throws {
        let data = try SyntheticGTZAN.write(to: folder.appendingPathComponent("data"), tracksPerGenre: 3, seconds: 4, seed: 5,
                                            genres: [.jazz, .metal])
        let corrupt = data.appendingPathComponent("genres/metal/metal.00007.wav")
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: corrupt)
        for (kind, extra) in [("whole", [String]()), ("segments", ["--segment", "1.5"])] {
            let (one, two) = (folder.appendingPathComponent("\(kind)-one.csv"), folder.appendingPathComponent("\(kind)-two.csv"))
            let alone = try run("gtzan-features", [data.path, "-o", one.path, "-j", "1"] + extra, alone: true)
            let ranks = try run("gtzan-features", [data.path, "-o", two.path, "-j", "1"] + extra)
            XCTAssertEqual(try Data(contentsOf: one), try Data(contentsOf: two), kind)
            XCTAssertEqual(try String(contentsOf: two, encoding: .utf8).split(separator: "\n").count, kind == "whole" ? 7 : 13)
            for output in [alone, ranks] {
                XCTAssertTrue(output.contains("skipped 1 unreadable files") && output.contains(corrupt.path), output)
            }
            XCTAssertEqual(ranks.components(separatedBy: "wrote ").count, 2, "only rank 0 writes:\n\(ranks)")
        }
    }

    /// `mpirun -np 2 mlp-features train`: both ranks train, rank 0 writes the one report.
    func testExampleTrainsOnTwoRanksAndRankZeroReports() throws {
        let out = folder.appendingPathComponent("report")
        let output = try run("mlp-features", ["train", "--synthetic-tracks", "4", "--synthetic-seconds", "4", "--epochs", "2",
                                              "--batch-size", "8", "--no-progress", "--cache", folder.appendingPathComponent("cache").path,
                                              "--out", out.path])
        XCTAssertEqual(output.components(separatedBy: "Report: ").count, 2, "one report, from rank 0:\n\(output)")
        let metrics = try RunMetrics(contentsOf: out.appendingPathComponent("metrics.json"))
        XCTAssertEqual(metrics.epochs, 2)
        for name in ["best.safetensors", "last.safetensors", "last.state.safetensors", "history.csv", "configuration.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
    }
}
