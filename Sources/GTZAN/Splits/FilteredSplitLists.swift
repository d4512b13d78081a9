import Foundation

/// The fault-filtered GTZAN split of Kereliuk, Sturm & Larsen (2015): `train_filtered.txt`,
/// `valid_filtered.txt` and `test_filtered.txt`, one `<genre>/<genre>.<nnnnn>.wav` per line.
///
/// Entries are matched to tracks by `TrackID`, so lists naming `.wav` work with `.au` files on disk.
public struct FilteredSplitLists: Sendable {
    /// The list file names.
    public static let fileNames = (train: "train_filtered.txt", validation: "valid_filtered.txt", test: "test_filtered.txt")

    public let train: [TrackID]
    public let validation: [TrackID]
    public let test: [TrackID]

    /// Reads the three lists from `directory`.
    /// - Throws: `GTZANError.malformedFile` naming the file and line of a bad entry, or a missing file.
    public init(directory: URL) throws {
        func read(_ name: String) throws -> [TrackID] {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw GTZANError.malformedFile(url, reason: "cannot read the split list")
            }
            return try text.split(whereSeparator: \.isNewline).enumerated().compactMap { number, line in
                let entry = line.trimmingCharacters(in: .whitespaces)
                guard !entry.isEmpty else { return nil }
                do { return try TrackID(parsing: entry) } catch {
                    throw GTZANError.malformedFile(url, reason: "line \(number + 1): '\(entry)' is not a GTZAN track")
                }
            }
        }
        train = try read(Self.fileNames.train)
        validation = try read(Self.fileNames.validation)
        test = try read(Self.fileNames.test)
    }

    /// Every listed id, train then validation then test.
    public var all: [TrackID] { train + validation + test }

    /// The listed tracks present in `tracks`, side by side; a split by track.
    public func split(_ tracks: [Track]) -> DataSplit<Track> {
        let byID = Dictionary(tracks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return DataSplit(train: train.compactMap { byID[$0] }, validation: validation.compactMap { byID[$0] },
                         test: test.compactMap { byID[$0] }, evaluationProtocol: .track)
    }

    /// Listed ids with no track in `tracks` (not on disk, skipped as undecodable, or another genre subset).
    public func unmatched(in tracks: [Track]) -> [TrackID] {
        let present = Set(tracks.map(\.id))
        return all.filter { !present.contains($0) }
    }
}

extension GTZANDataset {
    /// The fault-filtered split of this dataset's tracks, from the lists its layout found.
    /// - Throws: `GTZANError.layoutNotFound` when the layout has no `train_filtered.txt`; list errors.
    public func filteredSplit() throws -> DataSplit<Track> {
        guard let directory = layout.splitListsDirectory else {
            throw GTZANError.layoutNotFound(layout.root, reason: "no \(FilteredSplitLists.fileNames.train) in it, Data/ or splits/")
        }
        return try FilteredSplitLists(directory: directory).split(tracks)
    }
}
