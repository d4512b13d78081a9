import Foundation
import GTZAN
import XCTest

final class ReplicaGroupsTests: XCTestCase {
    private var fixture: LayoutFixture!

    override func setUpWithError() throws { fixture = try LayoutFixture() }
    override func tearDown() { fixture.remove() }

    private func id(_ genre: Genre, _ number: Int) -> TrackID { TrackID(genre: genre, number: number) }

    func testIdenticalDecodedAudioIsFoundAcrossFormatsAndGenres() throws {
        try fixture.writeAudio(id(.metal, 40), frequency: 440, extension: "wav")
        try fixture.writeAudio(id(.metal, 61), frequency: 440, extension: "flac")  // same samples, other container
        try fixture.writeAudio(id(.rock, 16), frequency: 440)
        try fixture.writeAudio(id(.metal, 41), frequency: 441)
        try fixture.writeAudio(id(.metal, 42), frequency: 442)
        let replicas = try ReplicaGroups.detect(in: try GTZANDataset(root: fixture.root))
        XCTAssertEqual(replicas.groups.map(\.tracks), [[id(.metal, 40), id(.metal, 61), id(.rock, 16)]])
        XCTAssertEqual(replicas.groups.first?.evidence, [.audio])
        XCTAssertTrue(replicas.summary.hasPrefix("1 replica group(s) (3 excerpts)"), replicas.summary)
    }

    func testByteIdenticalImagesAreReplicasAndMergeWithAudioAndLists() throws {
        try fixture.writeImage(id(.pop, 54), value: 10)
        try fixture.writeImage(id(.pop, 60), value: 10)
        try fixture.writeImage(id(.pop, 61), value: 11)
        try fixture.writeImage(id(.disco, 98), value: 12)
        let detected = try ReplicaGroups.detect(in: try GTZANDataset(root: fixture.root))
        XCTAssertEqual(detected.groups.map(\.tracks), [[id(.pop, 54), id(.pop, 60)]])
        XCTAssertEqual(detected.groups.first?.evidence, [.image])

        let list = fixture.root.appendingPathComponent("replicas.txt")
        try "# known\npop.00060 = pop.00061\ndisco.00098, disco.00099\n".write(to: list, atomically: true, encoding: .utf8)
        let merged = detected.merged(with: try ReplicaGroups(contentsOf: list))
        XCTAssertEqual(merged.groups.map(\.tracks), [[id(.disco, 98), id(.disco, 99)], [id(.pop, 54), id(.pop, 60), id(.pop, 61)]])
        XCTAssertEqual(merged.groups.map(\.evidence), [[.list], [.image, .list]])
        XCTAssertEqual(merged.group(of: id(.pop, 61))?.tracks.first, id(.pop, 54))
    }

    func testDistinctContentHasNoReplicas() throws {
        for number in 0..<4 { try fixture.writeAudio(id(.blues, number), frequency: 200 + Float(number)) }
        let replicas = try ReplicaGroups.detect(in: try GTZANDataset(root: fixture.root))
        XCTAssertTrue(replicas.groups.isEmpty)
        XCTAssertEqual(replicas.summary, "no replicas")
    }

    func testMalformedReplicaListsNameTheLine() throws {
        let list = fixture.root.appendingPathComponent("replicas.txt")
        try "pop.00001 pop.00002\npop.00003\n".write(to: list, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReplicaGroups(contentsOf: list)) { error in
            XCTAssertTrue("\(error)".contains("line 2") && "\(error)".contains("at least two"), "\(error)")
        }
        try "pop.00001 = music\n".write(to: list, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReplicaGroups(contentsOf: list)) { error in
            XCTAssertTrue("\(error)".contains("'music' is not a track of this data"), "\(error)")
        }
    }

    func testListsNameTracksOfAnyCollectionAsSplitFilesDo() throws {
        let take1 = TrackID(genre: "ambient", name: "take 1"), take2 = TrackID(genre: "ambient", name: "take 2")
        let drone = TrackID(genre: "drone", name: "x"), other = TrackID(genre: "drone", name: "y")
        let list = fixture.root.appendingPathComponent("replicas.txt")
        try "ambient.take 1 = ambient.take 2\ndrone.x drone.y # spaces separate when nothing else does\n"
            .write(to: list, atomically: true, encoding: .utf8)
        let groups = try ReplicaGroups(contentsOf: list, tracks: [take1, take2, drone, other])
        XCTAssertEqual(groups.groups.map(\.tracks), [[take1, take2], [drone, other]])
        try "ambient.take 1 = ambient.take 3\n".write(to: list, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReplicaGroups(contentsOf: list, tracks: [take1, take2])) { error in
            XCTAssertTrue("\(error)".contains("line 1: 'ambient.take 3' is not a track of this data"), "\(error)")
        }
    }

    /// Hashes are remembered per unchanged file: a second run reads them from the cache (an entry edited there is
    /// believed), a changed file is decoded again, and a damaged cache file is only an empty cache.
    func testHashesOfUnchangedFilesComeFromTheCache() throws {
        let first = try fixture.writeAudio(id(.jazz, 1), frequency: 300)
        try fixture.writeAudio(id(.jazz, 2), frequency: 300)
        let third = try fixture.writeAudio(id(.jazz, 3), frequency: 301)
        let cache = fixture.root.appendingPathComponent("cache")
        let dataset = try GTZANDataset(root: fixture.root)
        XCTAssertEqual(try ReplicaGroups.detect(in: dataset, cache: cache).groups.map(\.tracks), [[id(.jazz, 1), id(.jazz, 2)]])
        let file = cache.appendingPathComponent("replica-hashes.tsv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        let hash = { (url: URL) in lines.first { $0.hasSuffix("\t" + url.standardizedFileURL.path) }!.prefix(32) }
        let firstHash = hash(first)
        lines = lines.map { $0.hasSuffix(third.standardizedFileURL.path) ? firstHash + $0.dropFirst(32) : Substring($0) }.map(String.init)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ReplicaGroups.detect(in: dataset, cache: cache).groups.first?.tracks.count, 3,
                       "the edited entry of the unchanged file is used, not a decode")

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: third.path)
        XCTAssertEqual(try ReplicaGroups.detect(in: dataset, cache: cache).groups.first?.tracks.count, 2, "a changed file is hashed again")
        try "not\ta cache\n\u{0}".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ReplicaGroups.detect(in: dataset, cache: cache).groups.first?.tracks.count, 2)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count, 3, "rewritten whole")
    }

    func testContentHashSeparatesNearlyEqualBuffers() {
        let a: [Float] = (0..<1001).map { Float($0) }
        var b = a
        b[1000] += 1
        XCTAssertEqual(ContentHash(of: a), ContentHash(of: a))
        XCTAssertNotEqual(ContentHash(of: a), ContentHash(of: b))
        XCTAssertNotEqual(ContentHash(of: [UInt8](repeating: 0, count: 8)), ContentHash(of: [UInt8](repeating: 0, count: 9)))
    }
}
