import Foundation
import Tensor

/// Trains a classifier epoch by epoch (Keras' `fit`, with PyTorch's update semantics).
///
/// Each epoch runs every mini-batch of `training(epoch)` (so the caller shuffles per epoch, e.g. seeded by
/// the epoch), evaluates `validation` when given, records `loss`, `accuracy`, `val_loss`, `val_accuracy` and
/// `lr` in `history`, writes `last.safetensors` (and `best.safetensors` when the monitored metric improves)
/// atomically into `checkpointDirectory`, applies early stopping and the learning-rate schedule, and calls
/// the callbacks. A progress bar is shown on a terminal, one line per epoch otherwise.
///
/// Reproducibility: dropout masks are reseeded from `seed` and the epoch at the start of every epoch, and
/// `resume()` restores weights, buffers, optimizer, schedule, early-stopping state and history, so an
/// interrupted and resumed run ends with the same weights as an uninterrupted one. Runs with one thread
/// (`Parallel.threadCount = 1`) are bit-for-bit deterministic. With more threads the work is split the same
/// way on every run, so runs with the same thread count repeat (the resume test runs with the default
/// count), but they differ from one-thread runs in the last bits, as reductions are summed in another order.
public final class Trainer {
    /// How a run is organised.
    public struct Configuration {
        /// Total number of epochs (a resumed run continues up to it).
        public var epochs: Int
        /// Seeds the per-epoch randomness of the model (dropout).
        public var seed: UInt64
        /// Where `best.safetensors`, `last.safetensors` and `last.state.safetensors` (what `resume` reads) go; nil for none.
        public var checkpointDirectory: URL?
        /// The metric that decides the best checkpoint (`val_loss` by default, `loss` without validation).
        public var monitor: String
        /// Whether `monitor` improves by decreasing or increasing (`.auto` from its name).
        public var monitorMode: MetricMode
        /// Whether to show progress (bar on a terminal, per-epoch lines otherwise).
        public var showsProgress: Bool
        /// Where progress text goes; nil for standard output.
        public var progressSink: ProgressBar.Sink?
        /// The most samples run through the model at once; nil for whole batches. Larger batches are split:
        /// training sums the gradients of the parts, each part's mean loss weighted by its share of the batch,
        /// so the update is the batch's (up to rounding, and for models without batch statistics: BatchNorm
        /// would normalise each part on its own), while activation memory shrinks with the part's size.
        public var microBatchSize: Int?
        /// Metadata written into every checkpoint (`best`, `last` and the state file) besides `epoch`, e.g. the
        /// label names of the model's outputs.
        public var checkpointMetadata: [String: String] = [:]

        /// A run of `epochs` epochs; without a checkpoint directory nothing is written.
        public init(epochs: Int, seed: UInt64 = 0, checkpointDirectory: URL? = nil, monitor: String = "val_loss",
                    monitorMode: MetricMode = .auto, showsProgress: Bool = true, progressSink: ProgressBar.Sink? = nil) {
            self.epochs = epochs
            self.seed = seed
            self.checkpointDirectory = checkpointDirectory
            self.monitor = monitor
            self.monitorMode = monitorMode
            self.showsProgress = showsProgress
            self.progressSink = progressSink
        }
    }

    /// The trained model.
    public let model: Module
    /// Updates the model's parameters.
    public let optimizer: Optimizer
    /// The training and evaluation loss.
    public let loss: Loss
    /// How the run is organised.
    public var configuration: Configuration
    /// Penalties added to the training loss (Keras regularizers).
    public var penalties: [WeightPenalty] = []
    /// Changes the learning rate after every epoch.
    public var schedule: (any LearningRateSchedule)?
    /// Stops training when the monitored metric stalls.
    public var earlyStopping: EarlyStopping?
    /// Called after every epoch.
    public var callbacks: [TrainingCallback] = []
    /// Makes this trainer one replica of a data-parallel run (see `TrainingReplication`); nil for one process.
    public var replication: TrainingReplication?
    /// The metrics of every finished epoch.
    public private(set) var history = TrainingHistory()
    /// The 0-based epoch `fit` runs next.
    public private(set) var nextEpoch = 0
    /// True once early stopping ended the run.
    public private(set) var stopped = false
    private var bestValue: Double?
    private var earlyStoppingWeights: [String: StoredTensor]?
    private let initialLearningRate: Float

    /// A trainer of `model` with `optimizer` (over the model's parameters) and `loss`.
    public init(model: Module, optimizer: Optimizer, loss: Loss, configuration: Configuration) throws {
        guard configuration.epochs > 0 else { throw TrainingError.invalidArgument("epochs \(configuration.epochs) must be positive") }
        self.model = model
        self.optimizer = optimizer
        self.loss = loss
        self.configuration = configuration
        initialLearningRate = optimizer.learningRate
    }

    // MARK: Fitting

    /// Trains from `nextEpoch` up to `configuration.epochs` without validation (the best checkpoint then
    /// follows the training metric when `monitor` is a validation metric).
    @discardableResult
    public func fit<Training: Sequence>(training: (Int) throws -> Training) throws -> TrainingHistory
    where Training.Element == Batch {
        try fit(training: training, validation: Optional<() throws -> [Batch]>.none)
    }

    /// Trains on `training.epoch(e)` from `nextEpoch` up to `configuration.epochs` (at most `limit` batches
    /// per epoch), validating on `validation.epoch(0)` after every epoch when given.
    /// - Throws: the error that ended a source's epoch early (`BatchIterator.failure`), besides `fit`'s own.
    @discardableResult
    public func fit(training: any BatchSource, validation: (any BatchSource)? = nil, limit: Int? = nil) throws -> TrainingHistory {
        try fit(training: { training.epoch($0, limit: limit) }, validation: validation.map { source in { source.epoch(0, limit: limit) } })
    }

    /// Trains from `nextEpoch` up to `configuration.epochs`, validating after every epoch. A `BatchIterator`
    /// whose epoch ended early with an error makes `fit` throw that error.
    @discardableResult
    public func fit<Training: Sequence, Validation: Sequence>(
        training: (Int) throws -> Training, validation: (() throws -> Validation)?
    ) throws -> TrainingHistory where Training.Element == Batch, Validation.Element == Batch {
        try replication?.synchronizeState(of: model)
        while nextEpoch < configuration.epochs && !stopped {
            let epoch = nextEpoch
            let batches = try training(epoch)
            let bar = configuration.showsProgress && isPrimaryReplica ? makeProgressBar(epoch: epoch, batches: (batches as? BatchIterator)?.count ?? batches.underestimatedCount) : nil
            var metrics = try trainEpoch(epoch, batches: batches, bar: bar)
            try replication?.synchronizeBuffers(of: model)
            if let validation {
                let result = try evaluate(validation())
                metrics["val_loss"] = result.loss
                metrics["val_accuracy"] = result.accuracy
            }
            metrics["lr"] = Double(optimizer.learningRate)
            metrics = try replication?.agree(on: metrics) ?? metrics
            history.append(metrics)
            bar?.finish(metrics: metrics.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            try finishEpoch(epoch, metrics: metrics)
        }
        return history
    }

    /// Evaluates the model on `batches` in evaluation mode without recording gradients.
    public func evaluate<Batches: Sequence>(_ batches: Batches) throws -> Evaluation where Batches.Element == Batch {
        let wasTraining = model.isTraining
        model.eval()
        defer { model.train(wasTraining) }
        var (lossSum, scores, labels, classCount) = (0.0, [Float](), [Int](), 0)
        try Tensor.withoutGrad {
            for batch in batches {
                try Self.check(batch)
                for part in microBatches(of: batch) {
                    let output = model(part.inputs)
                    lossSum += Double(loss(output, labels: part.labels).item()) * Double(part.labels.count)
                    scores += output.scalars
                    labels += part.labels
                    classCount = output.shape.last ?? 0
                }
            }
        }
        try Self.rethrowFailure(of: batches)
        guard !labels.isEmpty else { throw TrainingError.invalidBatch("the evaluation sequence produced no batches") }
        let table = try ClassScores(values: scores, classCount: classCount)
        return Evaluation(loss: lossSum / Double(labels.count), accuracy: try Accuracy.of(table, targets: labels),
                          scores: table, labels: labels)
    }

    // MARK: One epoch

    private func trainEpoch<Batches: Sequence>(_ epoch: Int, batches: Batches, bar: ProgressBar?) throws -> EpochMetrics
    where Batches.Element == Batch {
        model.train()
        model.seedRandomness(configuration.seed &+ UInt64(epoch) &* 0xD1B5_4A32_D192_ED03)
        var (lossSum, correct, seen) = (0.0, 0, 0)
        for (index, batch) in batches.enumerated() {
            try Self.check(batch)
            model.zeroGrad()
            let (value, predictions) = try forwardAndBackward(batch)
            guard value.isFinite else {
                throw TrainingError.nonFiniteLoss(epoch: epoch, batch: index, value: value,
                                                  lastGoodCheckpoint: existingCheckpoint("last.safetensors"))
            }
            try synchronizeGradients(sampleCount: batch.labels.count)
            optimizer.step()
            correct += zip(predictions, batch.labels).filter { $0 == $1 }.count
            seen += batch.labels.count
            lossSum += Double(value) * Double(batch.labels.count)
            bar?.update(completed: index + 1, metrics: [("loss", lossSum / Double(seen)),
                                                        ("accuracy", Double(correct) / Double(seen))])
        }
        try Self.rethrowFailure(of: batches)
        (lossSum, correct, seen) = try replicatedTotals((lossSum, correct, seen))
        guard seen > 0 else { throw TrainingError.invalidBatch("the training sequence of epoch \(epoch + 1) produced no batches") }
        return ["loss": lossSum / Double(seen), "accuracy": Double(correct) / Double(seen)]
    }

    /// Runs `batch` forward and backward in `microBatches(of:)`, accumulating the gradients of the batch's
    /// loss (penalties included once); returns that loss and the predicted classes. Stops before any
    /// backward pass when a part's loss is not finite (the returned value then is not either).
    private func forwardAndBackward(_ batch: Batch) throws -> (loss: Float, predictions: [Int]) {
        let parts = microBatches(of: batch)
        var (value, predictions) = (Float(0), [Int]())
        for (index, part) in parts.enumerated() {
            let output = model(part.inputs)
            var total = loss(output, labels: part.labels)
            if parts.count > 1 { total = total * (Float(part.labels.count) / Float(batch.labels.count)) }
            if index == 0 { total = penalties.reduce(total) { $0 + $1.value() } }
            let partValue = total.item()
            value += partValue
            guard partValue.isFinite else { return (partValue, []) }
            total.backward()
            predictions += try ClassScores(values: output.scalars, classCount: output.shape.last ?? 1).predictedClasses
        }
        return (value, predictions)
    }

    /// `batch` cut along its first axis into parts of at most `configuration.microBatchSize` samples.
    private func microBatches(of batch: Batch) -> [Batch] {
        let count = batch.labels.count
        guard let size = configuration.microBatchSize, size > 0, count > size else { return [batch] }
        return stride(from: 0, to: count, by: size).map { start in
            let range = start..<min(start + size, count)
            return Batch(inputs: batch.inputs.sliced(axis: 0, range), labels: Array(batch.labels[range]),
                         items: Array(batch.items[range]))
        }
    }

    /// Divergence guard, best checkpoint, early stopping, schedule, `last` checkpoint and callbacks, in that order.
    private func finishEpoch(_ epoch: Int, metrics: EpochMetrics) throws {
        try checkStateIsFinite(after: epoch)
        let monitor = metrics[configuration.monitor] != nil ? configuration.monitor
            : configuration.monitor.replacingOccurrences(of: "val_", with: "")
        let value = try metrics.value(of: monitor)
        let improved = bestValue.map { configuration.monitorMode.resolved(for: monitor) == .max ? value > $0 : value < $0 }
            ?? value.isFinite
        if improved {
            bestValue = value
            try checkpointURL("best.safetensors").flatMap { isPrimaryReplica ? $0 : nil }.map {
                try model.save(to: $0, metadata: configuration.checkpointMetadata.merging(["epoch": String(epoch + 1)]) { $1 })
            }
        }
        if var stopping = earlyStopping {
            let decision = try stopping.update(epoch: epoch, metrics: metrics)
            earlyStopping = stopping
            if stopping.restoreBestWeights && decision == .improved { earlyStoppingWeights = model.stateDict() }
            if decision == .stop {
                stopped = true
                if stopping.restoreBestWeights, let weights = earlyStoppingWeights { try model.loadStateDict(weights) }
            }
        }
        if var current = schedule {
            optimizer.learningRate = try current.nextLearningRate(after: epoch, current: optimizer.learningRate,
                                                                  initial: initialLearningRate, metrics: metrics)
            schedule = current
        }
        nextEpoch = epoch + 1
        try writeLastCheckpoint()
        for callback in callbacks { try callback.trainer(self, didFinishEpoch: epoch, metrics: metrics) }
    }

    /// A bar over `batches` batches (unknown when 0, e.g. for lazy sequences).
    private func makeProgressBar(epoch: Int, batches: Int) -> ProgressBar {
        let (label, total) = ("Epoch \(epoch + 1)/\(configuration.epochs)", batches > 0 ? batches : nil)
        guard let sink = configuration.progressSink else { return ProgressBar(label: label, total: total) }
        return ProgressBar(label: label, total: total, interactive: false, sink: sink)
    }

    /// The error that ended `batches` early, when they are a source's `BatchIterator`.
    private static func rethrowFailure<Batches: Sequence>(of batches: Batches) throws {
        if let failure = (batches as? BatchIterator)?.failure { throw failure }
    }

    private static func check(_ batch: Batch) throws {
        guard batch.inputs.rank >= 1, batch.inputs.shape[0] == batch.labels.count, !batch.labels.isEmpty else {
            throw TrainingError.invalidBatch("input \(batch.inputs.shape) does not hold one sample per label (\(batch.labels.count) labels)")
        }
    }

    // MARK: Checkpoints

    private func checkpointURL(_ name: String) -> URL? {
        configuration.checkpointDirectory?.appendingPathComponent(name)
    }

    func existingCheckpoint(_ name: String) -> URL? {
        checkpointURL(name).flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    /// Writes `last.safetensors` (the weights, for users), then `last.state.safetensors`: the weights again with
    /// the optimizer, early-stopping and trainer state. The state file alone is what `resume` reads, so one
    /// atomic rename commits weights and state together: a kill at any moment leaves a resumable folder (at
    /// worst `last.safetensors` is one epoch ahead of the state, and the resumed run rewrites it).
    private func writeLastCheckpoint() throws {
        guard isPrimaryReplica, let weightsURL = checkpointURL("last.safetensors"),
              let stateURL = checkpointURL("last.state.safetensors") else { return }
        let state = TrainerState(nextEpoch: nextEpoch, history: history, bestValue: bestValue, stopped: stopped,
                                 earlyStopping: earlyStopping, schedule: try schedule.map { try JSONEncoder().encode($0) })
        let weights = model.stateDict()
        var tensors = optimizer.stateDict().reduce(into: [String: StoredTensor]()) { $0["optimizer." + $1.key] = $1.value }
        for (key, value) in earlyStoppingWeights ?? [:] { tensors["early_stopping_best." + key] = value }
        for (key, value) in weights { tensors["model." + key] = value }
        let epoch = String(nextEpoch)
        let metadata = configuration.checkpointMetadata.merging(["epoch": epoch]) { $1 }
        try SafeTensors(tensors: weights, metadata: metadata).write(to: weightsURL)
        try SafeTensors(tensors: tensors, metadata: metadata.merging(["trainer": String(decoding: try JSONEncoder().encode(state), as: UTF8.self)]) { $1 })
            .write(to: stateURL)
    }

    /// Restores the last checkpoint of `configuration.checkpointDirectory` from `last.state.safetensors`
    /// (weights, buffers, optimizer, schedule, early stopping, history); a following `fit` continues with the
    /// next epoch. The trainer must be set up as the interrupted one (same model, optimizer type, schedule type).
    public func resume() throws {
        guard let stateURL = existingCheckpoint("last.state.safetensors") else {
            throw TrainingError.invalidArgument("no last.state.safetensors to resume from in "
                                                + (configuration.checkpointDirectory?.path ?? "(no checkpoint directory)"))
        }
        let stateFile = try SafeTensors(contentsOf: stateURL)
        let weights = Self.strip("model.", from: stateFile.tensors)
        guard let json = stateFile.metadata["trainer"], !weights.isEmpty else {
            throw CheckpointError.malformed(stateURL, "trainer state or weights missing")
        }
        let state: TrainerState
        do { state = try JSONDecoder().decode(TrainerState.self, from: Data(json.utf8)) } catch {
            throw CheckpointError.malformed(stateURL, "trainer state: \(error)")
        }
        do {
            try model.loadStateDict(weights)
            try optimizer.loadStateDict(Self.strip("optimizer.", from: stateFile.tensors))
        } catch let error as CheckpointError {
            throw CheckpointError.io(stateURL, error.description)
        }
        if let data = state.schedule, let current = schedule { schedule = try current.decoded(from: data) }
        let savedWeights = Self.strip("early_stopping_best.", from: stateFile.tensors)
        earlyStoppingWeights = savedWeights.isEmpty ? nil : savedWeights
        (nextEpoch, history, bestValue, stopped, earlyStopping) = (state.nextEpoch, state.history, state.bestValue,
                                                                   state.stopped, state.earlyStopping ?? earlyStopping)
    }

    private static func strip(_ prefix: String, from tensors: [String: StoredTensor]) -> [String: StoredTensor] {
        tensors.reduce(into: [:]) { result, entry in
            if entry.key.hasPrefix(prefix) { result[String(entry.key.dropFirst(prefix.count))] = entry.value }
        }
    }
}
