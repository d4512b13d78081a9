import AudioIO
import Experiments
import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

/// Report folders are replaced atomically, a killed run continues with `train --resume` to the weights of an
/// uninterrupted one, and the runs refuse label sets of fewer than two classes.
final class RunFolderTests: XCTestCase {
    var directory: URL!
    var cache: URL { directory.appendingPathComponent("cache", isDirectory: true) }

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("run-folder") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func smoke(epochs: Int, out: URL) -> [String] {
        ["train", "--synthetic-tracks", "10", "--synthetic-seconds", "3", "--epochs", "\(epochs)", "--batch-size", "8",
         "--max-batches", "2", "--no-progress", "--cache", cache.path, "--out", out.path]
    }

    private func partial(of out: URL) -> URL {
        out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).partial")
    }

    func testKilledRunResumesToTheWeightsOfAnUninterruptedRun() throws {
        let whole = directory.appendingPathComponent("whole")
        try ExampleProcess(name: "mfcc-cnn").run(smoke(epochs: 8, out: whole))
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial(of: whole).path), "the staging folder was renamed")

        // An old report with a figure the new run does not write: replaced as a whole, never mixed.
        let out = directory.appendingPathComponent("killed")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: out.appendingPathComponent("configuration.json"))
        try Data("<svg/>".utf8).write(to: out.appendingPathComponent("stale-figure.svg"))

        let state = partial(of: out).appendingPathComponent("last.state.safetensors")
        let process = try ExampleProcess(name: "mfcc-cnn").start(smoke(epochs: 8, out: out))
        while process.isRunning && !FileManager.default.fileExists(atPath: state.path) { usleep(2000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the run ended before the kill; use more epochs")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("stale-figure.svg").path),
                      "a killed run leaves the previous folder untouched")

        let output = try ExampleProcess(name: "mfcc-cnn").run(smoke(epochs: 8, out: out) + ["--resume"])
        XCTAssertTrue(output.contains("Resuming mfcc-cnn after epoch"), output)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("last.safetensors")),
                       try Data(contentsOf: whole.appendingPathComponent("last.safetensors")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("stale-figure.svg").path))
        XCTAssertEqual(try RunMetrics(contentsOf: out.appendingPathComponent("metrics.json")).epochs, 8)

        // classify warns about a file shorter than one segment.
        let blip = directory.appendingPathComponent("blip.wav")
        try AudioFile.write(blip, samples: [0.25], sampleRate: 22050)
        let classified = try ExampleProcess(name: "mfcc-cnn").run(
            ["classify", blip.path, "--checkpoint", out.appendingPathComponent("best.safetensors").path])
        XCTAssertTrue(classified.contains("warning: \(blip.path) lasts 0.000 s, shorter than one 3.0 s segment"), classified)
    }

    func testResumeWithoutAnInterruptedRunAndForeignFoldersAreRefused() throws {
        let out = directory.appendingPathComponent("none")
        let (status, output) = try ExampleProcess(name: "mfcc-cnn").outcome(smoke(epochs: 1, out: out) + ["--resume"])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("--resume: no interrupted run to continue"), output)

        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: home.appendingPathComponent("notes.txt"))
        let (refused, message) = try ExampleProcess(name: "mfcc-cnn").outcome(smoke(epochs: 1, out: home))
        XCTAssertEqual(refused, 1, message)
        XCTAssertTrue(message.contains("holds files but no report"), message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("notes.txt").path))
    }

    func testFewerThanTwoClassesIsAnError() throws {
        let blues = try SyntheticGTZAN.write(to: directory.appendingPathComponent("blues-only"), tracksPerGenre: 3,
                                             seconds: 3, seed: 1, genres: [.blues])
        let (status, output) = try ExampleProcess(name: "mfcc-cnn").outcome(
            smoke(epochs: 1, out: directory.appendingPathComponent("a")) + ["--data", blues.path])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("too few classes") && output.contains("tracks found of 1 (blues)"), output)

        let (single, message) = try ExampleProcess(name: "segment-cnn").outcome(
            smoke(epochs: 1, out: directory.appendingPathComponent("b")) + ["--genres", "blues"])
        XCTAssertEqual(single, 1, message)
        XCTAssertTrue(message.contains("too few classes: ") && message.contains("1 genre(s) asked for (blues)"), message)
    }

    func testAbandonedStagingFoldersAreRemovedAndLiveOnesKept() throws {
        let abandoned = directory.appendingPathComponent(".synthetic-gtzan-t10-s3-seed0.staging-4194305")
        let live = StagingFolder.url(for: "other", in: directory)
        for folder in [abandoned, live] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        XCTAssertEqual(StagingFolder.removeAbandoned(in: directory).map(\.lastPathComponent), [abandoned.lastPathComponent])
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "this process is alive")
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned.path))
    }
}
