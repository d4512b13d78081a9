// NN: neural-network building blocks on top of Tensor, with PyTorch's numbers and Keras' conveniences.
//
// - Module/: `Module` (named parameters and buffers with PyTorch state-dict keys, train/eval, freezing,
//   state dicts through safetensors, `summary()`), `Parameter`, `Buffer`.
// - Layers/: Linear, Conv2D (grouped, depthwise), Conv1D, MaxPool2D, MaxPool1D, AvgPool2D, GlobalAveragePool,
//   TemporalMeanPool, FrequencyAsChannels, Flatten, BatchNorm1D/2D, Dropout, ReLU, ReLU6, Sigmoid, Softmax,
//   Rescaling, Sequential, ModuleList, SqueezeExcitation, ResidualBlock (building blocks; whole architectures
//   such as MobileNetV2 live in GenreModels).
// - GradientCheck+Module: `GradientCheck().check(module:input:)`, a module's input and parameter gradients.
// - Initialization/: PyTorch or Keras default initialisation, seeded per model (`ParameterInitialization`).
// - Losses/: CrossEntropyLoss (label smoothing), NLLLoss, CategoricalCrossEntropy, WeightPenalty (L1/L2).
// - Optimizers/: SGD (momentum, Nesterov, weight decay), Adam, AdamW, RMSProp (PyTorch or Keras epsilon),
//   with saveable state.
// - Schedules/: ReduceLROnPlateau, LinearDecay, StepDecay, ConstantThenExponentialDecay, EarlyStopping.
// - Training/: `Trainer` (epochs, validation, history, callbacks, checkpoints, exact resume), `Evaluation`.
// - Metrics/: accuracy, top-k, ConfusionMatrix (precision/recall/F1, text, SVG), file-wise aggregation,
//   ClassificationReport (JSON).
// - Reports/: TrainingHistory (CSV, JSON, SVG curves drawn with Plotting's LineChart), ProgressBar, ModelSummary.
// - Checkpoint/: SafeTensors (read F32/F16/BF16/F64/I64/I32, write F32), atomic file writes.
