import AudioIO
import DSP
import Foundation
import GTZAN
import NN
import Plotting
import Tensor

/// The exploratory figures of the GTZAN notebooks of a GTZAN dataset, as SVG files in a folder:
///
/// - `class-balance.svg`: audio tracks and feature-table rows per genre;
/// - `feature-correlation.svg`: Pearson correlation of the 57 features;
/// - `feature-distributions.svg`: spectral centroid, tempo, zero-crossing rate and RMS per genre (box plots);
/// - `waveforms.svg`, `mel-spectrograms.svg`: the first track of each genre (128-band mel power in dB);
/// - `pca-features.svg`: the standardised features projected on their first two principal components;
/// - `pca-embeddings.svg` (with an `EmbeddingModel`): a trained CNN's pooled embeddings, one point per track;
/// - `exploration.json`: the numbers behind the figures (counts, explained variance ratios).
public struct DatasetExploration {
    /// The features drawn per genre: column name and axis label.
    public static let distributionFeatures = [("spectral_centroid_mean", "spectral centroid (Hz)"), ("tempo", "tempo (BPM)"),
                                              ("zero_crossing_rate_mean", "zero-crossing rate"), ("rms_mean", "RMS")]

    public let dataset: LabelledCollection
    public let features: FeatureTable
    /// Receives progress lines.
    public var log: (String) -> Void = { print($0) }

    /// Explores `dataset` with its 30 s feature table (Kaggle's, or computed and cached in `cacheDirectory`).
    public init(dataset: LabelledCollection, cacheDirectory: URL?, threads: Int) throws {
        self.dataset = dataset
        features = try FeatureTableBuilder(table: .thirtySeconds, threads: threads)
            .table(of: dataset, genres: dataset.genres, cacheDirectory: cacheDirectory)
    }

    /// Writes every figure into `directory` and returns the file names written.
    @discardableResult
    public func write(to directory: URL, embeddings: EmbeddingModel? = nil) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let names = dataset.genres.map(\.name)
        let rowsPerGenre = dataset.genres.map { genre in features.rows.filter { features.genres[$0.label] == genre }.count }
        var figures: [(String, String)] = [
            ("class-balance.svg", ChartGrid(charts: [
                BarChart(title: "Audio tracks per genre", categories: names, values: dataset.countsPerGenre.map(Double.init), yLabel: "tracks"),
                BarChart(title: "Feature-table rows per genre", categories: names, values: rowsPerGenre.map(Double.init), yLabel: "rows"),
            ], columns: 2).svg),
            ("feature-correlation.svg", Heatmap(title: "Feature correlation (Pearson)", values: try Correlation.matrix(features.rows.map(\.values)),
                                                rowLabels: features.featureNames, columnLabels: features.featureNames,
                                                scale: .diverging(limit: 1), panelSize: (900, 900)).svg),
            ("feature-distributions.svg", try distributions()),
        ]
        log("Rendering waveforms and mel spectrograms of the first track of each genre")
        figures += try trackFigures()
        let featurePCA = try projection(features.rows.map(\.values), labels: features.rows.map(\.label), genres: features.genres,
                                        title: "PCA of the \(features.featureNames.count) standardised features")
        figures.append(("pca-features.svg", featurePCA.svg))
        var numbers: [String: Any] = ["genres": names, "tracks_per_genre": dataset.countsPerGenre,
                                      "feature_rows_per_genre": rowsPerGenre,
                                      "pca_features_explained_variance_ratio": featurePCA.ratios]
        if let embeddings {
            log("Computing \(embeddings.name) embeddings of \(dataset.tracks.count) tracks")
            let (vectors, labels) = try embeddings.trackEmbeddings(dataset.tracks)
            let embeddingPCA = try projection(vectors, labels: labels, genres: dataset.genres, title: "PCA of \(embeddings.name) pooled embeddings")
            figures.append(("pca-embeddings.svg", embeddingPCA.svg))
            numbers["pca_embeddings_explained_variance_ratio"] = embeddingPCA.ratios
        }
        for (name, svg) in figures { try AtomicFile.write(svg, to: directory.appendingPathComponent(name)) }
        let json = try JSONSerialization.data(withJSONObject: numbers, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(json, to: directory.appendingPathComponent("exploration.json"))
        return figures.map(\.0) + ["exploration.json"]
    }

    /// Box plots of `distributionFeatures` per genre.
    func distributions() throws -> String {
        let names = features.genres.map(\.name)
        let charts = try Self.distributionFeatures.map { column, label -> any Chart in
            guard let index = features.featureNames.firstIndex(of: column) else {
                throw ExperimentError.invalidOption("feature table", "has no '\(column)' column")
            }
            let values = names.indices.map { genre in
                features.rows.filter { $0.label == genre }.map { Double($0.values[index]) }
            }
            return BoxPlot(title: column, categories: names, values: values, yLabel: label)
        }
        return ChartGrid(charts: charts, columns: 2, title: "Feature distributions per genre").svg
    }

    /// Waveform and mel spectrogram (dB, 80 dB range) of the first track of each genre.
    func trackFigures() throws -> [(String, String)] {
        let mel = try MelSpectrogram(sampleRate: 22050, stft: STFT(nFFT: 2048, hopLength: 512), nMels: 128)
        var waveforms: [any Chart] = [], spectrograms: [any Chart] = []
        for (label, genre) in dataset.genres.enumerated() {
            guard let track = dataset.tracks.first(where: { $0.genre == genre }) else { continue }
            let samples = try AudioFile.read(track.url, sampleRate: 22050, mono: true).samples
            waveforms.append(WaveformPlot(title: track.id.description, samples: samples, sampleRate: 22050,
                                          color: ChartColors.category(label)))
            let decibels = try powerToDB(try mel(samples), reference: .maximum, topDB: 80)
            let values = Self.downsampled(decibels, rows: 64, columns: 100)
            spectrograms.append(Heatmap(title: track.id.description, values: values, scale: .sequential(-80...0, levels: 16),
                                        firstRowAtBottom: true, xLabel: "time", yLabel: "mel band", panelSize: (420, 240)))
        }
        return [("waveforms.svg", ChartGrid(charts: waveforms, columns: 2, title: "Waveforms").svg),
                ("mel-spectrograms.svg", ChartGrid(charts: spectrograms, columns: 2, title: "Mel spectrograms (dB)").svg)]
    }

    /// `matrix` averaged over blocks down to at most `rows × columns` cells (a light figure of a long spectrogram).
    static func downsampled(_ matrix: Matrix, rows: Int, columns: Int) -> [[Double]] {
        let (rowStep, columnStep) = (max(1, matrix.rows / rows), max(1, matrix.columns / columns))
        return stride(from: 0, to: matrix.rows - rowStep + 1, by: rowStep).map { row in
            stride(from: 0, to: matrix.columns - columnStep + 1, by: columnStep).map { column in
                var sum = 0.0
                for r in row..<row + rowStep { for c in column..<column + columnStep { sum += Double(matrix[r, c]) } }
                return sum / Double(rowStep * columnStep)
            }
        }
    }

    /// The first two principal components of standardised `rows`, drawn per genre (`labels` index `genres`).
    func projection(_ rows: [[Float]], labels: [Int], genres: [Genre], title: String) throws -> (svg: String, ratios: [Double]) {
        let standardized = try Standardizer(fitting: rows)
        let scaled = try rows.map { try standardized.transform($0) }
        let pca = try PrincipalComponents(fitting: scaled, count: 2)
        let points = pca.transform(scaled)
        let groups = genres.enumerated().map { label, genre in
            ScatterPlot.Group(name: genre.name, points: labels.indices.filter { labels[$0] == label }.map { (points[$0][0], points[$0][1]) },
                              color: ChartColors.category(label))
        }
        let ratio = pca.explainedVarianceRatio.map { String(format: "%.1f %%", $0 * 100) }
        let plot = ScatterPlot(title: "\(title) (\(String(format: "%.1f", (pca.explainedVarianceRatio.reduce(0, +)) * 100)) % of variance)",
                               xLabel: "PC1 (\(ratio[0]))", yLabel: "PC2 (\(ratio[1]))", groups: groups)
        return (plot.svg, pca.explainedVarianceRatio)
    }
}
