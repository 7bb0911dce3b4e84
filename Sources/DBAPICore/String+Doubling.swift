extension String {
    /// The string with every `character` written twice: the quoting rule of CSV fields (`"`) and of
    /// Spark back-quoted identifiers (`` ` ``).
    package func doubling(_ character: Character) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for next in self {
            out.append(next)
            if next == character { out.append(next) }
        }
        return out
    }
}
