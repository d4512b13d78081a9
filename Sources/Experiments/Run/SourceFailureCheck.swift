import NN

/// Stops training with the error that ended an epoch's batches early (e.g. an undecodable segment).
final class SourceFailureCheck: TrainingCallback {
    private let sources: [BatchSource]

    init(_ sources: [BatchSource]) { self.sources = sources }

    func trainer(_ trainer: Trainer, didFinishEpoch epoch: Int, metrics: EpochMetrics) throws {
        if let failure = sources.lazy.compactMap(\.failure).first { throw failure }
    }
}
