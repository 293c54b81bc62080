import Dispatch
import Foundation

/// Runs independent parts of a job on the processor's cores and collects their results in order.
enum Parallel {
    /// One part's result; each part writes only its own box, and `concurrentPerform` returns only
    /// when every part is done.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// The number of parts to split `count` items into: one per core, one for small jobs.
    static func parts(for count: Int, minimumPerPart: Int = 20_000) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerPart))
    }

    /// `body(part, range)` for `parts` consecutive ranges of `0..<count`.
    static func map<T>(count: Int, parts: Int, _ body: @Sendable (Int, Range<Int>) -> T) -> [T] {
        let boxes = (0..<parts).map { _ in Box<T>() }
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            boxes[i].value = body(i, (count * i / parts)..<(count * (i + 1) / parts))
        }
        return boxes.map { $0.value! }
    }
}
