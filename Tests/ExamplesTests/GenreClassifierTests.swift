import AudioIO
import Experiments
import Foundation
import GenreModels
import GTZAN
import NN
import TestSupport
import XCTest

/// The classifier that ships with GenreKit, its checkpoint format, and how it is rebuilt.
final class GenreClassifierTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory("genre-classifier")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTheBundledModelNamesItsLabelsAndItsAccuracy() throws {
        let classifier = try GenreClassifier.bundled()
        XCTAssertEqual(classifier.labels, Genre.gtzan.map(\.name))
        XCTAssertNotNil(classifier.metadata["artist_protocol_accuracy"])
        XCTAssertEqual(classifier.metadata["trained_on"], "1000 rows of features_30_sec.csv")
    }

    /// The kit's excerpts are rows of the training table: a model that got the features or weights wrong
    /// would not label all ten right.
    func testTheBundledModelLabelsTheKitExcerpts() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let classifier = try GenreClassifier.bundled()
        for genre in Genre.gtzan {
            let result = try classifier.classify(kit.appendingPathComponent("genres/\(genre)/\(genre).00000.au"))
            XCTAssertEqual(result.top.first?.genre, genre.name, result.line)
            XCTAssertEqual(result.segments, 1)
        }
    }

    func testCheckpointsWithoutLabelNamesAreRejected() throws {
        let url = directory.appendingPathComponent("bare.safetensors")
        try Sequential(FeatureStandardization(nil, features: 57), FeatureMLP(.keras)).save(to: url)
        XCTAssertThrowsError(try GenreClassifier(checkpoint: url)) {
            XCTAssertTrue("\($0)".contains(url.path) && "\($0)".contains("labels"), "\($0)")
        }
    }

    /// `make default-model` on the real table rebuilds the shipped file byte for byte.
    func testTheDefaultModelBuildIsReproducible() throws {
        let real = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/gtzan-real")
        guard FileManager.default.fileExists(atPath: real.appendingPathComponent("features_30_sec.csv").path) else {
            throw XCTSkip("shared GTZAN table not present")
        }
        let url = directory.appendingPathComponent("rebuilt.safetensors")
        let result = try DefaultModelBuild(table: real.appendingPathComponent("features_30_sec.csv"),
                                           folds: real.appendingPathComponent("splits/artist-filtered-3fold"))
            .run(writingTo: url, log: { _ in })
        XCTAssertEqual(result.foldSizes, [315, 316, 317])
        XCTAssertEqual(result.rows, 1000)
        XCTAssertGreaterThan(result.mean, 0.3, "far above chance (10 %) on unseen artists")
        let shipped = Fixtures.repositoryRoot.appendingPathComponent("Sources/Experiments/Resources/default-genre-mlp.safetensors")
        XCTAssertEqual(try Data(contentsOf: url), try Data(contentsOf: shipped),
                       "the shipped model differs from what `make default-model` builds")
        XCTAssertEqual(try GenreClassifier(checkpoint: url).metadata["artist_protocol_accuracy"], result.summary)
    }

    func testFoldsSharingAnArtistAreRejected() throws {
        let folds = directory.appendingPathComponent("folds")
        try FileManager.default.createDirectory(at: folds, withIntermediateDirectories: true)
        for (fold, lines) in [["./blues_00000.wav\t0"], ["./blues_00001.wav\t0"], ["./rock_00000.wav\t1"]].enumerated() {
            try lines.joined(separator: "\n").write(to: folds.appendingPathComponent("f\(fold + 1)_evaluate_groups.txt"),
                                                    atomically: true, encoding: .utf8)
        }
        let table = directory.appendingPathComponent("table.csv")
        try "filename,length,a,label\n".write(to: table, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DefaultModelBuild(table: table, folds: folds).run(writingTo: directory.appendingPathComponent("m"))) {
            XCTAssertTrue("\($0)".contains("artist 0 is in folds 1 and 2"), "\($0)")
        }
    }

    func testTheCommandClassifiesAnyAudioWithTheDefaultModel() throws {
        let url = directory.appendingPathComponent("song.mp3")
        try FileManager.default.copyItem(at: Fixtures.url("AudioIO/mp3/cbr22k_stereo_noinfo.mp3"), to: url)
        let output = try ExampleProcess(name: "genrekit-classify").run([url.path, "--top", "2"])
        XCTAssertTrue(output.contains("labels (10): blues, classical, country, disco, hiphop, jazz, metal, pop, reggae, rock"), output)
        XCTAssertTrue(output.contains("song.mp3 (1 segment): "), output)
        let (status, failure) = try ExampleProcess(name: "genrekit-classify").outcome([directory.appendingPathComponent("none.wav").path])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(failure.contains("none.wav") && failure.contains("no such file"), failure)
    }
}
