using CxApi.Common.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxApi.Common.Problems;

/// <summary>
/// Turns a JSON (de)serialization error into a field error a caller can act on. The serializer's own messages name
/// .NET types and members, so none of them is passed on: each becomes a sentence in the API's terms. Messages of
/// the API's converters (times, enums) are already such sentences and start with "must"; they are kept.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>A reader error (bad syntax) arrives wrapped and names no field.</summary>
    public static bool IsSyntaxError(JsonException e) => e is not NestedJsonException && (e.InnerException is JsonException || e.Path is null);

    /// <summary>The error's key (camelCase JSON path, e.g. <c>items[7].rating</c>) and its message.</summary>
    public static (string Path, string Message) Describe(JsonException e, Type? rootType)
    {
        var fullPath = e.Path ?? "$";
        for (; e is NestedJsonException { InnerException: JsonException inner }; e = inner) fullPath += inner.Path?.TrimStart('$');
        var path = JsonPath(fullPath);
        if (DuplicateProperty().Match(e.Message) is { Success: true } duplicate)
        {
            // A typed object's or a map's path ends at the repeated property; free-form JSON's (batch items) at its object.
            if (duplicate.Groups["name"] is { Success: true } name && !duplicate.Groups["typed"].Success)
                path = path == Root ? name.Value : $"{path}.{name.Value}";
            return (path, "appears more than once; give each property once");
        }
        if (e.Message.StartsWith("The JSON property", StringComparison.Ordinal)) return (path, UnknownProperty(path, rootType));
        if (e.Message.StartsWith("must ", StringComparison.Ordinal)) return (path, e.Message);
        return (path, Expected(JsonTargetType.Resolve(rootType, path)));
    }

    /// <summary>What a value of <paramref name="target"/> must be, in the API's terms (a JSON body field or a query parameter).</summary>
    public static string Expected(Type? target) => target switch
    {
        null => "has the wrong type",
        _ when target == typeof(int) || target == typeof(long) => "must be an integer",
        _ when target == typeof(bool) => "must be true or false",
        _ when target == typeof(double) || target == typeof(decimal) || target == typeof(float) => "must be a number",
        _ when target == typeof(string) => "must be a string",
        _ when target == typeof(DateTimeOffset) => Rfc3339.Requirement,
        _ when JsonTargetType.ElementType(target) is not null => "must be an array",
        _ => "must be an object",
    };

    /// <summary>
    /// <c>$.items[7].rating</c> → <c>items[7].rating</c>; <c>$['odd key']</c> → <c>odd key</c>; the body itself
    /// (<c>$</c>) stays <c>$</c>.
    /// </summary>
    public static string JsonPath(string path)
    {
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return trimmed.Length == 0 ? Root : BracketedName().Replace(trimmed, m => (m.Index == 0 ? "" : ".") + m.Groups[1].Value);
    }

    /// <summary>The key of an error about the body as a whole.</summary>
    public const string Root = "$";

    /// <summary>Names are matched exactly; one that differs from a known property only in case says which it meant.</summary>
    private static string UnknownProperty(string path, Type? rootType)
    {
        var dot = path.LastIndexOf('.');
        var name = path[(dot + 1)..];
        var owner = dot < 0 ? rootType : JsonTargetType.Resolve(rootType, path[..dot]);
        var meant = owner is null || !JsonSetup.Wire.TryGetTypeInfo(owner, out var info) ? null
            : info.Properties.Select(p => p.Name).FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
        return meant is null ? "is not a known property" : $"is not a known property; names are case-sensitive: did you mean '{meant}'?";
    }

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedName();

    [GeneratedRegex(@"^Duplicate propert(y '(?<name>[^']*)' encountered during deserialization(?<typed> of type)?|ies)")]
    private static partial Regex DuplicateProperty();
}
