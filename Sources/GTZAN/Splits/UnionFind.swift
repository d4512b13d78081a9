/// Disjoint sets of keys (union by size, path halving): which keys were linked, directly or through others.
struct UnionFind<Key: Hashable> {
    private var parent: [Key: Key] = [:]
    private var size: [Key: Int] = [:]

    /// The representative of `key`'s set (`key` itself when never linked).
    mutating func find(_ key: Key) -> Key {
        var current = key
        while let next = parent[current], next != current {
            let grand = parent[next] ?? next
            parent[current] = grand
            current = grand
        }
        return current
    }

    /// Puts `a` and `b` into one set.
    mutating func union(_ a: Key, _ b: Key) {
        let (ra, rb) = (find(a), find(b))
        guard ra != rb else { return }
        let (small, large) = (size[ra] ?? 1) < (size[rb] ?? 1) ? (ra, rb) : (rb, ra)
        parent[small] = large
        size[large] = (size[large] ?? 1) + (size[small] ?? 1)
    }

    /// The sets of `keys` with more than one member among them.
    mutating func classes(of keys: some Sequence<Key>) -> [[Key]] {
        var byRoot: [Key: [Key]] = [:]
        for key in keys { byRoot[find(key), default: []].append(key) }
        return byRoot.values.filter { $0.count > 1 }
    }
}
