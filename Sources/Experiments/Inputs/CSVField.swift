/// RFC 4180 quoting of one CSV field: a field holding a comma, a double quote, a carriage return or a line
/// feed is enclosed in double quotes, with its quotes doubled; any other field is written as it is.
public enum CSVField {
    /// `field` as it appears in a CSV line.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The CSV line of `fields`, each quoted as needed.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }
}
