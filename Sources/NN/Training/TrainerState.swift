import Foundation

/// What a `Trainer` saves beside the weights so that `resume` continues exactly where a run stopped.
struct TrainerState: Codable {
    var nextEpoch: Int
    var history: TrainingHistory
    var bestValue: Double?
    var stopped: Bool
    var earlyStopping: EarlyStopping?
    /// The schedule's JSON (its concrete type is the one the resuming trainer was given).
    var schedule: Data?
}

extension LearningRateSchedule {
    /// A schedule of the same type decoded from `data`.
    func decoded(from data: Data) throws -> Self {
        try JSONDecoder().decode(Self.self, from: data)
    }
}
