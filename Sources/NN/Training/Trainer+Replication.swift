/// The `Trainer`'s side of data-parallel training (see `TrainingReplication`): without a replication every
/// helper leaves the single-process run as it is.
extension Trainer {
    /// Whether this process writes checkpoints and progress: always, unless it is a non-primary replica.
    var isPrimaryReplica: Bool { replication?.isPrimary ?? true }

    /// Replaces the local gradients of the trainable parameters by the mean over all replicas' samples.
    func synchronizeGradients(sampleCount: Int) throws {
        guard let replication else { return }
        let parameters = model.namedParameters().map(\.parameter).filter(\.requiresGrad)
        try replication.synchronizeGradients(of: parameters, sampleCount: sampleCount)
    }

    /// The epoch's loss sum, correct predictions and samples over all replicas.
    func replicatedTotals(_ totals: (lossSum: Double, correct: Int, seen: Int)) throws -> (lossSum: Double, correct: Int, seen: Int) {
        guard let replication else { return totals }
        let sums = try replication.sum([totals.lossSum, Double(totals.correct), Double(totals.seen)])
        return (sums[0], Int(sums[1].rounded()), Int(sums[2].rounded()))
    }
}
