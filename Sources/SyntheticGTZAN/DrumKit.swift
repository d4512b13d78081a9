import Foundation

/// The drum sounds of one synthetic track, with per-track variations of pitch, decay and tone.
struct DrumKit: Sendable {
    /// The drum voices a pattern can trigger.
    enum Voice: Int, CaseIterable, Sendable {
        case kick, snare, closedHat, openHat, ride
    }

    /// Kick start and end pitch (Hz), pitch-sweep and amplitude time constants (s).
    var kickPitch: (start: Float, end: Float) = (150, 50)
    var kickSweep: Float = 0.03
    var kickDecay: Float = 0.25
    /// Snare tone pitch (Hz), tone-to-noise balance and decay (s).
    var snarePitch: Float = 190
    var snareTone: Float = 0.4
    var snareDecay: Float = 0.12
    /// Brushes: a soft swish with a slow attack instead of a crack.
    var brushed = false
    /// Hat decays (s) and brightness (0 dull … 1 bright).
    var closedHatDecay: Float = 0.04
    var openHatDecay: Float = 0.25
    var hatBrightness: Float = 0.8

    /// Adds `voice` at `start` with loudness `velocity`.
    func play(_ voice: Voice, into buffer: UnsafeMutableBufferPointer<Float>, start: Int,
              velocity: Float, sampleRate: Float, noise: inout NoiseSource) {
        switch voice {
        case .kick:
            kick(into: buffer, start: start, velocity: velocity, sampleRate: sampleRate)
        case .snare:
            snare(into: buffer, start: start, velocity: velocity, sampleRate: sampleRate, noise: &noise)
        case .closedHat:
            metal(into: buffer, start: start, velocity: velocity * 0.5, decay: closedHatDecay,
                  sampleRate: sampleRate, noise: &noise)
        case .openHat:
            metal(into: buffer, start: start, velocity: velocity * 0.45, decay: openHatDecay,
                  sampleRate: sampleRate, noise: &noise)
        case .ride:
            metal(into: buffer, start: start, velocity: velocity * 0.35, decay: 0.45,
                  sampleRate: sampleRate, noise: &noise, bell: true)
        }
    }

    private func kick(into buffer: UnsafeMutableBufferPointer<Float>, start: Int, velocity: Float,
                      sampleRate: Float) {
        let end = min(buffer.count, start + Int(kickDecay * 5 * sampleRate))
        guard start < end else { return }
        let sweepFactor = Float(exp(-1 / Double(kickSweep * sampleRate)))
        let decayFactor = Float(exp(-1 / Double(kickDecay * sampleRate)))
        var excess = kickPitch.start - kickPitch.end
        var amplitude = velocity
        var oscillator = Wavetable.Oscillator(table: Wavetable.sineBuffer)
        for n in start..<end {
            buffer[n] += oscillator.next((kickPitch.end + excess) / sampleRate) * amplitude
            excess *= sweepFactor
            amplitude *= decayFactor
        }
    }

    private func snare(into buffer: UnsafeMutableBufferPointer<Float>, start: Int, velocity: Float,
                       sampleRate: Float, noise: inout NoiseSource) {
        let decay = brushed ? snareDecay * 1.6 : snareDecay
        let end = min(buffer.count, start + Int(decay * 5 * sampleRate))
        guard start < end else { return }
        let decayFactor = Float(exp(-1 / Double(decay * sampleRate)))
        let attack = brushed ? Int(0.015 * sampleRate) : 1
        let tone = brushed ? 0 : snareTone
        var amplitude = velocity * (brushed ? 0.35 : 0.8)
        var oscillator = Wavetable.Oscillator(table: Wavetable.sineBuffer)
        var previous: Float = 0
        for n in start..<end {
            let k = n - start
            let white = noise.next()
            let bright = white - previous * 0.6
            previous = white
            let ramp = k < attack ? Float(k) / Float(attack) : 1
            let body = oscillator.next(snarePitch / sampleRate) * tone
            buffer[n] += (bright * (1 - tone) + body) * amplitude * ramp
            amplitude *= decayFactor
        }
    }

    private func metal(into buffer: UnsafeMutableBufferPointer<Float>, start: Int, velocity: Float,
                       decay: Float, sampleRate: Float, noise: inout NoiseSource, bell: Bool = false) {
        let end = min(buffer.count, start + Int(decay * 5 * sampleRate))
        guard start < end else { return }
        let decayFactor = Float(exp(-1 / Double(decay * sampleRate)))
        var amplitude = velocity
        var previous: Float = 0
        var partials = (Wavetable.Oscillator(table: Wavetable.sineBuffer),
                        Wavetable.Oscillator(table: Wavetable.sineBuffer))
        let highPass = 0.5 + 0.5 * hatBrightness
        for n in start..<end {
            let white = noise.next()
            var sample = white - previous * highPass
            previous = white
            if bell {
                sample = sample * 0.6 + 0.25 * (partials.0.next(3_120 / sampleRate)
                                               + partials.1.next(4_815 / sampleRate))
            }
            buffer[n] += sample * amplitude
            amplitude *= decayFactor
        }
    }
}

/// A fast deterministic white-noise source (xorshift32) in [−1, 1).
struct NoiseSource {
    private var state: UInt32

    init(seed: UInt64) {
        state = UInt32(truncatingIfNeeded: seed ^ (seed >> 32)) | 1
    }

    @inline(__always)
    mutating func next() -> Float {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return Float(Int32(bitPattern: state)) * (1 / 2_147_483_648)
    }
}
