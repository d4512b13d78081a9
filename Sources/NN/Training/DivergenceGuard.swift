import Foundation

/// The trainer's check at every epoch end, before any checkpoint is written: a run can keep a finite loss
/// (near 1e25) while `+inf` lands in a BatchNorm `running_var` or in Adam's state, and such a model must
/// never be saved as `best` or `last`.
extension Trainer {
    /// Throws `TrainingError.diverged` naming the first parameter, buffer or optimizer entry that holds NaN,
    /// an infinity or a negative variance after `epoch` (0-based); the last good checkpoint stays as it was.
    func checkStateIsFinite(after epoch: Int) throws {
        let optimizerState = optimizer.stateDict().reduce(into: [String: StoredTensor]()) { $0["optimizer." + $1.key] = $1.value }
        for state in [model.stateDict(), optimizerState] {
            if let (key, problem) = StateValueCheck.firstProblem(in: state) {
                throw TrainingError.diverged(epoch: epoch, key: key, problem: problem,
                                             lastGoodCheckpoint: existingCheckpoint("last.safetensors"))
            }
        }
    }
}
