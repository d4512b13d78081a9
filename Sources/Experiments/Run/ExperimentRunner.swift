import Foundation
import GTZAN
import NN
import Tensor

/// Trains, evaluates and applies the models of experiments, writing report folders.
public struct ExperimentRunner {
    public let settings: RunSettings
    /// Receives the human-readable output (standard output, unbuffered so it interleaves with progress bars).
    public var log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }

    /// Validates `settings`, caps their threads at the core count (warning on standard error) and sets
    /// `Parallel.threadCount` to them.
    public init(settings: RunSettings) throws {
        try settings.validate()
        let (capped, warning) = settings.cappingThreads()
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        self.settings = capped
        Parallel.threadCount = capped.threads
    }

    // MARK: Training

    /// Trains `experiment` and writes its report into `directory`: `configuration.json`, `summary.txt`,
    /// `history.csv`/`.json`, `curves.svg`, `metrics.json`, `confusion.svg` (and `confusion-files.svg` for
    /// segments), `best.safetensors`, `last.safetensors`. Test metrics use the best checkpoint.
    /// With `resume`, a run whose `last.state.safetensors` is in `directory` continues from its last epoch.
    @discardableResult
    public func train(_ experiment: Experiment, name: String, in directory: URL, resume: Bool = false) throws -> RunResult {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let location = try DatasetLocation(settings: settings, genres: experiment.genres)
        log(location.description)
        if !location.dataset.skipped.isEmpty { log(location.dataset.report) }
        let recipe = settings.applied(to: experiment.recipe)
        let data = try experiment.input.makeData(location.dataset, experiment: experiment, settings: dataSettings(recipe))
        log("Split: \(experiment.split); \(data.splitSummary)")
        if data.validation == nil, recipe.schedule is ReduceLROnPlateau || recipe.earlyStopping != nil {
            throw ExperimentError.emptySplit("validation (the recipe's plateau schedule or early stopping needs it)")
        }
        let model = experiment.makeModel(seed: settings.seed)
        let summary = model.summary(inputShape: experiment.input.sampleShape, title: name)
        try AtomicFile.write(summary.table, to: directory.appendingPathComponent("summary.txt"))
        try writeConfiguration(experiment, name: name, recipe: recipe, location: location, summary: summary, to: directory)

        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: directory)
        if resume, FileManager.default.fileExists(atPath: directory.appendingPathComponent("last.state.safetensors").path) {
            try trainer.resume()
            log("Resuming \(name) after epoch \(trainer.nextEpoch) of \(recipe.epochs)")
        }
        trainer.callbacks.append(SourceFailureCheck([data.train] + (data.validation.map { [$0] } ?? [])))
        let started = Date()
        try trainer.fit(training: { data.train.batches(epoch: $0, limit: settings.maxBatches) },
                        validation: data.validation.map { source in { source.batches(epoch: 0, limit: settings.maxBatches) } })
        let seconds = Date().timeIntervalSince(started)
        try trainer.history.write(to: directory)

        let best = directory.appendingPathComponent("best.safetensors")
        let usesBest = FileManager.default.fileExists(atPath: best.path)
        if usesBest { try model.load(from: best) }
        let evaluate = { (source: BatchSource) in
            try SideEvaluation(trainer: trainer, source: source, limit: settings.maxBatches, classNames: data.classNames,
                               segmented: experiment.input.usesSegments, outputsProbabilities: recipe.outputsProbabilities)
        }
        let validation = try data.validation.map(evaluate)
        let test = try evaluate(data.test)
        let metrics = RunMetrics(
            run: name, evaluationProtocol: experiment.evaluationProtocol.rawValue, dataset: location.description,
            synthetic: location.isSynthetic, validationAccuracy: validation?.accuracy, testAccuracy: test.accuracy,
            validationFileAccuracy: validation?.fileAccuracy, testFileAccuracy: test.fileAccuracy, testLoss: test.samples.loss,
            perClassRecall: Dictionary(uniqueKeysWithValues: zip(data.classNames, test.confusion.recall)),
            epochs: trainer.history.epochs.count, trainingSeconds: seconds,
            evaluatedCheckpoint: usesBest ? "best.safetensors" : "last epoch", parameters: summary.totalParameters,
            trainableParameters: summary.trainableParameters, group: experiment.group)
        try AtomicFile.write(try metrics.json(), to: directory.appendingPathComponent("metrics.json"))
        try writeConfusion(test, to: directory, title: name)
        log(RunReport.text(metrics, confusion: test.confusion, directory: directory))
        return RunResult(metrics: metrics, history: trainer.history, test: test)
    }

    /// Trains every experiment of a study: a single unnamed run reports into `outputDirectory`; otherwise each
    /// run reports into `outputDirectory/<runName>` and a `StudyReport` (tables with mean ± std, curves per
    /// group) goes into `outputDirectory`. Everything is written into a staging folder that replaces
    /// `outputDirectory` when all runs are done (`RunFolder`); `resume` continues the staging folder a killed
    /// run left (finished runs are only evaluated again, the interrupted one continues from its last epoch).
    @discardableResult
    public func train(_ experiments: [Experiment], name: String, resume: Bool = false) throws -> [RunResult] {
        let folder = try RunFolder(destination: settings.outputDirectory, resume: resume)
        let results: [RunResult]
        if experiments.count == 1 && experiments[0].runName == nil {
            results = [try train(experiments[0], name: name, in: folder.staging, resume: resume)]
        } else {
            results = try trainStudy(experiments, name: name, in: folder.staging, resume: resume)
        }
        try folder.commit()
        log("Report folder: \(settings.outputDirectory.path)")
        return results
    }

    private func trainStudy(_ experiments: [Experiment], name: String, in directory: URL, resume: Bool) throws -> [RunResult] {
        var results: [RunResult] = []
        for (index, experiment) in experiments.enumerated() {
            let runName = experiment.runName ?? "run-\(index + 1)"
            log("\n### \(name) — \(runName) (\(index + 1)/\(experiments.count))")
            results.append(try train(experiment, name: "\(name)/\(runName)",
                                     in: directory.appendingPathComponent(runName, isDirectory: true), resume: resume))
        }
        let report = StudyReport(runs: results.map(\.metrics),
                                 histories: Dictionary(uniqueKeysWithValues: results.map { ($0.metrics.run, $0.history) }))
        try report.write(to: directory)
        log("\n" + report.markdown + "Study report: \(settings.outputDirectory.path)")
        return results
    }

    private func dataSettings(_ recipe: Recipe) -> DataSettings {
        DataSettings(batchSize: recipe.batchSize, seed: settings.seed, threads: settings.threads,
                     cacheDirectory: settings.cacheDirectory)
    }

    private func makeTrainer(model: Module, experiment: Experiment, recipe: Recipe, directory: URL) throws -> Trainer {
        let optimizer = try recipe.optimizer.make(parameters: model.namedParameters().filter(\.parameter.requiresGrad),
                                                  learningRate: recipe.learningRate)
        let configuration = Trainer.Configuration(epochs: recipe.epochs, seed: settings.seed, checkpointDirectory: directory,
                                                  monitor: recipe.monitor, showsProgress: settings.showsProgress)
        let trainer = try Trainer(model: model, optimizer: optimizer, loss: recipe.loss, configuration: configuration)
        trainer.penalties = experiment.penalties(on: model)
        trainer.schedule = recipe.schedule
        trainer.earlyStopping = recipe.earlyStopping
        return trainer
    }

    private func writeConfiguration(_ experiment: Experiment, name: String, recipe: Recipe, location: DatasetLocation,
                                    summary: ModelSummary, to directory: URL) throws {
        var configuration: [String: Any] = [
            "run": name, "input": experiment.input.summary, "split": "\(experiment.split)",
            "protocol": experiment.evaluationProtocol.description, "genres": experiment.genres.map(\.name),
            "dataset": location.description, "synthetic": location.isSynthetic, "seed": settings.seed,
            "threads": settings.threads, "initialization": experiment.initialization.rawValue,
            "recipe": recipe.configuration, "parameters": summary.totalParameters,
            "trainable_parameters": summary.trainableParameters, "notes": experiment.notes,
            "command": CommandLine.arguments.joined(separator: " "),
        ]
        if let fold = experiment.fold { configuration["fold"] = fold + 1 }
        if let maxBatches = settings.maxBatches { configuration["max_batches"] = maxBatches }
        let data = try JSONSerialization.data(withJSONObject: configuration, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(data, to: directory.appendingPathComponent("configuration.json"))
    }

    private func writeConfusion(_ side: SideEvaluation, to directory: URL, title: String) throws {
        try AtomicFile.write(side.confusion.svg(title: "\(title): test confusion (samples)"),
                             to: directory.appendingPathComponent("confusion.svg"))
        if let files = side.files {
            let confusion = try ConfusionMatrix(classNames: side.confusion.classNames,
                                                predictions: files.probabilities.predictedClasses, targets: files.targets)
            try AtomicFile.write(confusion.svg(title: "\(title): test confusion (files)"),
                                 to: directory.appendingPathComponent("confusion-files.svg"))
        }
    }

    // MARK: Evaluation and classification

    /// Evaluates the weights in `checkpoint` on `experiment`'s validation and test data.
    public func evaluate(_ experiment: Experiment, checkpoint: URL) throws -> (validation: SideEvaluation?, test: SideEvaluation) {
        let location = try DatasetLocation(settings: settings, genres: experiment.genres)
        log(location.description)
        let recipe = settings.applied(to: experiment.recipe)
        let data = try experiment.input.makeData(location.dataset, experiment: experiment, settings: dataSettings(recipe))
        let model = try loadModel(experiment, checkpoint: checkpoint)
        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: settings.outputDirectory)
        let evaluate = { (source: BatchSource) in
            try SideEvaluation(trainer: trainer, source: source, limit: settings.maxBatches, classNames: data.classNames,
                               segmented: experiment.input.usesSegments, outputsProbabilities: recipe.outputsProbabilities)
        }
        return (try data.validation.map(evaluate), try evaluate(data.test))
    }

    /// The model of `experiment` with the weights of `checkpoint`.
    /// - Throws: `ExperimentError.unusableFile` when the file is missing; `CheckpointError` when it does not fit.
    public func loadModel(_ experiment: Experiment, checkpoint: URL) throws -> Module {
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw ExperimentError.unusableFile(checkpoint, "no such checkpoint")
        }
        let model = experiment.makeModel(seed: settings.seed)
        try model.load(from: checkpoint)
        model.eval()
        return model
    }

    /// The top-`k` genres of the audio file `file` under `model` (from `loadModel`), averaging the
    /// probabilities of its segments.
    /// - Throws: the decoder's error (naming the file) when the audio cannot be read.
    public func classify(_ file: URL, with model: Module, experiment: Experiment, k: Int = 3) throws -> Classification {
        let inputs = try experiment.input.inputs(ofAudioFile: file)
        var output = Tensor.withoutGrad { model(inputs) }
        if !experiment.recipe.outputsProbabilities { output = output.softmax() }
        let mean = output.mean(axes: [0]).scalars
        let names = experiment.genres.map(\.name)
        let ranked = mean.indices.sorted { mean[$0] > mean[$1] }.prefix(k)
        return Classification(file: file, segments: inputs.shape[0], top: ranked.map { (names[$0], Double(mean[$0])) })
    }
}

/// What a training run produced.
public struct RunResult {
    /// The content of `metrics.json`.
    public let metrics: RunMetrics
    public let history: TrainingHistory
    /// The test side's evaluation (confusion matrix, file-wise aggregation).
    public let test: SideEvaluation
}

/// The genres an audio file most likely belongs to.
public struct Classification {
    public let file: URL
    /// Segments whose probabilities were averaged.
    public let segments: Int
    /// Genres with their mean probability, most likely first.
    public let top: [(genre: String, probability: Double)]

    /// `file: genre 91.2 %, genre 5.0 %, …`.
    public var line: String {
        "\(file.lastPathComponent) (\(segments) segment\(segments == 1 ? "" : "s")): "
            + top.map { "\($0.genre) \(String(format: "%.1f", $0.probability * 100)) %" }.joined(separator: ", ")
    }
}
