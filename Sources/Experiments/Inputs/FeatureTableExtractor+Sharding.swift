import Distributed
import Foundation

extension FeatureTableExtractor {
    /// The table of `sources` computed by all ranks of `group` (`mpirun -np N gtzan-features …`): rank r
    /// analyses sources r, r + N, r + 2N, … (round robin, so that every rank gets a mix of files), and rank
    /// 0 gathers the rows and returns the same table as `table(of:label:)` in one process, with the other
    /// ranks' skipped files carrying their errors' text. Nil on the other ranks.
    public func table(of sources: [Source], label: String, across group: ProcessGroup) throws -> Table? {
        let mine = Array(stride(from: group.rank, to: sources.count, by: group.size))
        let outcomes = results(of: mine.map { sources[$0] }, label: group.size > 1 ? "\(label) (rank \(group.rank))" : label)
        let shard = zip(mine, outcomes).map(ShardRow.init)
        guard let gathered = try group.gather(Array(try JSONEncoder().encode(shard))) else { return nil }
        var results = [Result<[String], Error>?](repeating: nil, count: sources.count)
        for bytes in gathered {
            for row in try JSONDecoder().decode([ShardRow].self, from: Data(bytes)) {
                results[row.index] = row.error.map { .failure(RankError(description: $0)) } ?? .success(row.lines)
            }
        }
        guard results.allSatisfy({ $0 != nil }) else { throw DistributedError.mismatch("the ranks did not cover every file") }
        return Table(sources: sources, results: results.map { $0! })
    }
}

/// One source's outcome as a rank sends it to rank 0.
private struct ShardRow: Codable {
    var index: Int
    var lines: [String]
    /// The error's text when the file was skipped.
    var error: String?

    init(index: Int, result: Result<[String], Error>) {
        self.index = index
        switch result {
        case let .success(lines): (self.lines, error) = (lines, nil)
        case let .failure(failure): (lines, error) = ([], "\(failure)")
        }
    }
}

/// An error raised on another rank, known by its text.
struct RankError: Error, CustomStringConvertible {
    let description: String
}
