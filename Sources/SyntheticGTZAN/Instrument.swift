import ConcurrencySupport
import Foundation

/// A pitched instrument of the synthetic generator: a timbre shaped by an amplitude envelope.
struct Instrument: Sendable {
    /// How one period of the sound is made.
    enum Timbre: Sendable {
        /// Additive synthesis: a wavetable summing harmonics with the given amplitudes.
        case additive([Float])
        /// Two-operator FM: modulator at `ratio` × the note frequency, modulation index decaying
        /// from `index` with time constant `indexDecay` seconds (electric piano, bells).
        case fm(ratio: Float, index: Float, indexDecay: Float)
    }

    var timbre: Timbre
    /// Attack time in seconds (linear ramp).
    var attack: Float
    /// Time constant in seconds of the exponential decay towards `sustain`.
    var decay: Float
    /// Level held after the decay, relative to the peak.
    var sustain: Float
    /// Release time in seconds after the note ends (linear fade).
    var release: Float

    /// The additive wavetable, built once per instrument.
    let table: [Float]

    init(_ timbre: Timbre, attack: Float, decay: Float, sustain: Float, release: Float) {
        self.timbre = timbre
        self.attack = attack
        self.decay = decay
        self.sustain = sustain
        self.release = release
        if case let .additive(harmonics) = timbre {
            table = Wavetable.make(harmonics: harmonics)
        } else {
            table = Wavetable.sine
        }
    }

    /// Adds one note to `buffer`: `length` samples held from `start`, then the release tail.
    func play(into buffer: UnsafeMutableBufferPointer<Float>, start: Int, length: Int,
              frequency: Float, gain: Float, sampleRate: Float) {
        let releaseLength = Int(release * sampleRate)
        let end = min(buffer.count, start + length + releaseLength)
        guard start >= 0, start < end else { return }
        let attackLength = max(1, Int(attack * sampleRate))
        let decayFactor = Float(exp(-1 / Double(max(decay, 1e-4) * sampleRate)))
        let increment = frequency / sampleRate
        var envelope: Float = 0
        var level: Float = 1
        let releaseStep = releaseLength > 0 ? 1 / Float(releaseLength) : 1
        var releaseGain: Float = 1
        table.withUnsafeBufferPointer { table in
            var oscillator = Wavetable.Oscillator(table: table)
            var modulator = Wavetable.Oscillator(table: Wavetable.sineBuffer)
            var index: Float = 0
            var indexFactor: Float = 1
            var ratio: Float = 0
            if case let .fm(r, i, d) = timbre {
                ratio = r; index = i
                indexFactor = Float(exp(-1 / Double(max(d, 1e-4) * sampleRate)))
            }
            for n in start..<end {
                let k = n - start
                if k < attackLength {
                    envelope = Float(k) / Float(attackLength)
                } else {
                    level = sustain + (level - sustain) * decayFactor
                    envelope = level
                }
                if k >= length { releaseGain = max(0, releaseGain - releaseStep) }
                let sample: Float
                if ratio > 0 {
                    let modulation = modulator.next(increment * ratio) * index
                    sample = oscillator.next(increment, phaseOffset: modulation)
                    index *= indexFactor
                } else {
                    sample = oscillator.next(increment)
                }
                buffer[n] += sample * envelope * releaseGain * gain
            }
        }
    }
}

/// Single-cycle lookup tables and a phase-accumulating oscillator over them.
enum Wavetable {
    static let size = 4096

    /// One cycle of a sine.
    static let sine: [Float] = make(harmonics: [1])

    /// `sine`, kept alive (and never written again) for unsafe access from every thread.
    private static let sineTable: SharedPointer<Float> = {
        let pointer = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
        _ = pointer.initialize(from: sine)
        return SharedPointer(pointer)
    }()

    /// `sine`, for unsafe access from every thread.
    static var sineBuffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: sineTable.readOnly, count: size) }

    /// One cycle of Σ aₖ sin(2πkt), normalised to peak 1.
    static func make(harmonics: [Float]) -> [Float] {
        var table = [Float](repeating: 0, count: size)
        for (k, amplitude) in harmonics.enumerated() where amplitude != 0 {
            let step = 2 * Double.pi * Double(k + 1) / Double(size)
            for i in 0..<size { table[i] += amplitude * Float(sin(step * Double(i))) }
        }
        let peak = table.reduce(0) { max($0, abs($1)) }
        return peak > 0 ? table.map { $0 / peak } : table
    }

    /// A phase accumulator reading a table without interpolation (tables are large enough).
    struct Oscillator {
        let table: UnsafeBufferPointer<Float>
        var phase: Float = 0

        init(table: UnsafeBufferPointer<Float>) { self.table = table }

        /// The current sample, `phaseOffset` cycles ahead, then advances by `increment` cycles.
        @inline(__always)
        mutating func next(_ increment: Float, phaseOffset: Float = 0) -> Float {
            var position = phase + phaseOffset
            position -= position.rounded(.down)
            let value = table[min(Int(position * Float(Wavetable.size)), Wavetable.size - 1)]
            phase += increment
            if phase >= 1 { phase -= 1 }
            return value
        }
    }
}
