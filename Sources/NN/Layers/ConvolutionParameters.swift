/// The weight `[out, in / groups] + kernelShape` and optional `[out]` bias shared by `Conv1D` and `Conv2D`,
/// initialised by the current `ParameterInitialization` with the convolution's fan-in and fan-out.
enum ConvolutionParameters {
    static func make(layer: String, inChannels: Int, outChannels: Int, groups: Int, kernelShape: [Int],
                     bias: Bool) -> (weight: Parameter, bias: Parameter?) {
        precondition(inChannels > 0 && outChannels > 0 && groups > 0 && inChannels % groups == 0
                     && outChannels % groups == 0,
                     "\(layer)(\(inChannels), \(outChannels), groups: \(groups)): groups must divide both channel counts")
        let taps = kernelShape.reduce(1, *)
        let fanIn = inChannels / groups * taps
        let weight = Parameter(ParameterInitialization.weight([outChannels, inChannels / groups] + kernelShape,
                                                              fanIn: fanIn, fanOut: outChannels / groups * taps))
        return (weight, bias ? Parameter(ParameterInitialization.bias(outChannels, fanIn: fanIn)) : nil)
    }
}
