import Foundation
import GTZAN
import NN
import Tensor

/// Trains, evaluates and applies the models of experiments, writing report folders.
public struct ExperimentRunner {
    public let settings: RunSettings
    /// Receives the human-readable output (standard output, unbuffered so it interleaves with progress bars).
    public var log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }

    public init(settings: RunSettings) throws {
        try settings.validate()
        self.settings = settings
        Parallel.threadCount = settings.threads
    }

    // MARK: Training

    /// Trains `experiment` and writes its report into `directory`: `configuration.json`, `summary.txt`, `split.csv`,
    /// `history.csv`/`.json`, `curves.svg`, `metrics.json`, `confusion.svg` (and `confusion-files.svg` for
    /// segments), `best.safetensors`, `last.safetensors`. Test metrics use the best checkpoint.
    @discardableResult
    public func train(_ experiment: Experiment, name: String, in directory: URL) throws -> RunResult {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (location, grouping, data, recipe) = try prepare(experiment)
        if data.validation == nil, recipe.schedule is ReduceLROnPlateau || recipe.earlyStopping != nil {
            throw ExperimentError.emptySplit("validation (the recipe's plateau schedule or early stopping needs it)")
        }
        try AtomicFile.write(data.splitTable.csv, to: directory.appendingPathComponent("split.csv"))
        let model = experiment.makeModel(seed: settings.seed, classes: data.classNames.count)
        let summary = model.summary(inputShape: experiment.input.sampleShape, title: name)
        try AtomicFile.write(summary.table, to: directory.appendingPathComponent("summary.txt"))
        try writeConfiguration(experiment, name: name, recipe: recipe, location: location, grouping: grouping,
                               classNames: data.classNames, summary: summary, to: directory)

        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: directory)
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
            run: name, evaluationProtocol: grouping.grouping.evaluationProtocol.rawValue, dataset: location.description,
            synthetic: location.isSynthetic, validationAccuracy: validation?.accuracy, testAccuracy: test.accuracy,
            validationFileAccuracy: validation?.fileAccuracy, testFileAccuracy: test.fileAccuracy, testLoss: test.samples.loss,
            perClassRecall: Dictionary(uniqueKeysWithValues: zip(data.classNames, test.confusion.recall)),
            epochs: trainer.history.epochs.count, trainingSeconds: seconds,
            evaluatedCheckpoint: usesBest ? "best.safetensors" : "last epoch", parameters: summary.totalParameters,
            trainableParameters: summary.trainableParameters, group: experiment.group, genres: data.classNames,
            replicaGroups: grouping.grouping.replicas.groups.count)
        try AtomicFile.write(try metrics.json(), to: directory.appendingPathComponent("metrics.json"))
        try writeConfusion(test, to: directory, title: name)
        log(RunReport.text(metrics, confusion: test.confusion, directory: directory))
        return RunResult(metrics: metrics, history: trainer.history, test: test)
    }

    /// Opens the data, chooses the protocol and builds the run's sources, logging what was used.
    private func prepare(_ experiment: Experiment) throws -> (DatasetLocation, RunGrouping, ExperimentData, Recipe) {
        let location = try DatasetLocation(settings: settings, genres: experiment.genres)
        log(location.description)
        log(location.dataset.skipped.isEmpty ? "Data: \(location.dataset.contents)" : location.dataset.report)
        let grouping = try RunGrouping(dataset: location.dataset, settings: settings)
        grouping.notes.forEach(log)
        let recipe = settings.applied(to: experiment.recipe)
        let data = try experiment.input.makeData(location.dataset, experiment: experiment,
                                                 settings: dataSettings(recipe, grouping: grouping.grouping))
        log("Used: \(data.splitSummary)")
        log("Genres (\(data.classNames.count)): \(data.classNames.joined(separator: ", "))")
        log("Split: \(experiment.split); artists per side: \(data.splitTable.artistSummary)")
        if let warning = grouping.missingArtistWarning(data.splitTable) { log(warning) }
        return (location, grouping, data, recipe)
    }

    /// Trains every experiment of a study: a single unnamed run reports into `outputDirectory`; otherwise each
    /// run reports into `outputDirectory/<runName>` and a `StudyReport` (tables with mean ± std, curves per
    /// group) goes into `outputDirectory`.
    @discardableResult
    public func train(_ experiments: [Experiment], name: String) throws -> [RunResult] {
        guard !(experiments.count == 1 && experiments[0].runName == nil) else {
            return [try train(experiments[0], name: name, in: settings.outputDirectory)]
        }
        var results: [RunResult] = []
        for (index, experiment) in experiments.enumerated() {
            let runName = experiment.runName ?? "run-\(index + 1)"
            log("\n### \(name) — \(runName) (\(index + 1)/\(experiments.count))")
            results.append(try train(experiment, name: "\(name)/\(runName)",
                                     in: settings.outputDirectory.appendingPathComponent(runName, isDirectory: true)))
        }
        let report = StudyReport(runs: results.map(\.metrics),
                                 histories: Dictionary(uniqueKeysWithValues: results.map { ($0.metrics.run, $0.history) }))
        try report.write(to: settings.outputDirectory)
        log("\n" + report.markdown + "Study report: \(settings.outputDirectory.path)")
        return results
    }

    private func dataSettings(_ recipe: Recipe, grouping: TrackGrouping) -> DataSettings {
        DataSettings(batchSize: recipe.batchSize, seed: settings.seed, threads: settings.threads,
                     cacheDirectory: settings.cacheDirectory, grouping: grouping)
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
                                    grouping: RunGrouping, classNames: [String], summary: ModelSummary, to directory: URL) throws {
        var configuration: [String: Any] = [
            "run": name, "input": experiment.input.summary, "split": "\(experiment.split)",
            "protocol": grouping.grouping.evaluationProtocol.rawValue, "protocol_notes": grouping.notes,
            "artists": grouping.artistSource, "genres": classNames,
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
        let (_, _, data, recipe) = try prepare(experiment)
        let model = try loadModel(experiment, checkpoint: checkpoint, classNames: data.classNames)
        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: settings.outputDirectory)
        let evaluate = { (source: BatchSource) in
            try SideEvaluation(trainer: trainer, source: source, limit: settings.maxBatches, classNames: data.classNames,
                               segmented: experiment.input.usesSegments, outputsProbabilities: recipe.outputsProbabilities)
        }
        return (try data.validation.map(evaluate), try evaluate(data.test))
    }

    /// The genres a checkpoint was trained on: `genres` of the `configuration.json` beside it, else those
    /// `experiment` asks for.
    public static func classNames(of checkpoint: URL, experiment: Experiment) -> [String] {
        let configuration = checkpoint.deletingLastPathComponent().appendingPathComponent("configuration.json")
        guard let data = try? Data(contentsOf: configuration),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let genres = object["genres"] as? [String], !genres.isEmpty else { return experiment.genres.map(\.name) }
        return genres
    }

    /// The model of `experiment` for `classNames` (default: `classNames(of:experiment:)`) with the weights of `checkpoint`.
    /// - Throws: `ExperimentError.unusableFile` when the file is missing; `CheckpointError` when it does not fit.
    public func loadModel(_ experiment: Experiment, checkpoint: URL, classNames: [String]? = nil) throws -> Module {
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw ExperimentError.unusableFile(checkpoint, "no such checkpoint")
        }
        let names = classNames ?? Self.classNames(of: checkpoint, experiment: experiment)
        let model = experiment.makeModel(seed: settings.seed, classes: names.count)
        try model.load(from: checkpoint)
        model.eval()
        return model
    }

    /// The top-`k` genres of the audio file `file` under `model` (from `loadModel`, trained on `classNames`),
    /// averaging the probabilities of its segments.
    /// - Throws: the decoder's error (naming the file) when the audio cannot be read.
    public func classify(_ file: URL, with model: Module, experiment: Experiment, classNames: [String]? = nil,
                         k: Int = 3) throws -> Classification {
        let inputs = try experiment.input.inputs(ofAudioFile: file)
        var output = Tensor.withoutGrad { model(inputs) }
        if !experiment.recipe.outputsProbabilities { output = output.softmax() }
        let mean = output.mean(axes: [0]).scalars
        let names = classNames ?? experiment.genres.map(\.name)
        guard names.count == mean.count else {
            throw ExperimentError.invalidOption("classify", "the model has \(mean.count) outputs for \(names.count) genres")
        }
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
