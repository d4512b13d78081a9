import GTZAN
import Tensor
import Foundation

/// Renders one synthetic track of a genre: draws the track's parameters from the genre's recipe,
/// arranges drums, bass, chords and melody on a swung 16th-note grid in 4-bar sections, then mixes
/// with distortion, a low-pass (brightness), slow swells (dynamics), compression, noise and a peak level.
struct TrackRenderer {
    let genre: Genre
    let sampleRate: Float

    /// Samples of one track, `seconds` long, all randomness drawn from `rng`.
    func render(seconds: Double, rng: inout RandomGenerator) -> [Float] {
        let count = Int(seconds * Double(sampleRate))
        let plan = TrackPlan(style: GenreStyle.recipe(for: genre), rng: &rng)
        var noise = NoiseSource(seed: rng.next())
        var layers = [[Float]](repeating: [Float](repeating: 0, count: count), count: 4)
        layers[0].withUnsafeMutableBufferPointer { plan.renderDrums(into: $0, sampleRate: sampleRate, noise: &noise, rng: &rng) }
        layers[1].withUnsafeMutableBufferPointer { plan.renderBass(into: $0, sampleRate: sampleRate) }
        layers[2].withUnsafeMutableBufferPointer { plan.renderChords(into: $0, sampleRate: sampleRate, rng: &rng) }
        layers[3].withUnsafeMutableBufferPointer { plan.renderLead(into: $0, sampleRate: sampleRate, rng: &rng) }
        var mix = [Float](repeating: 0, count: count)
        for (index, var layer) in layers.enumerated() {
            if index >= 2 { Mixing.distort(&layer, drive: plan.distortion) }
            Mixing.add(layer, to: &mix, rmsGain: plan.layerGains[index])
        }
        Mixing.lowPass(&mix, cutoff: plan.brightness, sampleRate: sampleRate)
        Mixing.lowShelf(&mix, decibels: plan.bassDecibels, sampleRate: sampleRate)
        Mixing.swell(&mix, depth: plan.dynamics, period: plan.swellPeriod, phase: plan.swellPhase, sampleRate: sampleRate)
        Mixing.compress(&mix, amount: plan.compression)
        Mixing.addNoise(&mix, decibels: plan.noiseDecibels, noise: &noise)
        Mixing.scale(&mix, toPeak: plan.peak)
        return mix
    }
}

/// The parameters drawn for one track and the arrangement rendered from them.
struct TrackPlan {
    var style: GenreStyle
    var tempo: Float
    var swing: Float
    var key: Int
    var scale: [Int]
    var chords: [Chord]
    var beatsPerChord: Int
    var chordRhythm: ChordRhythm
    var chordInstrument: Instrument
    var bassRhythm: BassRhythm
    var bassInstrument: Instrument
    var leadInstrument: Instrument?
    var leadDensity: Float
    var pattern: DrumPattern?
    var kit: DrumKit
    var distortion: Float
    var brightness: Float
    var compression: Float
    var dynamics: Float
    var swellPeriod: Float
    var swellPhase: Float
    var noiseDecibels: Float
    /// Recording colour shared by all genres: low-shelf gain in dB.
    var bassDecibels: Float
    var peak: Float
    /// Relative RMS of drums, bass, chords and lead.
    var layerGains: [Float]
    /// Per 4-bar section: which of drums, bass, chords, lead play.
    var sections: [[Bool]] = []

    init(style: GenreStyle, rng: inout RandomGenerator) {
        self.style = style
        tempo = rng.float(in: style.tempo)
        swing = rng.float(in: style.swing)
        key = rng.uniform(below: 12)
        scale = rng.pick(style.scales)
        chords = rng.pick(style.progressions)
        beatsPerChord = rng.pick(style.beatsPerChord)
        chordRhythm = rng.pick(style.chordRhythms)
        // Now and then a track borrows its chord instrument from another genre, as real bands do.
        let lender = rng.chance(0.12) ? GenreStyle.recipe(for: rng.pick(Genre.gtzan)) : style
        chordInstrument = rng.pick(lender.chordInstruments)
        bassRhythm = rng.pick(style.bassRhythms)
        bassInstrument = rng.pick(style.bassInstruments)
        leadInstrument = !style.leadInstruments.isEmpty && rng.chance(style.leadProbability)
            ? rng.pick(style.leadInstruments) : nil
        leadDensity = rng.float(in: style.leadDensity)
        pattern = style.patterns.isEmpty ? nil : rng.pick(style.patterns)
        kit = style.makeKit(&rng)
        distortion = rng.float(in: style.distortion)
        // Recording conditions vary independently of the genre: they move the global statistics
        // (centroid, MFCC means, noise floor, level) without touching rhythm or timbre patterns.
        brightness = min(10_500, rng.float(in: style.brightness) * Float(pow(2, Double(rng.float(in: -1...0.7)))))
        compression = rng.float(in: style.compression)
        dynamics = rng.float(in: style.dynamics)
        swellPeriod = rng.float(in: 6...20)
        swellPhase = rng.float(in: 0...(2 * .pi))
        noiseDecibels = rng.float(in: style.noise) + rng.float(in: -8...12)
        bassDecibels = rng.float(in: -9...9)
        peak = rng.float(in: 0.25...1) * rng.float(in: style.peak)
        layerGains = [1.0, 0.8, 0.7, 0.6].map { $0 * rng.float(in: 0.55...1.45) }
        sections = (0..<64).map { index in
            [pattern != nil && (index > 0 || rng.chance(0.7)) && rng.chance(0.9),
             rng.chance(0.93),
             rng.chance(0.92),
             leadInstrument != nil && rng.chance(0.75)]
        }
    }

    var stepSeconds: Float { 60 / tempo / 4 }

    /// Start time in seconds of global 16th step `step`, with swing applied.
    func time(ofStep step: Int) -> Float {
        let unit = style.swingUnit
        let inPair = step % (2 * unit)
        let offset: Float = inPair == unit ? swing * Float(2 * unit) * stepSeconds : 0
        return Float(step) * stepSeconds + offset
    }

    func bars(for samples: Int, sampleRate: Float) -> Int {
        Int((Float(samples) / sampleRate / (16 * stepSeconds)).rounded(.up))
    }

    func isPlaying(_ layer: Int, bar: Int) -> Bool { sections[(bar / 4) % sections.count][layer] }

    /// The chord sounding at global 16th step `step`.
    func chord(atStep step: Int) -> Chord {
        chords[(step / (4 * beatsPerChord)) % chords.count]
    }

    static func frequency(midi: Int) -> Float { 440 * Float(pow(2, Double(midi - 69) / 12)) }

    func renderDrums(into buffer: UnsafeMutableBufferPointer<Float>, sampleRate: Float,
                     noise: inout NoiseSource, rng: inout RandomGenerator) {
        guard let pattern else { return }
        for bar in 0..<bars(for: buffer.count, sampleRate: sampleRate) where isPlaying(0, bar: bar) {
            for (voice, velocities) in pattern.steps.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                for (step, velocity) in velocities.enumerated() {
                    // Ghost notes come and go; accents vary a little.
                    let played = velocity == 0 ? (rng.chance(0.02) ? Float(0.2) : 0) : velocity * rng.float(in: 0.8...1)
                    guard played > 0 else { continue }
                    let seconds = time(ofStep: bar * 16 + step) + style.humanize * rng.nextNormal()
                    kit.play(voice, into: buffer, start: max(0, Int(seconds * sampleRate)), velocity: played,
                             sampleRate: sampleRate, noise: &noise)
                }
            }
        }
    }

    func renderBass(into buffer: UnsafeMutableBufferPointer<Float>, sampleRate: Float) {
        let base = 28 + key
        let kicks = pattern?.steps[.kick] ?? [1] + [Float](repeating: 0, count: 15)
        for bar in 0..<bars(for: buffer.count, sampleRate: sampleRate) where isPlaying(1, bar: bar) {
            var notes: [(step: Int, midi: Int)] = []
            for beat in 0..<4 {
                let step = bar * 16 + beat * 4
                let root = base + chord(atStep: step).root % 12
                switch bassRhythm {
                case let .roots(steps):
                    notes += steps.filter { $0 / 4 == beat }.map { (bar * 16 + $0, root) }
                case .rootFifth:
                    if beat == 0 || beat == 2 { notes.append((step, beat == 0 ? root : root + 7)) }
                case .octaves:
                    notes += [(step, root), (step + 2, root + 12)]
                case .walking:
                    let next = base + chord(atStep: step + 4).root % 12
                    let isLastBeatOfChord = (step / 4 + 1) % beatsPerChord == 0
                    let degree = scale[(beat * 2) % scale.count]
                    notes.append((step, isLastBeatOfChord && beat > 0 ? next - 1 : (beat == 0 ? root : root + degree)))
                case .followKick:
                    notes += (beat * 4..<beat * 4 + 4).filter { kicks[$0] > 0 }.map { (bar * 16 + $0, root) }
                }
            }
            for (index, note) in notes.enumerated() {
                let end = index + 1 < notes.count ? notes[index + 1].step : bar * 16 + 16
                play(bassInstrument, midi: note.midi, from: note.step, to: end, gate: 0.9, gain: 1,
                     into: buffer, sampleRate: sampleRate)
            }
        }
    }

    func renderChords(into buffer: UnsafeMutableBufferPointer<Float>, sampleRate: Float, rng: inout RandomGenerator) {
        let chordSteps = 4 * beatsPerChord
        for bar in 0..<bars(for: buffer.count, sampleRate: sampleRate) where isPlaying(2, bar: bar) {
            for step in bar * 16..<bar * 16 + 16 {
                let chord = chord(atStep: step)
                let voicing = chord.intervals.map { note -> Int in
                    let midi = 52 + (key + chord.root) % 12 + note
                    return midi > 79 ? midi - 12 : midi
                }
                let gain = 1 / Float(voicing.count).squareRoot()
                switch chordRhythm {
                case .sustained:
                    guard step % chordSteps == 0 else { continue }
                    for midi in voicing {
                        play(chordInstrument, midi: midi, from: step, to: step + chordSteps, gate: 1, gain: gain,
                             into: buffer, sampleRate: sampleRate)
                    }
                case let .strum(steps, gap):
                    let inBar = step % 16
                    guard let position = steps.firstIndex(of: inBar) else { continue }
                    let next = position + 1 < steps.count ? steps[position + 1] : 16 + steps[0]
                    for (index, midi) in voicing.enumerated() {
                        play(chordInstrument, midi: midi, from: step, to: step + next - inBar, gate: gap, gain: gain,
                             delay: Float(index) * 0.008, into: buffer, sampleRate: sampleRate)
                    }
                case let .arpeggio(every):
                    guard step % every == 0 else { continue }
                    let ladder = voicing + voicing.map { $0 + 12 }
                    let midi = ladder[(step / every) % ladder.count]
                    play(chordInstrument, midi: midi, from: step, to: step + every, gate: 1.5, gain: 0.8,
                         into: buffer, sampleRate: sampleRate)
                case let .stabs(density):
                    guard rng.chance(density) else { continue }
                    for midi in voicing {
                        play(chordInstrument, midi: midi, from: step, to: step + 1 + rng.uniform(below: 3), gate: 0.9,
                             gain: gain, into: buffer, sampleRate: sampleRate)
                    }
                }
            }
        }
    }

    func renderLead(into buffer: UnsafeMutableBufferPointer<Float>, sampleRate: Float, rng: inout RandomGenerator) {
        guard let leadInstrument else { return }
        var degree = rng.uniform(below: scale.count)
        var step = 0
        let totalSteps = bars(for: buffer.count, sampleRate: sampleRate) * 16
        while step < totalSteps {
            let length = 2 * (1 + rng.uniform(below: 3))
            if isPlaying(3, bar: step / 16), rng.chance(leadDensity) {
                degree = max(0, min(2 * scale.count - 1, degree + rng.uniform(below: 5) - 2))
                let midi = 64 + key % 7 + 12 * (degree / scale.count) + scale[degree % scale.count]
                play(leadInstrument, midi: midi, from: step, to: step + length, gate: 0.9, gain: 1,
                     into: buffer, sampleRate: sampleRate)
            }
            step += length
        }
    }

    /// Plays `instrument` from global step `from` for `gate` × the time to step `to`.
    private func play(_ instrument: Instrument, midi: Int, from: Int, to: Int, gate: Float, gain: Float,
                      delay: Float = 0, into buffer: UnsafeMutableBufferPointer<Float>, sampleRate: Float) {
        let start = time(ofStep: from) + delay
        let length = (time(ofStep: to) - time(ofStep: from)) * gate
        instrument.play(into: buffer, start: Int(start * sampleRate), length: max(1, Int(length * sampleRate)),
                        frequency: Self.frequency(midi: midi), gain: gain, sampleRate: sampleRate)
    }
}
