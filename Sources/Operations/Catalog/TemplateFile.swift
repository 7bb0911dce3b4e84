import DBAPICore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the template of a query name (`a/b` is `queries/a/b.sql`), only from inside `queries/`.
///
/// The name is checked as text (no absolute path, `..`, `.`, empty part, backslash or NUL), then the
/// file's real path, with every symbolic link resolved, must still be inside the real `queries/`
/// directory (which may itself be a link), so a link cannot bring in a file from elsewhere.
enum TemplateFile {
    /// The template's path relative to the root, or nil when the name is not a plain relative path.
    static func relativePath(_ name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !name.utf8.contains(0),
            !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." || $0.contains("\\") })
        else {
            return nil
        }
        return "queries/" + name + ".sql"
    }

    /// A template's text, or why it cannot be used (with the file relative to the root).
    enum Contents {
        case text(String)
        case problem(ConfigIssue)
    }

    /// The text of the template of query `name` under `root`, or the reason it cannot be used.
    static func read(_ name: String, root: String) -> Contents {
        guard let relative = relativePath(name) else {
            let message =
                name.utf8.contains(0)
                ? "query name \(JSONWriter().string(.string(name))) contains a NUL character"
                : "query name '\(name)' escapes queries/ (no absolute paths, '..' or empty parts)"
            return .problem(ConfigIssue(file: "queries/", message: message))
        }
        let label = "template \(relative) for query '\(name)'"
        guard let file = realPath(root + "/" + relative) else {
            return .problem(ConfigIssue(file: relative, message: "\(label) does not exist"))
        }
        guard let queries = realPath(root + "/queries"), file.utf8.starts(with: (queries + "/").utf8) else {
            return .problem(
                ConfigIssue(
                    file: relative,
                    message: "\(label) resolves to a file outside queries/ (through a symbolic link); templates must be inside queries/"))
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType
        guard type == .typeRegular, let data = FileManager.default.contents(atPath: file) else {
            return .problem(ConfigIssue(file: relative, message: "\(label) is not a readable regular file"))
        }
        do {
            return .text(try StrictUTF8.decode([UInt8](data)))
        } catch {
            return .problem(ConfigIssue(file: relative, line: error.line, column: error.column, message: error.message))
        }
    }

    /// `path` with every symbolic link, `.` and `..` resolved, or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
