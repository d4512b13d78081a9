import GTZAN
import XCTest

/// Artist-aware splits: no artist (nor replica) on two sides, per-genre counts balanced, one key per item.
final class TrackGroupingTests: XCTestCase {
    struct Item: TrackItem, Equatable, Sendable {
        let trackID: TrackID
        let label: Int
    }

    /// Two genres with lumpy artists where 3 balanced folds exist: blues artists of 3, 3, 2, 1, 1, 1, 1 tracks
    /// (4 per fold), metal artists of 5, 2, 2, 2, 1, 1, 1 (5, 5, 4).
    static let artistSizes: [(Genre, [Int])] = [(.blues, [3, 3, 2, 1, 1, 1, 1]), (.metal, [5, 2, 2, 2, 1, 1, 1])]

    var fixture: (items: [Item], artists: ArtistList) {
        var items: [Item] = [], artists: [TrackID: String] = [:]
        for (label, (genre, sizes)) in Self.artistSizes.enumerated() {
            var number = 0
            for (artist, size) in sizes.enumerated() {
                for _ in 0..<size {
                    let id = TrackID(genre: genre, number: number)
                    items.append(Item(trackID: id, label: label))
                    artists[id] = "\(genre.name)-\(artist)"
                    number += 1
                }
            }
        }
        return (items, ArtistList(artists: artists))
    }

    private func artists(_ items: [Item], _ list: ArtistList) -> Set<String> { Set(items.compactMap { list[$0.trackID] }) }

    func testArtistKFoldKeepsArtistsOnOneSideAndBalancesGenresWithinOneTrack() throws {
        let (items, list) = fixture
        for seed in UInt64(0)..<20 {
            let splitter = StratifiedSplitter(seed: seed, grouping: TrackGrouping(protocol: .artist, artists: list))
            let folds = try splitter.kFold(items, folds: 3)
            for fold in folds {
                XCTAssertTrue(artists(fold.train, list).isDisjoint(with: artists(fold.test, list)), "seed \(seed)")
                XCTAssertEqual(fold.evaluationProtocol, .artist)
            }
            for label in 0..<2 {
                let counts = folds.map { $0.test.filter { $0.label == label }.count }
                XCTAssertLessThanOrEqual(counts.max()! - counts.min()!, 1, "seed \(seed), genre \(label): \(counts)")
            }
            XCTAssertEqual(folds.flatMap(\.test).map(\.trackID).sorted(), items.map(\.trackID).sorted())
        }
    }

    func testArtistRatioSplitWithValidationKeepsArtistsOnOneSide() throws {
        let (items, list) = fixture
        let grouping = TrackGrouping(protocol: .artist, artists: list)
        let split = try StratifiedSplitter(seed: 4, grouping: grouping).split(items, train: 0.6, validation: 0.2, test: 0.2)
        let sides = [split.train, split.validation, split.test].map { artists($0, list) }
        XCTAssertTrue(sides[0].isDisjoint(with: sides[1]) && sides[0].isDisjoint(with: sides[2]) && sides[1].isDisjoint(with: sides[2]))
        XCTAssertTrue(split.tracksLeakingGroups(under: grouping).isEmpty)
        for label in 0..<2 {  // every side holds both genres
            XCTAssertTrue([split.train, split.validation, split.test].allSatisfy { $0.contains { $0.label == label } })
        }
        let fold = try StratifiedSplitter(seed: 4, grouping: grouping).kFold(items, folds: 3)[1]
            .holdingOutValidation(fraction: 0.25, seed: 4, grouping: grouping)
        XCTAssertTrue(fold.tracksLeakingGroups(under: grouping).isEmpty)
        XCTAssertFalse(fold.validation.isEmpty)
    }

    func testTrackSplitsOfTheSameItemsMixArtistsAndTheLeakCheckSeesIt() throws {
        let (items, list) = fixture
        let folds = try StratifiedSplitter(seed: 0).kFold(items, folds: 3)
        let artistGrouping = TrackGrouping(protocol: .artist, artists: list)
        XCTAssertTrue(folds.contains { !$0.tracksLeakingGroups(under: artistGrouping).isEmpty },
                      "a split by track puts some artist on two sides")
        XCTAssertTrue(folds.allSatisfy { $0.tracksLeakingGroups(under: .byTrack).isEmpty })
    }

    func testReplicasJoinGroupsAcrossGenresAndPassOnTheirArtist() throws {
        let (metal, rock, other) = (TrackID(genre: .metal, number: 58), TrackID(genre: .rock, number: 16),
                                    TrackID(genre: .rock, number: 17))
        let replicas = ReplicaGroups(links: [(metal, rock, .image)])
        let list = ArtistList(artists: [rock: "394", other: "394"])
        let grouping = TrackGrouping(protocol: .artist, artists: list, replicas: replicas)
        XCTAssertEqual(grouping.artist(of: metal), "394", "a replica without an id takes its copy's artist")
        let items = [Item(trackID: metal, label: 0), Item(trackID: rock, label: 1), Item(trackID: other, label: 1),
                     Item(trackID: TrackID(genre: .rock, number: 40), label: 1)]
        XCTAssertEqual(grouping.keys(items), [0, 0, 0, 1])
        XCTAssertEqual(TrackGrouping(protocol: .track, artists: list, replicas: replicas).keys(items), [0, 0, 1, 2])
        XCTAssertEqual(TrackGrouping(protocol: .segment, artists: list, replicas: replicas).keys(items + items), Array(0..<8))
        XCTAssertEqual(grouping.tracksWithoutArtist(items.map(\.trackID)), [TrackID(genre: .rock, number: 40)])

        var many = items
        for number in 50..<62 { many.append(Item(trackID: TrackID(genre: number % 2 == 0 ? .metal : .rock, number: number), label: number % 2)) }
        for seed in UInt64(0)..<10 {
            for fold in try StratifiedSplitter(seed: seed, grouping: grouping).kFold(many, folds: 3) {
                let onTest = fold.test.contains { $0.trackID == metal }
                XCTAssertEqual(fold.test.contains { $0.trackID == rock }, onTest, "replicas stay together (seed \(seed))")
                XCTAssertEqual(fold.test.contains { $0.trackID == other }, onTest, "and with their artist (seed \(seed))")
            }
        }
    }

    func testSplitTableListsEveryTrackWithArtistSideAndFold() throws {
        let (items, list) = fixture
        let grouping = TrackGrouping(protocol: .artist, artists: list)
        let splitter = StratifiedSplitter(seed: 2, grouping: grouping)
        let foldOfItem = try splitter.foldIndices(items, folds: 3)
        let split = try splitter.kFold(items, folds: 3)[0]
        let table = SplitTable(split, grouping: grouping, folds: Dictionary(uniqueKeysWithValues: zip(items.map(\.trackID), foldOfItem)))
        XCTAssertEqual(table.rows.count, items.count)
        let lines = table.csv.split(separator: "\n")
        XCTAssertEqual(lines.first, "track,artist,side,fold")
        for row in table.rows {
            XCTAssertEqual(row.side == .test, row.fold == 0, "\(row)")
            XCTAssertEqual(row.artist, list[row.track])
        }
        XCTAssertTrue(lines.contains("blues.00000,blues-0,\(table.rows[0].side.rawValue),\(table.rows[0].fold! + 1)"))
    }
}
