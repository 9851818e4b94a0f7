using CxApi.Common.Json;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CxApi.Common.Formats;

/// <summary>
/// RFC 4180 CSV in UTF-8 (CRLF line ends; fields with commas, quotes or line breaks quoted, quotes doubled),
/// laid out from the same JSON contract as the API's JSON: one column per leaf property in the contract's
/// order, nested objects flattened to dotted names (<c>ci95.low</c>), lists and maps as compact JSON text,
/// times in RFC 3339, enums by their API names, null as an empty field. Text is made safe to open in a spreadsheet
/// (see <see cref="Text"/>); numbers and booleans are written as they are.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>The columns of <paramref name="type"/>: the leaves of its JSON contract (see <see cref="JsonPaths"/>).</summary>
    public static IReadOnlyList<CsvColumn> ColumnsOf(Type type, JsonSerializerOptions options) =>
        [.. JsonPaths.LeavesOf(type, options).Select(leaf => new CsvColumn(leaf.Path, leaf.Get))];

    public static string HeaderLine(IEnumerable<string> names) => string.Join(',', names.Select(Escape)) + "\r\n";

    public static string Line(IReadOnlyList<CsvColumn> columns, object row, JsonSerializerOptions options)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Escape(Format(columns[i].Value(row), options)));
        }
        return line.Append("\r\n").ToString();
    }

    public static string Format(object? value, JsonSerializerOptions options) => value switch
    {
        null => "",
        string s => Text(s),
        bool b => b ? "true" : "false",
        int or long or double or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        DateTimeOffset t => Rfc3339.Format(t),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), options) is { ValueKind: JsonValueKind.String } e
            ? Text(e.GetString()!)
            : JsonSerializer.Serialize(value, value.GetType(), options), // lists and maps: JSON escapes control characters itself
    };

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>
    /// A text cell that a spreadsheet shows and never runs (OWASP, "CSV Injection"): text beginning with <c>=</c>,
    /// <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c>. Control characters other than tab,
    /// line feed and carriage return (NUL, ESC, DEL, C1 controls, ...) become U+FFFD, the replacement character.
    /// </summary>
    public static string Text(string value)
    {
        if (value.Length == 0) return value;
        if (value.Any(IsReplaced)) value = string.Concat(value.Select(c => IsReplaced(c) ? '\uFFFD' : c));
        return FormulaStarts.Contains(value[0]) ? "'" + value : value;
    }

    private static bool IsReplaced(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
