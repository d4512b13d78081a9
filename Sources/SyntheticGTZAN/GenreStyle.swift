import GTZAN
import Tensor

/// The recipe of one synthetic genre: the ranges every track of that genre draws its parameters from.
///
/// Genres differ the way real ones do (tempo, drum pattern, swing, instruments, harmony, distortion,
/// brightness, dynamics) and overlap where real ones overlap (rock/metal distortion, blues/jazz swing,
/// disco/pop tempo), so a classifier has to combine cues.
struct GenreStyle: Sendable {
    var tempo: ClosedRange<Float>
    /// Delay of the off-beat note of each swung pair, as a fraction of the pair (0 straight, 1/3 triplet).
    var swing: ClosedRange<Float> = 0...0
    /// Swung unit in 16th steps: 2 for eighth-note swing, 1 for sixteenth-note swing.
    var swingUnit = 2
    /// Drum bars to choose from; empty for no drums.
    var patterns: [DrumPattern] = []
    var makeKit: @Sendable (inout RandomGenerator) -> DrumKit = { _ in DrumKit() }
    /// Chord progressions (one chord per `beatsPerChord` beats).
    var progressions: [[Chord]]
    var beatsPerChord: [Int] = [4]
    /// Scale degrees (semitones) for bass walks and melodies.
    var scales: [[Int]]
    var chordRhythms: [ChordRhythm]
    var chordInstruments: [Instrument]
    var bassRhythms: [BassRhythm]
    var bassInstruments: [Instrument] = [Palette.bass]
    var leadInstruments: [Instrument] = []
    var leadProbability: Float = 0
    /// Melody notes per eighth-note step.
    var leadDensity: ClosedRange<Float> = 0.3...0.6
    /// Drive of the waveshaper on chords and lead (0 clean).
    var distortion: ClosedRange<Float> = 0...0
    /// Cut-off (Hz) of the master low-pass.
    var brightness: ClosedRange<Float>
    /// Master compression amount (0 none … 1 heavy).
    var compression: ClosedRange<Float> = 0...0.3
    /// Depth of slow loudness swells (0 flat … 1 from silence to full).
    var dynamics: ClosedRange<Float> = 0...0.2
    /// Background noise level, dB relative to the music's RMS.
    var noise: ClosedRange<Float> = -60...(-45)
    /// Peak level of the written track.
    var peak: ClosedRange<Float> = 0.5...0.95
    /// Timing jitter, seconds.
    var humanize: Float = 0.005
}

/// The instruments the genre recipes share.
enum Palette {
    static let bass = Instrument(.additive([1, 0.5, 0.2, 0.1]), attack: 0.005, decay: 0.4, sustain: 0.5, release: 0.05)
    static let uprightBass = Instrument(.additive([1, 0.35, 0.15]), attack: 0.01, decay: 0.25, sustain: 0.2, release: 0.08)
    static let subBass = Instrument(.additive([1, 0.05]), attack: 0.003, decay: 0.8, sustain: 0.6, release: 0.1)
    static let synthBass = Instrument(.additive([1, 0.5, 0.33, 0.25, 0.2]), attack: 0.003, decay: 0.15, sustain: 0.4, release: 0.03)
    static let guitar = Instrument(.additive([1, 0.7, 0.5, 0.35, 0.3, 0.2, 0.15, 0.1, 0.08, 0.05]),
                                   attack: 0.003, decay: 0.35, sustain: 0.15, release: 0.05)
    static let brightGuitar = Instrument(.additive([0.8, 1, 0.7, 0.6, 0.5, 0.45, 0.3, 0.25, 0.2, 0.15, 0.1]),
                                         attack: 0.002, decay: 0.25, sustain: 0.05, release: 0.05)
    static let powerGuitar = Instrument(.additive((1...14).map { 1 / Float($0) }), attack: 0.003, decay: 0.6,
                                        sustain: 0.6, release: 0.03)
    static let organ = Instrument(.additive([1, 0.6, 0, 0.4, 0, 0.25, 0, 0.15]), attack: 0.01, decay: 1, sustain: 0.9, release: 0.05)
    static let strings = Instrument(.additive((1...12).map { 1 / Float($0) }), attack: 0.25, decay: 1.5, sustain: 0.85, release: 0.3)
    static let softPad = Instrument(.additive([1, 0.3, 0.15, 0.05]), attack: 0.3, decay: 2, sustain: 0.8, release: 0.4)
    static let piano = Instrument(.additive([1, 0.5, 0.3, 0.2, 0.12, 0.08, 0.05]), attack: 0.003, decay: 0.6, sustain: 0, release: 0.2)
    static let electricPiano = Instrument(.fm(ratio: 1, index: 1.2, indexDecay: 0.3), attack: 0.003, decay: 0.8, sustain: 0.1, release: 0.15)
    static let bell = Instrument(.fm(ratio: 3.5, index: 2, indexDecay: 0.2), attack: 0.002, decay: 0.5, sustain: 0, release: 0.2)
    static let flute = Instrument(.additive([1, 0.15, 0.05]), attack: 0.06, decay: 1, sustain: 0.8, release: 0.08)
    static let reed = Instrument(.additive([1, 0.05, 0.4, 0.05, 0.25, 0.03, 0.15, 0.02, 0.1]), attack: 0.03, decay: 0.8,
                                 sustain: 0.7, release: 0.06)
    static let fiddle = Instrument(.additive((1...10).map { 1 / Float($0) }), attack: 0.05, decay: 0.8, sustain: 0.7, release: 0.08)
    static let synthLead = Instrument(.additive([1, 0, 0.33, 0, 0.2, 0, 0.14, 0, 0.11]), attack: 0.01, decay: 0.5, sustain: 0.6, release: 0.05)

    static let major = [0, 2, 4, 5, 7, 9, 11]
    static let minor = [0, 2, 3, 5, 7, 8, 10]
    static let dorian = [0, 2, 3, 5, 7, 9, 10]
    static let blues = [0, 3, 5, 6, 7, 10]
    static let mixolydian = [0, 2, 4, 5, 7, 9, 10]
}

extension GenreStyle {
    /// The recipe of `genre`, one of GTZAN's ten (`SyntheticGTZAN.write` checks its genres first).
    static func recipe(for genre: Genre) -> GenreStyle {
        switch genre {
        case .blues: return blues
        case .classical: return classical
        case .country: return country
        case .disco: return disco
        case .hiphop: return hiphop
        case .jazz: return jazz
        case .metal: return metal
        case .pop: return pop
        case .reggae: return reggae
        case .rock: return rock
        default: preconditionFailure("the synthetic generator has recipes for GTZAN's ten genres only, not '\(genre)'")
        }
    }

    static let backbeat = "....x.......x..."
    static let eighths = "x.x.x.x.x.x.x.x."
    static let sixteenths = "xoxoxoxoxoxoxoxo"

    static let blues = GenreStyle(
        tempo: 65...112, swing: 0.2...0.33, swingUnit: 2,
        patterns: [DrumPattern([.kick: "x.......x.....g.", .snare: backbeat, .closedHat: eighths]),
                   DrumPattern([.kick: "x...x...x...x...", .snare: "....x..g....x...", .ride: eighths])],
        makeKit: { rng in var kit = DrumKit(); kit.brushed = rng.chance(0.3); kit.hatBrightness = rng.float(in: 0.4...0.8); return kit },
        progressions: [[0, 0, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7].map(Chord.dominant7),
                       [0, 5, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7].map(Chord.dominant7)],
        scales: [Palette.blues, Palette.mixolydian],
        chordRhythms: [.strum(steps: [0, 2, 4, 6, 8, 10, 12, 14], gap: 0.7), .sustained, .strum(steps: [0, 6, 8, 14], gap: 0.9)],
        chordInstruments: [Palette.guitar, Palette.organ, Palette.piano],
        bassRhythms: [.walking, .roots(steps: [0, 4, 8, 12])],
        bassInstruments: [Palette.bass, Palette.uprightBass],
        leadInstruments: [Palette.guitar, Palette.reed], leadProbability: 0.6, leadDensity: 0.25...0.5,
        distortion: 0...2.5, brightness: 2_200...5_500, compression: 0...0.4, noise: -50...(-32), peak: 0.4...0.9,
        humanize: 0.012)

    static let classical = GenreStyle(
        tempo: 50...110,
        progressions: [[.major(0), .major(5), .dominant7(7), .major(0)], [.major(0), .minor(9), .minor(2), .dominant7(7)],
                       [.minor(0), .minor(5), .dominant7(7), .minor(0)], [.major(0), .major(7), .minor(9), .major(4)]],
        beatsPerChord: [4, 8, 2],
        scales: [Palette.major, Palette.minor],
        chordRhythms: [.sustained, .arpeggio(every: 2), .arpeggio(every: 1)],
        chordInstruments: [Palette.strings, Palette.piano, Palette.softPad],
        bassRhythms: [.roots(steps: [0]), .roots(steps: [0, 8])],
        bassInstruments: [Palette.strings, Palette.uprightBass],
        leadInstruments: [Palette.flute, Palette.fiddle, Palette.piano], leadProbability: 0.75, leadDensity: 0.2...0.6,
        brightness: 1_500...4_500, compression: 0...0.05, dynamics: 0.4...0.9, noise: -70...(-45), peak: 0.2...0.8,
        humanize: 0.02)

    static let country = GenreStyle(
        tempo: 88...150, swing: 0...0.06,
        patterns: [DrumPattern([.kick: "x.......x.......", .snare: backbeat, .closedHat: eighths]),
                   DrumPattern([.kick: "x.......x.......", .snare: "g.g.x.g.g.g.x.g.", .closedHat: "x...x...x...x..."])],
        makeKit: { rng in var kit = DrumKit(); kit.brushed = rng.chance(0.5); kit.snarePitch = rng.float(in: 180...240); return kit },
        progressions: [[.major(0), .major(5), .major(0), .major(7)], [.major(0), .major(7), .major(5), .major(0)],
                       [.major(0), .major(0), .major(5), .dominant7(7)]],
        beatsPerChord: [4, 8],
        scales: [Palette.major, Palette.mixolydian],
        chordRhythms: [.strum(steps: [4, 12], gap: 0.5), .strum(steps: [0, 4, 6, 8, 12, 14], gap: 0.8), .arpeggio(every: 2)],
        chordInstruments: [Palette.brightGuitar, Palette.guitar, Palette.piano],
        bassRhythms: [.rootFifth],
        leadInstruments: [Palette.fiddle, Palette.brightGuitar], leadProbability: 0.6, leadDensity: 0.35...0.7,
        distortion: 0...0.6, brightness: 4_000...8_500, compression: 0.1...0.5, noise: -60...(-40), humanize: 0.008)

    static let disco = GenreStyle(
        tempo: 108...132,
        patterns: [DrumPattern([.kick: "x...x...x...x...", .snare: backbeat, .closedHat: "g.g.g.g.g.g.g.g.", .openHat: "..x...x...x...x."]),
                   DrumPattern([.kick: "x...x...x...x...", .snare: backbeat, .closedHat: sixteenths])],
        makeKit: { rng in var kit = DrumKit(); kit.openHatDecay = rng.float(in: 0.15...0.35); kit.hatBrightness = rng.float(in: 0.7...1); return kit },
        progressions: [[.minor7(0), .minor7(5)], [.minor7(0), .dominant7(10)], [.minor9(0), .minor7(5), .major7(3), .dominant7(10)]],
        beatsPerChord: [4, 8],
        scales: [Palette.dorian, Palette.minor],
        chordRhythms: [.strum(steps: [2, 6, 7, 10, 14, 15], gap: 0.4), .sustained, .strum(steps: [4, 12], gap: 0.3)],
        chordInstruments: [Palette.brightGuitar, Palette.strings, Palette.electricPiano],
        bassRhythms: [.octaves],
        bassInstruments: [Palette.synthBass, Palette.bass],
        leadInstruments: [Palette.strings, Palette.synthLead], leadProbability: 0.5,
        brightness: 5_000...9_500, compression: 0.4...0.9, noise: -60...(-45), peak: 0.6...0.95, humanize: 0.003)

    static let hiphop = GenreStyle(
        tempo: 75...100, swing: 0.05...0.2, swingUnit: 1,
        patterns: [DrumPattern([.kick: "x......x..x.....", .snare: backbeat, .closedHat: sixteenths]),
                   DrumPattern([.kick: "x.x.......x..x..", .snare: "....x..g....x...", .closedHat: eighths])],
        makeKit: { rng in
            var kit = DrumKit()
            kit.kickDecay = rng.float(in: 0.35...0.9)
            kit.kickPitch = (rng.float(in: 90...140), rng.float(in: 38...55))
            kit.snareTone = rng.float(in: 0.1...0.3)
            return kit
        },
        progressions: [[.minor(0), .major7(8)], [.minor7(0), .minor7(5)], [.minor(0), .minor(0), .major(8), .major(7)]],
        beatsPerChord: [8, 4],
        scales: [Palette.minor, Palette.dorian],
        chordRhythms: [.sustained, .stabs(density: 0.12), .strum(steps: [0, 10], gap: 0.6)],
        chordInstruments: [Palette.softPad, Palette.electricPiano, Palette.piano],
        bassRhythms: [.followKick],
        bassInstruments: [Palette.subBass],
        leadInstruments: [Palette.bell, Palette.flute], leadProbability: 0.3, leadDensity: 0.15...0.35,
        distortion: 0...0.8, brightness: 2_500...6_500, compression: 0.5...1, noise: -55...(-35), peak: 0.7...0.98,
        humanize: 0.006)

    static let jazz = GenreStyle(
        tempo: 100...200, swing: 0.25...0.33, swingUnit: 2,
        patterns: [DrumPattern([.ride: "x...x.x.x...x.x.", .closedHat: "....x.......x...", .kick: "g.......g.....g.", .snare: "......g.....g..g"]),
                   DrumPattern([.ride: "x...x.o.x...x.o.", .closedHat: "....x.......x...", .snare: "..g.....g.g....."])],
        makeKit: { rng in var kit = DrumKit(); kit.brushed = rng.chance(0.6); kit.kickDecay = 0.15; return kit },
        progressions: [[.minor7(2), .dominant7(7), .major7(0), .dominant7(9)], [.minor7(2), .dominant7(7), .major7(0), .major7(0)],
                       [.minor9(0), .minor9(5), .minor7(2), .dominant7(7)]],
        beatsPerChord: [4, 2],
        scales: [Palette.dorian, Palette.major, Palette.mixolydian],
        chordRhythms: [.stabs(density: 0.18), .stabs(density: 0.1), .sustained],
        chordInstruments: [Palette.piano, Palette.electricPiano, Palette.organ],
        bassRhythms: [.walking],
        bassInstruments: [Palette.uprightBass],
        leadInstruments: [Palette.reed, Palette.synthLead, Palette.flute], leadProbability: 0.8, leadDensity: 0.4...0.8,
        brightness: 2_500...6_500, compression: 0...0.3, dynamics: 0.1...0.4, noise: -55...(-35), peak: 0.35...0.85,
        humanize: 0.015)

    static let metal = GenreStyle(
        tempo: 130...200,
        patterns: [DrumPattern([.kick: "xxxxxxxxxxxxxxxx", .snare: backbeat, .openHat: "x...x...x...x..."]),
                   DrumPattern([.kick: "x.x.x.x.x.x.x.x.", .snare: backbeat, .ride: eighths]),
                   DrumPattern([.kick: "xx..xx..xx..xx..", .snare: "........x.......", .openHat: "x...x...x...x..."])],
        makeKit: { rng in var kit = DrumKit(); kit.kickDecay = rng.float(in: 0.08...0.15); kit.kickSweep = 0.015; return kit },
        progressions: [[.power(0), .power(8), .power(10), .power(0)], [.power(0), .power(1), .power(0), .power(10)],
                       [.power(0), .power(0), .power(3), .power(5)]],
        beatsPerChord: [4, 2],
        scales: [Palette.minor, [0, 1, 3, 5, 7, 8, 10]],
        chordRhythms: [.strum(steps: Array(0..<16), gap: 0.6), .strum(steps: [0, 2, 4, 6, 8, 10, 12, 14], gap: 0.7),
                       .sustained],
        chordInstruments: [Palette.powerGuitar],
        bassRhythms: [.roots(steps: [0, 2, 4, 6, 8, 10, 12, 14])],
        leadInstruments: [Palette.powerGuitar], leadProbability: 0.3, leadDensity: 0.5...0.9,
        distortion: 5...14, brightness: 5_000...10_000, compression: 0.7...1, noise: -60...(-45), peak: 0.8...0.99,
        humanize: 0.002)

    static let pop = GenreStyle(
        tempo: 95...130, swing: 0...0.05,
        patterns: [DrumPattern([.kick: "x.....x.x.......", .snare: backbeat, .closedHat: eighths]),
                   DrumPattern([.kick: "x...x...x...x...", .snare: backbeat, .closedHat: "..x...x...x...x."])],
        makeKit: { rng in var kit = DrumKit(); kit.snareTone = rng.float(in: 0.2...0.5); kit.hatBrightness = rng.float(in: 0.6...1); return kit },
        progressions: [[.major(0), .major(7), .minor(9), .major(5)], [.minor(9), .major(5), .major(0), .major(7)],
                       [.major(0), .minor(9), .major(5), .major(7)]],
        beatsPerChord: [4, 8],
        scales: [Palette.major],
        chordRhythms: [.sustained, .arpeggio(every: 2), .strum(steps: [0, 4, 8, 12], gap: 0.8)],
        chordInstruments: [Palette.softPad, Palette.bell, Palette.piano, Palette.electricPiano],
        bassRhythms: [.roots(steps: [0, 2, 4, 6, 8, 10, 12, 14]), .roots(steps: [0, 6, 8])],
        bassInstruments: [Palette.synthBass, Palette.bass],
        leadInstruments: [Palette.synthLead, Palette.flute, Palette.bell], leadProbability: 0.8,
        distortion: 0...1, brightness: 4_000...9_000, compression: 0.5...1, noise: -65...(-50), peak: 0.7...0.98,
        humanize: 0.003)

    static let reggae = GenreStyle(
        tempo: 65...95, swing: 0...0.12, swingUnit: 1,
        patterns: [DrumPattern([.kick: "........x.......", .snare: "........x.......", .closedHat: eighths]),
                   DrumPattern([.kick: "x...x...x...x...", .snare: "........x.......", .closedHat: "..x...x...x...x."])],
        makeKit: { rng in var kit = DrumKit(); kit.snarePitch = rng.float(in: 300...450); kit.snareDecay = 0.06; kit.snareTone = 0.6; return kit },
        progressions: [[.minor(0), .minor(5)], [.major(0), .major(5), .major(7), .major(5)], [.major(0), .major(10)]],
        beatsPerChord: [4, 8],
        scales: [Palette.minor, Palette.major],
        chordRhythms: [.strum(steps: [4, 12], gap: 0.3), .strum(steps: [2, 6, 10, 14], gap: 0.3)],
        chordInstruments: [Palette.brightGuitar, Palette.organ, Palette.piano],
        bassRhythms: [.roots(steps: [0, 3, 6, 10]), .roots(steps: [0, 6, 8, 11])],
        bassInstruments: [Palette.bass, Palette.subBass],
        leadInstruments: [Palette.reed, Palette.organ], leadProbability: 0.3, leadDensity: 0.2...0.4,
        distortion: 0...0.5, brightness: 2_500...6_000, compression: 0.2...0.6, noise: -55...(-38), humanize: 0.008)

    static let rock = GenreStyle(
        tempo: 100...160, swing: 0...0.05,
        patterns: [DrumPattern([.kick: "x.......x.x.....", .snare: backbeat, .closedHat: eighths]),
                   DrumPattern([.kick: "x...x.....x.x...", .snare: backbeat, .ride: eighths, .openHat: "x..............."])],
        makeKit: { rng in var kit = DrumKit(); kit.kickDecay = rng.float(in: 0.12...0.25); kit.openHatDecay = 0.4; return kit },
        progressions: [[.power(0), .power(10), .power(5), .power(0)], [.major(0), .major(5), .major(7), .major(5)],
                       [.power(0), .power(3), .power(5), .power(5)]],
        beatsPerChord: [4, 8],
        scales: [Palette.minor, Palette.mixolydian, Palette.blues],
        chordRhythms: [.strum(steps: [0, 2, 4, 6, 8, 10, 12, 14], gap: 0.85), .strum(steps: [0, 3, 6, 8, 10, 14], gap: 0.9),
                       .sustained],
        chordInstruments: [Palette.powerGuitar, Palette.guitar],
        bassRhythms: [.roots(steps: [0, 2, 4, 6, 8, 10, 12, 14])],
        leadInstruments: [Palette.powerGuitar, Palette.guitar], leadProbability: 0.5, leadDensity: 0.4...0.8,
        distortion: 2...7, brightness: 3_500...8_000, compression: 0.4...0.9, noise: -60...(-45), peak: 0.7...0.98,
        humanize: 0.006)
}
