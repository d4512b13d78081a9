// GTZAN: the GTZAN music-genre dataset for deep-learning experiments, leak-free by default.
//
// - `GTZANDataset` opens a Kaggle or Marsyas copy (`GTZANLayout` detects it; audio may be partial or absent
//   beside `images_original`), any subset of `Genre`s labelled within the genres present, and reports the files
//   it cannot decode (`skipped`, `report`) instead of crashing or dropping them.
// - `LabelledCollection` opens any labelled collection the same way: GTZAN, FMA (`FMAMetadata`: tracks.csv,
//   subsets, `set.split`, `artist.id`), a folder per label, or a CSV/TSV of `path,label[,artist]`; labels are
//   open names (`Genre`, indexed by `LabelSet`).
// - `StratifiedSplitter` builds reproducible stratified K-fold and ratio splits that keep each group of a
//   `TrackGrouping` on one side: artists (`ArtistList`), tracks, replicas (`ReplicaGroups`, found by content);
//   `SplitTable` writes a split as `split.csv`; `FilteredSplitLists` reads the fault-filtered lists;
//   `DataSplit.checkNoTrackLeakage()` proves that no track is on both sides. `EvaluationProtocol.segment`
//   (split after segmenting) must be asked for.
// - `Segmentation` cuts tracks into fixed-length, optionally overlapping `Segment`s that remember their
//   track; `FileWiseAggregation` turns segment predictions into track predictions.
// - `FeatureExtractor` computes `InputRepresentation`s (power spectrogram, mel dB, MFCC, chroma) through DSP;
//   `Augmentation` adds seeded noise, gain and torchaudio-style masks; `SegmentBatches` and `ImageBatches`
//   stream shuffled `Tensor` mini-batches from a background thread, optionally through a `FeatureCache`.
// - `FeatureTable` and `Standardizer` load the feature CSVs and standardise them on the training split.
// - `RGBImage`, `SpectrogramImageRenderer` and `Colormap` read `images_original` PNGs or render them from audio.
