import Experiments
import Foundation
import GenreModels
import GTZAN
import NN
import Tensor
import TestSupport
import XCTest

/// Runs on collections other than GTZAN: a folder per label (no artist ids: the track protocol, said in every
/// report) and FMA (artist ids, and its official split as the `official` protocol), end to end through the examples.
final class CollectionRunTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory("collection-run")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    private func settings(_ data: URL, _ evaluationProtocol: EvaluationProtocol? = nil) -> RunSettings {
        RunSettings(dataRoot: data, outputDirectory: root.appendingPathComponent("out"), threads: 1,
                    evaluationProtocol: evaluationProtocol)
    }

    func testFoldersWithoutArtistIdsSplitByTrackAndSaySo() throws {
        let folders = root.appendingPathComponent("folders")
        try CollectionFixture.writeFolders(["ambient", "drone", "noise"], tracksPerLabel: 2, seconds: 0.25, in: folders)
        let collection = try LabelledCollection(detecting: folders)
        let run = try RunGrouping(dataset: collection, settings: settings(folders))
        XCTAssertEqual(run.grouping.evaluationProtocol, .track)
        XCTAssertEqual(run.protocolNote, "track protocol: no artist ids known")
        XCTAssertEqual(run.artistSource, "none")
        XCTAssertThrowsError(try RunGrouping(dataset: collection, settings: settings(folders, .artist))) {
            XCTAssertTrue("\($0)".contains("artist needs artist ids"), "\($0)")
        }
        let list = root.appendingPathComponent("artists.txt")
        try "ambient.ambient-0\tA\nambient.ambient-1\tA\ndrone.drone-0\tB\n".write(to: list, atomically: true, encoding: .utf8)
        var given = settings(folders)
        given.artistsFile = list
        let artists = try RunGrouping(dataset: collection, settings: given)
        XCTAssertEqual(artists.grouping.evaluationProtocol, .artist, "--artists gives a folder collection artist ids")
        XCTAssertEqual(artists.grouping.artist(of: TrackID(genre: "ambient", name: "ambient-1")), "A")
        XCTAssertNil(artists.protocolNote)
        XCTAssertThrowsError(try RunGrouping(dataset: collection, settings: settings(folders, .official))) {
            XCTAssertTrue("\($0)".contains("official needs a collection with its own split"), "\($0)")
        }
    }

    func testFMADefaultsToArtistAndOfficialUsesSetSplit() throws {
        try CollectionFixture.writeFMA(in: root)
        let collection = try LabelledCollection(detecting: root)
        let artist = try RunGrouping(dataset: collection, settings: settings(root))
        XCTAssertEqual(artist.grouping.evaluationProtocol, .artist)
        XCTAssertNil(artist.protocolNote)
        XCTAssertEqual(artist.grouping.artist(of: TrackID(genre: "Hip-Hop", name: "000005")), "1")
        let official = try RunGrouping(dataset: collection, settings: settings(root, .official))
        let planned = try SplitPlan.ratio(train: 0.5, validation: 0, test: 0.5)
            .apply(collection.tracks, dataset: collection, fold: nil, grouping: official.grouping)
        let sides = Dictionary(uniqueKeysWithValues: planned.table.rows.map { ($0.track.name, $0.side) })
        XCTAssertEqual(sides, ["000002": .train, "000005": .validation, "000010": .test, "000140": .test])
        XCTAssertEqual(planned.split.evaluationProtocol, .official)
        XCTAssertTrue(official.notes.contains { $0.contains("Official split of FMA (small subset)") }, "\(official.notes)")
    }

    /// Under `--protocol official` a K-fold study is one run on the published split (each fold would repeat it);
    /// other protocols keep every fold.
    func testOfficialProtocolRunsAKFoldStudyOnce() throws {
        let base = Experiment(input: FeatureTableInput(table: .thirtySeconds), split: .kFold(folds: 5, seed: 1),
                              model: { Linear(57, $0) }, initialization: .pytorch,
                              recipe: Recipe(epochs: 1, batchSize: 4, learningRate: 1e-3))
        let folds = (0..<5).map { fold in base.with { $0.fold = fold; $0.runName = "fold-\(fold + 1)" } }
        let threads = Parallel.threadCount  // a runner sets it to its settings' count
        defer { Parallel.threadCount = threads }
        var lines: [String] = []
        var official = try ExperimentRunner(settings: settings(root, .official))
        official.log = { lines.append($0) }
        let runs = official.runs(of: folds)
        XCTAssertEqual(runs.count, 1)
        XCTAssertNil(runs[0].fold)
        XCTAssertNil(runs[0].runName, "a single run reports into the output folder itself")
        XCTAssertTrue(lines.contains { $0.contains("one run on the published split instead of 5 K-fold runs (4 skipped") }, "\(lines)")
        let artist = try ExperimentRunner(settings: settings(root, .artist)).runs(of: folds)
        XCTAssertEqual(artist.map(\.fold), [0, 1, 2, 3, 4])
    }

    private static let smoke = ["--epochs", "1", "--batch-size", "4", "--max-batches", "2", "--no-progress"]

    /// `mfcc-cnn` trains on three labels that are not GTZAN's: a three-output model, the labels in the report
    /// and checkpoint, and the protocol qualified.
    func testMFCCCNNTrainsOnAFolderPerLabelCollection() throws {
        let folders = root.appendingPathComponent("folders")
        try CollectionFixture.writeFolders(["ambient", "drone", "noise"], tracksPerLabel: 5, seconds: 3.2, in: folders)
        let out = root.appendingPathComponent("report")
        let output = try ExampleProcess(name: "mfcc-cnn").run(["train", "--data", folders.path, "--out", out.path,
                                                               "--cache", root.appendingPathComponent("cache").path] + Self.smoke)
        XCTAssertTrue(output.contains("Genres (3): ambient, drone, noise"), output)
        XCTAssertTrue(output.contains("track protocol: no artist ids known"), output)
        XCTAssertFalse(output.contains("SYNTHETIC"), output)
        let metrics = try RunMetrics(contentsOf: out.appendingPathComponent("metrics.json"))
        XCTAssertEqual(metrics.genres, ["ambient", "drone", "noise"])
        XCTAssertEqual(metrics.perClassRecall.count, 3)
        XCTAssertEqual(metrics.evaluationProtocol, "track")
        XCTAssertEqual(metrics.protocolNote, "track protocol: no artist ids known")
        XCTAssertTrue(metrics.dataset.hasPrefix("folder-per-label collection at \(folders.path)"), metrics.dataset)
        let best = out.appendingPathComponent("best.safetensors")
        let state = try SafeTensors(contentsOf: best)
        XCTAssertTrue(state.tensors.contains { $0.key.hasSuffix("bias") && $0.value.shape == [3] }, "a 3-class head")
        for name in ["best.safetensors", "last.safetensors", "last.state.safetensors"] {
            XCTAssertEqual(CheckpointLabels.names(in: out.appendingPathComponent(name)), ["ambient", "drone", "noise"], name)
        }
        XCTAssertEqual(state.metadata["labels"], #"["ambient","drone","noise"]"#)

        // classify and evaluate name the labels from the checkpoint, even without the report folder around it.
        let alone = root.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: best, to: alone.appendingPathComponent("model.safetensors"))
        let song = folders.appendingPathComponent("drone/drone-0.wav")
        let classified = try ExampleProcess(name: "mfcc-cnn").run(["classify", song.path, "--checkpoint",
                                                                   alone.appendingPathComponent("model.safetensors").path])
        XCTAssertTrue(classified.contains("Labels (3, from the checkpoint): ambient, drone, noise"), classified)
        XCTAssertTrue(classified.contains("drone-0.wav (1 segment): "), classified)
        XCTAssertFalse(classified.contains("blues"), classified)
        let evaluated = try ExampleProcess(name: "mfcc-cnn").run(["evaluate", "--data", folders.path, "--checkpoint", best.path,
                                                                  "--cache", root.appendingPathComponent("cache").path] + Self.smoke)
        XCTAssertTrue(evaluated.contains("Labels (3, from the checkpoint): ambient, drone, noise"), evaluated)
        XCTAssertTrue(evaluated.contains("Test accuracy:"), evaluated)
    }

    /// A checkpoint written before labels were recorded (no metadata, no configuration.json) is read as GTZAN's
    /// ten, with a note saying so.
    func testCheckpointsWithoutLabelNamesFallBackToGTZANsTenWithANote() throws {
        let old = root.appendingPathComponent("old.safetensors")
        try ParameterInitialization.using(MFCCCNN.initialization, seed: 0) { MFCCCNN() }.save(to: old)
        let song = try CollectionFixture.writeTone("song.wav", in: root, seconds: 3.2)
        let output = try ExampleProcess(name: "mfcc-cnn").run(["classify", song.path, "--checkpoint", old.path])
        XCTAssertTrue(output.contains("Labels (10, from the checkpoint): blues, classical, country"), output)
        XCTAssertTrue(output.contains("records no label names") && output.contains("assuming GTZAN's ten genres"), output)
    }

    /// `mlp-features` computes the feature table of FMA's MP3s and splits by `set.split`.
    func testMLPFeaturesOnFMAWithTheOfficialSplit() throws {
        try CollectionFixture.writeFMA(in: root)
        let out = root.appendingPathComponent("report")
        let output = try ExampleProcess(name: "mlp-features").run(["train", "--data", root.path, "--out", out.path, "--protocol",
                                                                   "official", "--cache", root.appendingPathComponent("cache").path]
                                                                  + Self.smoke)
        XCTAssertTrue(output.contains("Genres (3): Folk, Hip-Hop, Pop"), output)
        XCTAssertTrue(output.contains("1 of them have no track.genre_top"), output)
        XCTAssertTrue(output.contains("000099.mp3"), "the missing MP3 is reported:\n\(output)")
        let metrics = try RunMetrics(contentsOf: out.appendingPathComponent("metrics.json"))
        XCTAssertEqual(metrics.evaluationProtocol, "official")
        XCTAssertEqual(metrics.genres, ["Folk", "Hip-Hop", "Pop"])
        let split = try String(contentsOf: out.appendingPathComponent("split.csv"), encoding: .utf8)
        XCTAssertEqual(split, "track,artist,side,fold\nFolk.000140,60,test,\nHip-Hop.000002,1,train,\n"
                       + "Hip-Hop.000005,1,validation,\nPop.000010,6,test,\n")
    }
}
