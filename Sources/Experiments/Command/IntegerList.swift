import ArgumentParser
import Foundation

/// A comma-separated list of integers on the command line (`--folds 1,3`, `--kernels 3,5,7`).
public struct IntegerList: ExpressibleByArgument, Equatable, CustomStringConvertible {
    public var values: [Int]

    public init(_ values: [Int]) { self.values = values }

    public init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        values = parts.map { $0! }
    }

    public var description: String { values.map(String.init).joined(separator: ",") }

    /// The values, each checked to lie in `range`.
    /// - Throws: `ExperimentError.invalidOption` naming `option` and the offending value.
    public func checked(_ option: String, in range: ClosedRange<Int>) throws -> [Int] {
        if let bad = values.first(where: { !range.contains($0) }) {
            throw ExperimentError.invalidOption(option, "\(bad) is not in \(range.lowerBound)...\(range.upperBound)")
        }
        return values
    }
}
