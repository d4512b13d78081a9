import AudioIO
import DSP
import Experiments
import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

/// `gtzan-features` end to end: Kaggle's schema for whole tracks and 3 s segments, values equal to
/// `GTZANFeatures` in process, unreadable files skipped and listed, failure only when nothing could be read.
final class GTZANFeaturesCommandTests: XCTestCase {
    static let dataset = try! SyntheticGTZAN.write(to: try! Fixtures.temporaryDirectory("gtzan-features-data"),
                                                   tracksPerGenre: 1, seconds: 7, seed: 3, genres: [.blues, .rock])
    let command = ExampleProcess(name: "gtzan-features")

    private func table(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `--data` takes any collection: rows are named `<label>.<track>` and labelled with its labels, and the
    /// table reads back with those labels and tracks (3 s segments too).
    func testACollectionGivesRowsOfItsLabels() throws {
        let folder = try Fixtures.temporaryDirectory("gtzan-features-collection")
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent("music")
        try CollectionFixture.writeFolders(["Lo-fi", "Synth wave"], tracksPerLabel: 2, seconds: 6.5, in: collection)
        let whole = folder.appendingPathComponent("whole.csv")
        try command.run(["--data", collection.path, "--out", whole.path, "--jobs", "2"])
        let rows = try table(whole)
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, ["Lo-fi.Lo-fi-0.wav", "Lo-fi.Lo-fi-1.wav", "Synth wave.Synth wave-0.wav",
                                                        "Synth wave.Synth wave-1.wav"])
        XCTAssertEqual(rows.dropFirst().map(\.last), ["Lo-fi", "Lo-fi", "Synth wave", "Synth wave"])
        let read = try FeatureTable(contentsOf: whole)
        XCTAssertEqual(read.genres.map(\.name), ["Lo-fi", "Synth wave"])
        XCTAssertEqual(read.rows.map(\.trackID.name), ["Lo-fi-0", "Lo-fi-1", "Synth wave-0", "Synth wave-1"])
        let segments = folder.appendingPathComponent("segments.csv")
        try command.run(["--data", collection.path, "--labels", "Synth wave", "--out", segments.path, "--segment", "3"])
        let parts = try FeatureTable(contentsOf: segments, segmented: true)
        XCTAssertEqual(parts.rows.map(\.trackID.name), ["Synth wave-0", "Synth wave-0", "Synth wave-1", "Synth wave-1"])
        XCTAssertEqual(parts.rows.map(\.segment), [0, 1, 0, 1])
        let (status, output) = try command.outcome([collection.path, "--data", collection.path, "--out", whole.path])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("not both"), output)
    }

    func testWholeTracksAndSegmentsInKaggleSchemaSkippingUnreadableFiles() throws {
        let folder = try Fixtures.temporaryDirectory("gtzan-features-out")
        let corrupt = Self.dataset.appendingPathComponent("genres/rock/rock.00099.wav")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: corrupt)
        defer { try? FileManager.default.removeItem(at: corrupt) }

        let whole = folder.appendingPathComponent("features_30_sec.csv")
        let output = try command.run([Self.dataset.path, "--out", whole.path, "--jobs", "2"])
        XCTAssertTrue(output.contains("skipped 1 unreadable files") && output.contains(corrupt.path), output)
        let rows = try table(whole)
        XCTAssertEqual(rows[0], ["filename", "length"] + GTZANFeatures.columnNames + ["label"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, ["blues.00000.wav", "rock.00000.wav"])
        XCTAssertEqual(rows.dropFirst().map(\.last), ["blues", "rock"])
        let track = Self.dataset.appendingPathComponent("genres/rock/rock.00000.wav")
        let samples = try AudioFile.read(track).samples
        XCTAssertEqual(rows[2][1], "\(samples.count)")
        let expected = try GTZANFeatures()(samples)
        for (column, value) in zip(GTZANFeatures.columnNames, rows[2][2..<59]) {
            XCTAssertEqual(Double(value), expected[GTZANFeatures.columnNames.firstIndex(of: column)!], column)
        }

        let segments = folder.appendingPathComponent("features_3_sec.csv")
        try command.run([Self.dataset.path, "--out", segments.path, "--segment", "3", "--pad-mode", "constant"])
        let segmentRows = try table(segments)
        XCTAssertEqual(segmentRows.dropFirst().map { $0[0] },
                       ["blues.00000.0.wav", "blues.00000.1.wav", "rock.00000.0.wav", "rock.00000.1.wav"])
        XCTAssertEqual(Set(segmentRows.dropFirst().map { $0[1] }), ["66149"])
        let second = try GTZANFeatures(padMode: .constant)(Array(samples[66149..<2 * 66149]))
        XCTAssertEqual(segmentRows[4][2..<59].map { Double($0)! }, second)
    }

    /// The MP3 fixtures (CBR and VBR, 22.05 to 48 kHz, mono and stereo, two without a Xing/Info frame)
    /// against `dsp_features.gtzan_vector` of `librosa.load`, within the kit's tolerance against librosa.
    func testMP3FilesMatchLibrosa() throws {
        let folder = try Fixtures.temporaryDirectory("gtzan-features-mp3")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("mp3.csv")
        let output = try command.run([Fixtures.url("AudioIO/mp3").path, "--out", out.path])
        XCTAssertFalse(output.contains("skipped"), output)
        let rows = try table(out).dropFirst()
        XCTAssertEqual(rows.count, 6)
        for row in rows {
            let name = String(row[0].dropLast(".wav".count))
            let expected = try NPYArray.fixture("AudioIO/mp3/\(name)_gtzan.npy").values
            for (column, field) in GTZANFeatures.columnNames.enumerated() {
                let value = try XCTUnwrap(Double(row[column + 2])), reference = Double(expected[column])
                let nearZero = field == "harmony_mean" || field == "perceptr_mean"
                XCTAssertEqual(value, reference, accuracy: nearZero ? 1e-8 : 2e-5 * abs(reference), "\(name) \(field)")
            }
        }
    }

    func testFailsOnlyWhenNothingCouldBeRead() throws {
        let folder = try Fixtures.temporaryDirectory("gtzan-features-bad")
        let bad = folder.appendingPathComponent("blues.00000.au")
        try Data("not audio at all".utf8).write(to: bad)
        let out = folder.appendingPathComponent("out.csv")
        let (status, output) = try command.outcome([bad.path, "--out", out.path])
        XCTAssertNotEqual(status, 0, output)
        XCTAssertTrue(output.contains(bad.path), output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let (usage, message) = try command.outcome([folder.path, "--out", out.path, "--segment", "-3"])
        XCTAssertNotEqual(usage, 0)
        XCTAssertTrue(message.contains("--segment"), message)
    }
}
