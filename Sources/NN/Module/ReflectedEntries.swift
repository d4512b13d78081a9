/// The modules, parameters and buffers a module holds in stored properties, found by `Mirror`, named after the
/// properties (see `Module`, "Registration").
///
/// A property holding an object, an optional one, or an array of them is an entry (`name`, `name.0`, `name.1`, …);
/// a property wrapper's storage (`_name`, its `wrappedValue`) counts as the property `name`, and the storage prefix of a `lazy var` are dropped. The
/// `Module` base class's own properties are not looked at. Each object is listed once, under its first property.
struct ReflectedEntries: Sendable {
    var children: [(name: String, module: Module)] = []
    var parameters: [(name: String, parameter: Parameter)] = []
    var buffers: [(name: String, buffer: Buffer)] = []

    /// The entries of `module`'s stored properties, superclass properties first.
    init(reflecting module: Module) {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: module)
        while let current = mirror, current.subjectType != Module.self {
            mirrors.append(current)
            mirror = current.superclassMirror
        }
        var seen = Set<ObjectIdentifier>()
        for mirror in mirrors.reversed() {
            for case let (label?, value) in mirror.children {
                add(Self.unwrapped(value, label: label), named: Self.propertyName(label), seen: &seen)
            }
        }
    }

    /// The entries whose objects are not in `registered`.
    func excluding(_ registered: Set<ObjectIdentifier>) -> ReflectedEntries {
        guard !registered.isEmpty else { return self }
        var result = ReflectedEntries()
        result.children = children.filter { !registered.contains(ObjectIdentifier($0.module)) }
        result.parameters = parameters.filter { !registered.contains(ObjectIdentifier($0.parameter)) }
        result.buffers = buffers.filter { !registered.contains(ObjectIdentifier($0.buffer)) }
        return result
    }

    private init() {}

    private mutating func add(_ value: Any, named name: String, seen: inout Set<ObjectIdentifier>) {
        switch value {
        case let module as Module:
            if seen.insert(ObjectIdentifier(module)).inserted { children.append((name, module)) }
        case let parameter as Parameter:
            if seen.insert(ObjectIdentifier(parameter)).inserted { parameters.append((name, parameter)) }
        case let buffer as Buffer:
            if seen.insert(ObjectIdentifier(buffer)).inserted { buffers.append((name, buffer)) }
        case let modules as [Module]:
            for (index, module) in modules.enumerated() { add(module, named: "\(name).\(index)", seen: &seen) }
        case let parameters as [Parameter]:
            for (index, parameter) in parameters.enumerated() { add(parameter, named: "\(name).\(index)", seen: &seen) }
        case let buffers as [Buffer]:
            for (index, buffer) in buffers.enumerated() { add(buffer, named: "\(name).\(index)", seen: &seen) }
        default:
            break   // `nil` optionals and everything else: not an entry
        }
    }

    /// The `wrappedValue` of a property wrapper's storage (`_name`), else `value`.
    private static func unwrapped(_ value: Any, label: String) -> Any {
        guard label.hasPrefix("_") else { return value }
        return Mirror(reflecting: value).children.first { $0.label == "wrappedValue" }?.value ?? value
    }

    /// `label` without the storage prefixes of `lazy var`s and property wrappers.
    private static func propertyName(_ label: String) -> String {
        let lazyPrefix = "$__lazy_storage_$_"
        if label.hasPrefix(lazyPrefix) { return String(label.dropFirst(lazyPrefix.count)) }
        return label.hasPrefix("_") ? String(label.dropFirst()) : label
    }
}
