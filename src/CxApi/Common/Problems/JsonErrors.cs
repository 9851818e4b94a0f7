using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxApi.Common.Problems;

/// <summary>Turns a JSON (de)serialization error into a field error a caller can act on.</summary>
public static partial class JsonErrors
{
    /// <summary>A reader error (bad syntax) arrives wrapped and names no field.</summary>
    public static bool IsSyntaxError(JsonException e) => e.InnerException is JsonException || e.Path is null;

    /// <summary>The error's key (camelCase JSON path, e.g. <c>items[7].rating</c>) and its message.</summary>
    public static (string Path, string Message) Describe(JsonException e, Type? rootType)
    {
        var path = JsonPath(e.Path ?? "$");
        return (path, FieldMessage(e.Message, JsonTargetType.Resolve(rootType, path)));
    }

    /// <summary><c>$.items[7].rating</c> → <c>items[7].rating</c>; <c>$['odd key']</c> → <c>odd key</c>.</summary>
    public static string JsonPath(string path)
    {
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return BracketedName().Replace(trimmed, m => (m.Index == 0 ? "" : ".") + m.Groups[1].Value);
    }

    private static string FieldMessage(string message, Type? target)
    {
        if (message.StartsWith("The JSON property", StringComparison.Ordinal)) return "is not a known property";
        // Our own converters (times, enums) already write messages for users; the serializer's name .NET types.
        if (!message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)) return message;
        return target switch
        {
            null => "has the wrong JSON type",
            _ when target == typeof(int) || target == typeof(long) => "must be an integer",
            _ when target == typeof(bool) => "must be true or false",
            _ when target == typeof(double) || target == typeof(decimal) => "must be a number",
            _ when target == typeof(string) => "must be a string",
            _ when JsonTargetType.ElementType(target) is not null => "must be an array",
            _ => "must be an object",
        };
    }

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedName();
}
