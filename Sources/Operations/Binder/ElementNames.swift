import SQLText

/// The native parameter names an array marker expands to, chosen so that they never capture another
/// marker's parameter.
///
/// `:ids` with two elements becomes `:ids_0, :ids_1`. When the template also has a marker named
/// `ids_0` (or `IDS_1`: names are compared without case, as a server may), the separator grows until
/// no name collides: `:ids__0, :ids__1`. Every occurrence of `:ids` (one binding, so one element
/// count) expands to the same names, and the names one array takes are taken for the next.
struct ElementNames {
    /// Lower-cased names in use: every marker's, then every element name chosen.
    private var taken: Set<String>
    /// The prefix chosen for each array marker, e.g. `ids_`.
    private var prefixes: [String: String] = [:]

    init(markers: [Template.Marker]) {
        taken = Set(markers.map { $0.name.lowercased() })
    }

    /// `count` names for the elements of the array bound to marker `name`.
    mutating func names(for name: String, count: Int) -> [String] {
        if let prefix = prefixes[name] { return (0..<count).map { prefix + String($0) } }
        // Ends: each longer separator makes names longer than before, and `taken` is finite.
        var prefix = name + "_"
        while (0..<count).contains(where: { taken.contains((prefix + String($0)).lowercased()) }) { prefix += "_" }
        prefixes[name] = prefix
        let names = (0..<count).map { prefix + String($0) }
        for element in names { taken.insert(element.lowercased()) }
        return names
    }
}
