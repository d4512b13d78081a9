/// GTZAN: the GTZAN music-genre dataset for deep-learning experiments.
///
/// - `GTZANDataset` opens a Kaggle or Marsyas copy (layout detected), with any subset of `Genre`s, and
///   reports the files it cannot decode.
/// - `DataSplit` builds leak-free splits (stratified K-fold, ratios, the fault-filtered lists) and checks
///   that no track is on both sides; `EvaluationProtocol.contaminated` must be asked for explicitly.
/// - `Segmentation` cuts tracks into fixed-length, optionally overlapping segments that remember their track.
/// - `FeatureTable` and `Standardizer` load the feature CSVs and standardise them on the training split.
/// - `SyntheticGTZAN` writes a procedurally generated GTZAN-shaped dataset for demos and tests.
