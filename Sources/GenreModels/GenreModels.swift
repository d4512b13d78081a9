/// GenreModels: the published music-genre architectures, written once with NN layers and PyTorch
/// state-dict names, shared by the examples and the benchmarks.
///
/// | model | input | parameters |
/// | --- | --- | --- |
/// | `CNNDynamic` | RGB spectrogram image 3 × 288 × 432 | 2,055,070 |
/// | `ImageCNN` | RGB image 3 × 256 × 256 | 16,871,882 |
/// | `MFCCCNN` | 1 × 130 × 13 MFCC slice | 45,514 |
/// | `ResNetMFCC` | 1 × 130 × 13 MFCC slice | 217,226 (448 non-trainable) |
/// | `KernelSweepCNN` | 1 × 128 × frames mel (dB) | depends on the kernel (3, 5, 7) |
/// | `SECNN` | 1 × 512 × 130 power spectrogram | depends on `reduction` and `globalPooling` |
/// | `SegmentCNN` | 1 × bins × frames (mel, MFCC or chroma) | depends on the architecture |
/// | `FeatureMLP` | 57 standardised features | 56,650 (keras) or 31,946 (torch) |
/// | `MobileNetTransfer` | RGB image 3 × 224 × 224 | 2,270,794 (12,810 trainable) |
///
/// Parameter counts follow Keras' `model.summary()` (BatchNorm's moving statistics count as
/// non-trainable weights), which is how the published models state them.
///
/// Each model documents the initialisation scheme of the framework it was published in
/// (`InitializationScheme.keras` or `.pytorch`); build it inside `ParameterInitialization.using(_:seed:_:)`
/// for seeded weights.
