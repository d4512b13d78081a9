/// Building blocks of the synthetic arrangements: chords, drum patterns, and how chords and bass are played.

/// A chord as semitone offsets from the key's tonic (`root`) plus the intervals stacked on its root.
struct Chord: Sendable {
    var root: Int
    var intervals: [Int]

    static func major(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 4, 7]) }
    static func minor(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 3, 7]) }
    static func dominant7(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 4, 7, 10]) }
    static func major7(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 4, 7, 11]) }
    static func minor7(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 3, 7, 10]) }
    static func minor9(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 3, 7, 10, 14]) }
    static func power(_ root: Int) -> Chord { Chord(root: root, intervals: [0, 7, 12]) }
}

/// One bar of drums on a 16-step grid: a velocity per step for each voice.
struct DrumPattern: Sendable {
    var steps: [DrumKit.Voice: [Float]]

    /// Parses one string per voice: `x` full, `o` medium, `g` ghost, `.` rest (16 characters each).
    init(_ lanes: [DrumKit.Voice: String]) {
        steps = lanes.mapValues { lane in
            lane.map { symbol -> Float in
                switch symbol {
                case "x": return 1
                case "o": return 0.6
                case "g": return 0.25
                default: return 0
                }
            }
        }
    }
}

/// How a chord instrument plays each chord (positions are 16th-note steps within the bar).
enum ChordRhythm: Sendable {
    /// All chord tones held for the chord's duration.
    case sustained
    /// All chord tones struck at these steps, each held until the next strike; `gap` shortens notes
    /// to a fraction of that (staccato skanks, palm-muted chugs).
    case strum(steps: [Int], gap: Float)
    /// Chord tones one at a time, every `every` steps.
    case arpeggio(every: Int)
    /// Random sparse stabs (jazz comping), `density` strikes per step.
    case stabs(density: Float)
}

/// How the bass plays under each chord.
enum BassRhythm: Sendable {
    /// The chord root at these steps.
    case roots(steps: [Int])
    /// Root on the first beat, fifth on the third (country "boom-chick").
    case rootFifth
    /// Root and octave alternating on eighth notes (disco).
    case octaves
    /// Quarter notes walking through the scale towards the next root (jazz, blues).
    case walking
    /// Long sub-bass roots restruck with the kick drum (hip-hop 808).
    case followKick
}
