import Tensor

extension Module {
    /// Parameters plus the buffers Keras counts as weights (BatchNorm's running mean and variance).
    public var parameterCount: Int {
        parameters.map(\.value.count).reduce(0, +)
            + namedBuffers().filter(\.buffer.countsAsWeight).map(\.buffer.value.count).reduce(0, +)
    }

    /// Parameters that require gradients.
    public var trainableParameterCount: Int { trainableParameters.map(\.value.count).reduce(0, +) }

    /// A Keras-style summary (`model.summary()`): runs one forward pass on zeros of shape `[1] + inputShape`
    /// in evaluation mode without recording gradients, then lists every leaf layer (and every module that
    /// owns weights) with its output shape and parameter count. Training mode is restored afterwards.
    public func summary(inputShape: [Int], title: String? = nil) -> ModelSummary {
        let wasTraining = isTraining
        eval()
        defer { train(wasTraining) }
        let trace = OutputShapeTrace.recording { _ = Tensor.withoutGrad { self(Tensor.zeros([1] + inputShape)) } }
        let rows = namedModules().compactMap { path, module -> ModelSummary.Row? in
            let ownsWeights = !module.localParameters.isEmpty || !module.localBuffers.isEmpty
            guard module.children.isEmpty || ownsWeights else { return nil }
            let parameters = module.localParameters.map(\.parameter)
            let counted = module.localBuffers.filter(\.buffer.countsAsWeight).map(\.buffer.value.count).reduce(0, +)
            return ModelSummary.Row(name: path.isEmpty ? "(root)" : path, type: module.typeName,
                                    outputShape: trace.shape(of: module).map { Array($0.dropFirst()) },
                                    parameters: parameters.map(\.value.count).reduce(0, +) + counted,
                                    trainable: parameters.filter(\.requiresGrad).map(\.value.count).reduce(0, +))
        }
        return ModelSummary(title: title ?? typeName, rows: rows, totalParameters: parameterCount,
                            trainableParameters: trainableParameterCount)
    }
}
