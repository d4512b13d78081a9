import Experiments
import Foundation
import GTZAN
import TestSupport
import XCTest

/// How a run picks its protocol: artist when artist ids are known, track (with a warning) otherwise.
final class RunGroupingTests: XCTestCase {
    private var root: URL!

    /// An image-only copy: blues 0–3 (blues 2 = blues 3, byte-identical) and rock 0–1.
    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory("run-grouping")
        for (genre, number, value) in [(Genre.blues, 0, 1), (.blues, 1, 2), (.blues, 2, 3), (.blues, 3, 3), (.rock, 0, 4), (.rock, 1, 5)] {
            let folder = root.appendingPathComponent("images_original/\(genre.name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try RGBImage(width: 2, height: 2, values: [Float](repeating: Float(value), count: 12))
                .writePNG(to: folder.appendingPathComponent("\(genre.name)0000\(number).png"))
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    private func settings(_ evaluationProtocol: EvaluationProtocol? = nil, artists: URL? = nil) -> RunSettings {
        RunSettings(dataRoot: root, outputDirectory: root.appendingPathComponent("out"), threads: 1,
                    evaluationProtocol: evaluationProtocol, artistsFile: artists)
    }

    private func writeGroups(_ lines: String, to relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testWithoutArtistIdsTheDefaultIsTrackWithAWarning() throws {
        let run = try RunGrouping(dataset: try LabelledCollection(detecting: root), settings: settings())
        XCTAssertEqual(run.grouping.evaluationProtocol, .track)
        XCTAssertTrue(run.notes.contains { $0.contains("artist leakage is NOT excluded") }, "\(run.notes)")
        XCTAssertEqual(run.grouping.replicas.groups.map { $0.tracks.map(\.description) }, [["blues.00002", "blues.00003"]])
        XCTAssertThrowsError(try RunGrouping(dataset: try LabelledCollection(detecting: root), settings: settings(.artist))) { error in
            XCTAssertTrue("\(error)".contains("--protocol") && "\(error)".contains("--artists FILE"), "\(error)")
        }
    }

    func testShippedGroupFilesMakeArtistTheDefaultAndUnknownArtistsAreCounted() throws {
        _ = try writeGroups("./blues_00000.wav\t1\n./blues_00001.wav\t1\n./blues_00002.wav\t2\n./rock_00000.wav\t3\n",
                            to: "splits/artist-filtered-3fold/f1_train_groups.txt")
        let dataset = try LabelledCollection(detecting: root)
        let run = try RunGrouping(dataset: dataset, settings: settings())
        XCTAssertEqual(run.grouping.evaluationProtocol, .artist)
        XCTAssertTrue(run.notes[0].contains("(default)"), run.notes[0])
        XCTAssertTrue(run.artistSource.contains("4 excerpts, 3 artists; 4 of this data's 6 excerpts listed"), run.artistSource)
        XCTAssertEqual(run.grouping.artist(of: TrackID(genre: .blues, number: 3)), "2", "through its replica blues 2")
        let planned = try SplitPlan.ratio(train: 0.5, validation: 0, test: 0.5).apply(dataset.images, dataset: dataset, fold: nil,
                                                                                      grouping: run.grouping)
        let warning = try XCTUnwrap(run.missingArtistWarning(planned.table))
        XCTAssertTrue(warning.contains("1 of 6 excerpts have no artist id") && warning.contains("rock.00001"), warning)
        let sides = Dictionary(grouping: planned.table.rows, by: \.track.description).mapValues { $0.map(\.side) }
        XCTAssertEqual(sides["blues.00000"], sides["blues.00001"], "one artist, one side")
        XCTAssertEqual(sides["blues.00002"], sides["blues.00003"], "replicas on one side")

        let track = try RunGrouping(dataset: dataset, settings: settings(.track))
        XCTAssertTrue(track.notes.contains { $0.contains("although artist ids are known") }, "\(track.notes)")
        let segment = try RunGrouping(dataset: dataset, settings: settings(.segment))
        XCTAssertTrue(segment.grouping.replicas.groups.isEmpty, "the leaky protocol does not look for replicas")
        XCTAssertTrue(segment.notes.contains { $0.contains("segment protocol") }, "\(segment.notes)")
    }

    func testArtistsOptionReplacesTheShippedIds() throws {
        _ = try writeGroups("./blues_00000.wav\t1\n", to: "splits/f1_train_groups.txt")
        let own = try writeGroups("rock.00000\tA\nrock.00001\tA\n", to: "own-artists.txt")
        let run = try RunGrouping(dataset: try LabelledCollection(detecting: root), settings: settings(artists: own))
        XCTAssertNil(run.grouping.artist(of: TrackID(genre: .blues, number: 0)))
        XCTAssertEqual(run.grouping.artist(of: TrackID(genre: .rock, number: 1)), "A")
        XCTAssertTrue(run.artistSource.hasPrefix("1 file(s) in \(root.path)"), run.artistSource)
    }
}
