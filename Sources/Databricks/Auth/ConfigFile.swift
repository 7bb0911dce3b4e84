import DBAPICore

/// A parsed `~/.databrickscfg`: INI sections of `key = value`, keys lower-cased, `#`/`;` comment lines.
struct ConfigFile {
    private(set) var sections: [String: [String: String]] = [:]

    init(text: String) {
        var section: String?
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingSpaces()
                section = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section, let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimmingSpaces().lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingSpaces()
            sections[section, default: [:]][key] = value
        }
    }
}
