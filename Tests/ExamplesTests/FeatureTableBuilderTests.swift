import Experiments
import Foundation
import GTZAN
import TestSupport
import XCTest

/// `FeatureTableBuilder` on a collection without its own table.
final class FeatureTableBuilderTests: XCTestCase {
    /// Without a cache folder the table is computed through a temporary folder that is removed afterwards.
    func testATableWithoutACacheFolderLeavesNothingInTheTemporaryFolder() throws {
        let root = try Fixtures.temporaryDirectory("feature-table-builder")
        defer { try? FileManager.default.removeItem(at: root) }
        try CollectionFixture.writeFolders(["ambient", "drone"], tracksPerLabel: 2, seconds: 3, in: root)
        let temporary = FileManager.default.temporaryDirectory
        func entries() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("genrekit-") })
        }
        let before = try entries()
        let table = try FeatureTableBuilder(table: .thirtySeconds, threads: 1)
            .table(of: try LabelledCollection(detecting: root), genres: nil, cacheDirectory: nil)
        XCTAssertEqual(table.rows.count, 4)
        XCTAssertEqual(try entries().subtracting(before), [])
    }
}
