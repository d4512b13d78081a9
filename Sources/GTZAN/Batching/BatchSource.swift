import ConcurrencySupport
import Foundation
import Tensor

/// A source of mini-batches over indexed items (segments, tracks), iterated epoch by epoch.
public protocol BatchSource: AnyObject, Sendable {
    var batchSize: Int { get }
    /// Batches computed ahead of the consumer.
    var prefetch: Int { get }
    /// Item indices in the order epoch `epoch` visits them.
    func order(epoch: Int) -> [Int]
    /// The batch of `items` as seen in `epoch`.
    func batch(_ items: [Int], epoch: Int) throws -> Batch
}

extension BatchSource {
    /// The batches of epoch `epoch`, computed ahead on a background thread.
    public func epoch(_ epoch: Int) -> BatchIterator {
        BatchIterator(source: self, epoch: epoch)
    }

    /// `0..<count`, shuffled by `RandomGenerator(seed: seed, stream: epoch)` when `shuffle` is set.
    public func shuffledOrder(count: Int, shuffle: Bool, seed: UInt64, epoch: Int) -> [Int] {
        var order = Array(0..<count)
        if shuffle {
            var rng = RandomGenerator(seed: seed, stream: UInt64(epoch))
            rng.shuffle(&order)
        }
        return order
    }

    /// A `[items.count] + shape` tensor whose i-th slice is `values(items[i])`, filled by `workers` threads.
    /// - Throws: the first error of `values`, or `GTZANError.invalidParameter` for a slice of the wrong size.
    func fillTensor(items: [Int], shape: [Int], workers: Int,
                    values: @escaping @Sendable (Int) throws -> [Float]) throws -> Tensor {
        let size = shape.reduce(1, *)
        var failures = [Error?](repeating: nil, count: items.count)
        let tensor = failures.withUnsafeMutableBufferPointer { failures in
            Tensor(shape: [items.count] + shape) { buffer in
                let (base, errors) = (SharedPointer(buffer), SharedPointer(failures))
                let fill = { @Sendable (position: Int) in
                    let slot = base.pointer + position * size
                    do {
                        let slice = try values(items[position])
                        guard slice.count == size else {
                            throw GTZANError.invalidParameter("item \(items[position])", reason: "\(slice.count) values, expected \(shape)")
                        }
                        slice.withUnsafeBufferPointer { slot.update(from: $0.baseAddress!, count: size) }
                    } catch {
                        slot.update(repeating: 0, count: size)
                        errors[position] = error
                    }
                }
                if workers > 1 {
                    DispatchQueue.concurrentPerform(iterations: items.count, execute: fill)
                } else {
                    items.indices.forEach(fill)
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return tensor
    }
}
