/// Experiments: the behaviour every GenreKit example shares, written once.
///
/// An example is a short `main.swift` that declares a `GenreExample` — which model (from `GenreModels`),
/// which input (`SegmentInput`, or any `InputPipeline`), which split (`SplitPlan`) and which recipe
/// (`Recipe`: epochs, batch size, optimizer, schedule, early stopping, penalties) — and calls
/// `ExampleCommand<MyExample>.main()`. The library supplies the command line (`train`, `evaluate`,
/// `classify`, `summary`; `--data`, `--epochs`, `--batch-size`, `--lr`, `--seed`, `--threads`, `--out`),
/// the data (any labelled collection: a GTZAN layout, FMA, a folder per label or a track table; or a synthetic
/// GTZAN generated once into a cache folder), training with
/// NN's `Trainer` (progress bars, atomic `best`/`last` checkpoints) and the report folder
/// (`configuration.json`, `history.csv`, `metrics.json`, `curves.svg`, `confusion.svg`, checkpoints).
