extension Tensor {
    /// Uniform samples in [`low`, `high`) (as `torch.empty(shape).uniform_(low, high)`).
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1,
                               using generator: inout RandomGenerator) -> Tensor {
        let scale = high - low
        return Tensor(shape: shape) { buffer in
            for index in buffer.indices { buffer[index] = low + scale * generator.nextUniform() }
        }
    }

    /// Normal samples with the given mean and standard deviation (as `torch.normal(mean, std, shape)`).
    public static func normal(_ shape: [Int], mean: Float = 0, std: Float = 1,
                              using generator: inout RandomGenerator) -> Tensor {
        Tensor(shape: shape) { buffer in
            for index in buffer.indices { buffer[index] = mean + std * generator.nextNormal() }
        }
    }

    /// Samples that are 1 with probability `probability` and 0 otherwise (as `torch.bernoulli`).
    public static func bernoulli(_ shape: [Int], probability: Float,
                                 using generator: inout RandomGenerator) -> Tensor {
        precondition((0...1).contains(probability), "bernoulli: probability \(probability) is not in [0, 1]")
        return Tensor(shape: shape) { buffer in
            for index in buffer.indices { buffer[index] = generator.nextUniform() < probability ? 1 : 0 }
        }
    }
}
