import Foundation

/// Whole-buffer processing of the synthetic mix: layer balance, distortion, brightness, dynamics, noise.
enum Mixing {
    static func rms(_ samples: [Float]) -> Float {
        guard !samples.isEmpty else { return 0 }
        var sum: Double = 0
        samples.withUnsafeBufferPointer { for x in $0 { sum += Double(x * x) } }
        return Float((sum / Double(samples.count)).squareRoot())
    }

    /// Adds `layer` to `mix` scaled to RMS `rmsGain` (silent layers add nothing).
    static func add(_ layer: [Float], to mix: inout [Float], rmsGain: Float) {
        let level = rms(layer)
        guard level > 0 else { return }
        let factor = rmsGain / level
        mix.withUnsafeMutableBufferPointer { mix in
            layer.withUnsafeBufferPointer { layer in
                for i in mix.indices { mix[i] += layer[i] * factor }
            }
        }
    }

    /// Waveshaping `softClip(drive·x)` (≈ tanh) at unit RMS; below drive 0.3 the layer stays clean.
    static func distort(_ samples: inout [Float], drive: Float) {
        let level = rms(samples)
        guard drive >= 0.3, level > 0 else { return }
        let gain = drive / level
        samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = softClip($0[i] * gain) } }
    }

    /// Two cascaded one-pole low-passes at `cutoff` Hz.
    static func lowPass(_ samples: inout [Float], cutoff: Float, sampleRate: Float) {
        let a = Float(1 - exp(-2 * Double.pi * Double(cutoff) / Double(sampleRate)))
        var first: Float = 0
        var second: Float = 0
        samples.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                first += a * (buffer[i] - first)
                second += a * (first - second)
                buffer[i] = second
            }
        }
    }

    /// A first-order low shelf below 250 Hz: adds `10^(dB/20) − 1` times the low-passed signal.
    static func lowShelf(_ samples: inout [Float], decibels: Float, sampleRate: Float) {
        let gain = Float(pow(10, Double(decibels) / 20)) - 1
        let a = Float(1 - exp(-2 * Double.pi * 250 / Double(sampleRate)))
        var low: Float = 0
        samples.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                low += a * (buffer[i] - low)
                buffer[i] += gain * low
            }
        }
    }

    /// Slow sinusoidal loudness swells of relative `depth` (the envelope is updated every 64 samples).
    static func swell(_ samples: inout [Float], depth: Float, period: Float, phase: Float, sampleRate: Float) {
        guard depth > 0 else { return }
        let omega = 2 * Double.pi / Double(period * sampleRate)
        samples.withUnsafeMutableBufferPointer { buffer in
            for blockStart in stride(from: 0, to: buffer.count, by: 64) {
                let envelope = 1 - depth * Float(0.5 + 0.5 * sin(omega * Double(blockStart) + Double(phase)))
                for i in blockStart..<min(buffer.count, blockStart + 64) { buffer[i] *= envelope }
            }
        }
    }

    /// Soft-knee saturation `softClip(k·x)/softClip(k)` on the peak-normalised mix, `k = 0.5 + 4·amount`.
    static func compress(_ samples: inout [Float], amount: Float) {
        scale(&samples, toPeak: 1)
        let k = 0.5 + 4 * amount
        let norm = 1 / softClip(k)
        samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = softClip(k * $0[i]) * norm } }
    }

    /// A fast tanh-like saturation: the (3, 2) Padé approximant `x(27 + x²)/(27 + 9x²)`, ±1 beyond |x| = 3.
    @inline(__always)
    static func softClip(_ x: Float) -> Float {
        let clamped = max(-3, min(3, x))
        let square = clamped * clamped
        return clamped * (27 + square) / (27 + 9 * square)
    }

    /// White noise `decibels` relative to the mix's RMS.
    static func addNoise(_ samples: inout [Float], decibels: Float, noise: inout NoiseSource) {
        let amplitude = rms(samples) * Float(pow(10, Double(decibels) / 20)) * Float(3).squareRoot()
        samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] += amplitude * noise.next() } }
    }

    /// Scales to the given peak absolute value.
    static func scale(_ samples: inout [Float], toPeak peak: Float) {
        let current = samples.reduce(Float(0)) { max($0, abs($1)) }
        guard current > 0 else { return }
        let factor = peak / current
        samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] *= factor } }
    }
}
