import Distributed
import Foundation
import GTZAN
import NN
import Tensor

/// Trains, evaluates and applies the models of experiments, writing report folders.
public struct ExperimentRunner {
    public let settings: RunSettings
    /// Under `mpirun`: this rank's part of data-parallel training; nil for a single process.
    public let dataParallel: DataParallel?
    /// Receives the human-readable output (standard output, unbuffered so it interleaves with progress bars);
    /// silent on the ranks other than 0 of an MPI job.
    public var log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }

    /// A runner for `settings`; joins the MPI job when the process was started by `mpirun`.
    /// Validates `settings`, caps their threads at the core count (warning on standard error) and sets
    /// `Parallel.threadCount` to them.
    public init(settings: RunSettings) throws {
        try settings.validate()
        let (capped, warning) = settings.cappingThreads()
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        self.settings = capped
        Parallel.threadCount = capped.threads
        dataParallel = try ProcessGroup.launched().map {
            try DataParallel(group: $0, batchNormStatistics: settings.averagesBatchNormStatistics ? .averaged : .perReplica)
        }
        if !writesReports { log = { _ in } }
    }

    /// Whether this process writes reports and checkpoints: a single process, or rank 0 of an MPI job.
    public var writesReports: Bool { dataParallel?.isPrimary ?? true }

    /// Runs `body`; in an MPI job a failure on any rank ends the whole job with that rank's message
    /// (`ProcessGroup.run`), and MPI is finalised after success.
    @discardableResult
    public func job<Result>(_ body: () throws -> Result) throws -> Result {
        guard let group = dataParallel?.group else { return try body() }
        return group.run(body)
    }

    // MARK: Training

    /// Trains `experiment` and writes its report into `directory`: `configuration.json`, `summary.txt`, `split.csv`,
    /// `history.csv`/`.json`, `curves.svg`, `metrics.json`, `confusion.svg` (and `confusion-files.svg` for
    /// segments), `best.safetensors`, `last.safetensors`. Test metrics use the best checkpoint.
    ///
    /// In an MPI job every rank trains on its shard of each global batch (`DataParallel`); rank 0 prepares
    /// the data first (so that the others find the caches filled), and alone writes the report and returns
    /// the result; the other ranks return nil after training.
    /// With `resume`, a run whose `last.state.safetensors` is in `directory` continues from its last epoch.
    @discardableResult
    public func train(_ experiment: Experiment, name: String, in directory: URL, resume: Bool = false) throws -> RunResult? {
        let (location, grouping, data, recipe) = try dataParallel.map { try $0.group.primaryFirst { try prepare(experiment) } }
            ?? prepare(experiment)
        if data.validation == nil, recipe.schedule is ReduceLROnPlateau || recipe.earlyStopping != nil {
            throw ExperimentError.emptySplit("validation (the recipe's plateau schedule or early stopping needs it)")
        }
        let model = experiment.makeModel(seed: settings.seed, classes: data.classNames.count)
        let summary = model.summary(inputShape: experiment.input.sampleShape, title: name)
        if writesReports {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(data.splitTable.csv, to: directory.appendingPathComponent("split.csv"))
            try AtomicFile.write(summary.table, to: directory.appendingPathComponent("summary.txt"))
            try writeConfiguration(experiment, name: name, recipe: recipe, location: location, grouping: grouping,
                                   classNames: data.classNames, summary: summary, to: directory)
        }

        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: directory,
                                      labels: data.classNames)
        if resume, FileManager.default.fileExists(atPath: directory.appendingPathComponent("last.state.safetensors").path) {
            try trainer.resume()
            log("Resuming \(name) after epoch \(trainer.nextEpoch) of \(recipe.epochs)")
        }
        replicate(trainer)
        let started = Date()
        try trainer.fit(training: { data.train.batches(epoch: $0, limit: settings.maxBatches, shardedBy: dataParallel) },
                        validation: data.validation.map { source in { source.batches(epoch: 0, limit: settings.maxBatches) } })
        let seconds = Date().timeIntervalSince(started)
        guard writesReports else { return nil }
        try trainer.history.write(to: directory)

        let best = directory.appendingPathComponent("best.safetensors")
        let usesBest = FileManager.default.fileExists(atPath: best.path)
        if usesBest { try model.load(from: best) }
        let evaluate = { (source: SplitSide) in
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
            replicaGroups: grouping.grouping.replicas.groups.count, protocolNote: grouping.protocolNote)
        try AtomicFile.write(try metrics.json(), to: directory.appendingPathComponent("metrics.json"))
        try writeConfusion(test, to: directory, title: name)
        log(RunReport.text(metrics, confusion: test.confusion, directory: directory))
        return RunResult(metrics: metrics, history: trainer.history, test: test)
    }

    /// Opens the data, chooses the protocol and builds the run's sources, logging what was used.
    private func prepare(_ experiment: Experiment) throws -> (DatasetLocation, RunGrouping, ExperimentData, Recipe) {
        let location = try DatasetLocation(settings: settings, genres: experiment.genres)
        log(location.description)
        log(location.dataset.skipped.isEmpty && location.dataset.notes.isEmpty ? "Data: \(location.dataset.contents)" : location.dataset.report)
        let grouping = try RunGrouping(dataset: location.dataset, settings: settings)
        grouping.notes.forEach(log)
        let recipe = settings.applied(to: experiment.recipe)
        let data = try experiment.input.makeData(location.dataset, experiment: experiment,
                                                 settings: dataSettings(recipe, grouping: grouping.grouping,
                                                                        labels: settings.labels ?? experiment.genres))
        log("Used: \(data.splitSummary)")
        log("Genres (\(data.classNames.count)): \(data.classNames.joined(separator: ", "))")
        log("Split: \(experiment.split); artists per side: \(data.splitTable.artistSummary)")
        if let warning = grouping.missingArtistWarning(data.splitTable) { log(warning) }
        return (location, grouping, data, recipe)
    }

    /// Trains every experiment of a study: a single unnamed run reports into `outputDirectory`; otherwise each
    /// run reports into `outputDirectory/<runName>` and a `StudyReport` (tables with mean ± std, curves per
    /// group) goes into `outputDirectory`. Everything is written into a staging folder that replaces
    /// `outputDirectory` when all runs are done (`RunFolder`); `resume` continues the staging folder a killed
    /// run left (finished runs are only evaluated again, the interrupted one continues from its last epoch).
    /// In an MPI job rank 0 alone writes and commits the folder; the other ranks return no results.
    @discardableResult
    public func train(_ experiments: [Experiment], name: String, resume: Bool = false) throws -> [RunResult] {
        let folder = writesReports ? try RunFolder(destination: settings.outputDirectory, resume: resume) : nil
        let staging = folder?.staging ?? RunFolder.staging(of: settings.outputDirectory)
        let experiments = runs(of: experiments)
        let results: [RunResult]
        if experiments.count == 1 && experiments[0].runName == nil {
            results = try train(experiments[0], name: name, in: staging, resume: resume).map { [$0] } ?? []
        } else {
            results = try trainStudy(experiments, name: name, in: staging, resume: resume)
        }
        guard let folder else { return results }
        try folder.commit()
        log("Report folder: \(settings.outputDirectory.path)")
        return results
    }

    /// The runs to train: `experiments`, except under `--protocol official`, where every fold of a K-fold study
    /// would train and test on the same published split, so only the first fold of each group runs (as a single
    /// run, without its fold) and the log says which were left out.
    public func runs(of experiments: [Experiment]) -> [Experiment] {
        guard settings.evaluationProtocol == .official, experiments.contains(where: { $0.fold != nil }) else { return experiments }
        var seen = Set<String>()
        let kept = experiments.filter { $0.fold == nil || seen.insert($0.group ?? "").inserted }
        let skipped = experiments.filter { $0.fold != nil }.count - kept.filter { $0.fold != nil }.count
        log("--protocol official: one run on the published split instead of \(experiments.count) K-fold runs "
            + "(\(skipped) skipped: every fold would repeat the same split)")
        return kept.map { experiment in
            experiment.with {
                guard $0.fold != nil else { return }
                $0.fold = nil
                $0.runName = kept.count == 1 ? nil : $0.group ?? "official"
            }
        }
    }

    private func trainStudy(_ experiments: [Experiment], name: String, in directory: URL, resume: Bool) throws -> [RunResult] {
        var results: [RunResult] = []
        for (index, experiment) in experiments.enumerated() {
            let runName = experiment.runName ?? "run-\(index + 1)"
            log("\n### \(name) — \(runName) (\(index + 1)/\(experiments.count))")
            results += try train(experiment, name: "\(name)/\(runName)",
                                 in: directory.appendingPathComponent(runName, isDirectory: true), resume: resume).map { [$0] } ?? []
        }
        guard writesReports else { return [] }
        let report = StudyReport(runs: results.map(\.metrics),
                                 histories: Dictionary(uniqueKeysWithValues: results.map { ($0.metrics.run, $0.history) }))
        try report.write(to: directory)
        log("\n" + report.markdown + "Study report: \(settings.outputDirectory.path)")
        return results
    }

    /// In an MPI job: makes `trainer` a replica, with a dropout stream of its own per rank (rank 0 keeps the
    /// single-process stream; weights, shuffling and augmentation share `settings.seed`).
    private func replicate(_ trainer: Trainer) {
        guard let dataParallel else { return }
        trainer.replication = dataParallel
        trainer.configuration.seed = settings.seed &+ UInt64(dataParallel.group.rank) &* 0xA24B_AED4_963E_E407
    }

    private func dataSettings(_ recipe: Recipe, grouping: TrackGrouping, labels: [Genre]?) -> DataSettings {
        DataSettings(batchSize: recipe.batchSize, seed: settings.seed, threads: settings.threads,
                     cacheDirectory: settings.cacheDirectory, grouping: grouping, labels: labels)
    }

    /// A trainer whose checkpoints record `labels`, the names of the model's outputs.
    private func makeTrainer(model: Module, experiment: Experiment, recipe: Recipe, directory: URL, labels: [String]) throws -> Trainer {
        let optimizer = try recipe.optimizer.make(parameters: model.namedParameters().filter(\.parameter.requiresGrad),
                                                  learningRate: recipe.learningRate)
        var configuration = Trainer.Configuration(epochs: recipe.epochs, seed: settings.seed, checkpointDirectory: directory,
                                                  monitor: recipe.monitor, showsProgress: settings.showsProgress)
        configuration.microBatchSize = recipe.microBatchSize
        configuration.checkpointMetadata = CheckpointLabels.metadata(labels)
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
        if let note = grouping.protocolNote { configuration["protocol_note"] = note }
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

    /// Evaluates the weights in `checkpoint` on `experiment`'s validation and test data, logging the checkpoint's
    /// label names.
    /// - Throws: `ExperimentError.invalidOption` when the checkpoint's labels are not the data's.
    public func evaluate(_ experiment: Experiment, checkpoint: URL) throws -> (validation: SideEvaluation?, test: SideEvaluation) {
        let (_, _, data, recipe) = try prepare(experiment)
        let labels = Self.labels(of: checkpoint, experiment: experiment)
        log("Labels (\(labels.names.count), from the checkpoint): \(labels.names.joined(separator: ", "))")
        if let note = labels.note { log(note) }
        guard labels.names == data.classNames || (labels.note != nil && labels.names.count == data.classNames.count) else {
            throw ExperimentError.invalidOption("--checkpoint", "\(checkpoint.path) was trained on \(labels.names.count) labels "
                + "(\(labels.names.joined(separator: ", "))), the data has \(data.classNames.count) (\(data.classNames.joined(separator: ", ")))")
        }
        let model = try loadModel(experiment, checkpoint: checkpoint, classNames: data.classNames)
        let trainer = try makeTrainer(model: model, experiment: experiment, recipe: recipe, directory: settings.outputDirectory,
                                      labels: data.classNames)
        let evaluate = { (source: SplitSide) in
            try SideEvaluation(trainer: trainer, source: source, limit: settings.maxBatches, classNames: data.classNames,
                               segmented: experiment.input.usesSegments, outputsProbabilities: recipe.outputsProbabilities)
        }
        return (try data.validation.map(evaluate), try evaluate(data.test))
    }

    /// The label names a checkpoint was trained on, in output order: those its metadata records (`CheckpointLabels`),
    /// else the `genres` of the `configuration.json` beside it; a checkpoint with neither (written before labels
    /// were recorded) gets GTZAN's ten (or the genres `experiment` asks for) and `note` says so.
    public static func labels(of checkpoint: URL, experiment: Experiment) -> (names: [String], note: String?) {
        if let names = CheckpointLabels.names(in: checkpoint) { return (names, nil) }
        let configuration = checkpoint.deletingLastPathComponent().appendingPathComponent("configuration.json")
        if let data = try? Data(contentsOf: configuration),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let genres = object["genres"] as? [String], !genres.isEmpty {
            return (genres, nil)
        }
        let names = (experiment.genres ?? Genre.gtzan).map(\.name)
        return (names, "Note: \(checkpoint.lastPathComponent) records no label names (written before checkpoints recorded them) "
                + "and has no configuration.json beside it: assuming \(experiment.genres == nil ? "GTZAN's ten genres" : "the example's genres") "
                + "(\(names.joined(separator: ", ")))")
    }

    /// The model of `experiment` for `classNames` (default: `labels(of:experiment:)`) with the weights of `checkpoint`.
    /// - Throws: `ExperimentError.unusableFile` when the file is missing; `CheckpointError` when it does not fit.
    public func loadModel(_ experiment: Experiment, checkpoint: URL, classNames: [String]? = nil) throws -> Module {
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw ExperimentError.unusableFile(checkpoint, "no such checkpoint")
        }
        let names = classNames ?? Self.labels(of: checkpoint, experiment: experiment).names
        let model = experiment.makeModel(seed: settings.seed, classes: names.count)
        try model.load(from: checkpoint)
        model.eval()
        return model
    }

    /// The top-`k` genres of the audio file `file` under `model` (from `loadModel`, trained on `classNames`),
    /// averaging the probabilities of its segments, which are computed and classified as the file decodes.
    /// - Throws: the decoder's error (naming the file) when the audio cannot be read.
    public func classify(_ file: URL, with model: Module, experiment: Experiment, classNames: [String]? = nil,
                         k: Int = 3) throws -> Classification {
        var mean = ProbabilityMean()
        try experiment.input.forEachInputBatch(ofAudioFile: file, batchSize: 32) { inputs in
            let output = Tensor.withoutGrad { model(inputs) }
            mean.add(experiment.recipe.outputsProbabilities ? output : output.softmax())
        }
        let names = classNames ?? (experiment.genres ?? Genre.gtzan).map(\.name)
        guard names.count == mean.values.count else {
            throw ExperimentError.invalidOption("classify", "the model has \(mean.values.count) outputs for \(names.count) genres")
        }
        return Classification(file: file, segments: mean.count, probabilities: mean.values, classNames: names, k: k)
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

    /// The `k` most likely of `classNames` under the mean `probabilities` of `segments` segments.
    public init(file: URL, segments: Int, probabilities: [Double], classNames: [String], k: Int) {
        self.file = file
        self.segments = segments
        top = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(k).map { (classNames[$0], probabilities[$0]) }
    }

    /// `file: genre 91.2 %, genre 5.0 %, …`.
    public var line: String {
        "\(file.lastPathComponent) (\(segments) segment\(segments == 1 ? "" : "s")): "
            + top.map { "\($0.genre) \(String(format: "%.1f", $0.probability * 100)) %" }.joined(separator: ", ")
    }
}

/// The mean over segments of class probabilities that arrive in batches (`[segments, classes]`).
struct ProbabilityMean {
    private(set) var sums: [Double] = []
    private(set) var count = 0

    mutating func add(_ probabilities: Tensor) {
        let (rows, classes) = (probabilities.shape[0], probabilities.shape[1])
        let scalars = probabilities.scalars
        if sums.isEmpty { sums = [Double](repeating: 0, count: classes) }
        for row in 0..<rows {
            for column in 0..<classes { sums[column] += Double(scalars[row * classes + column]) }
        }
        count += rows
    }

    /// The mean probabilities (empty before the first batch).
    var values: [Double] { sums.map { $0 / Double(max(count, 1)) } }
}
