using CxApi.Common.Json;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CxApi.Common.Problems;

/// <summary>Finds the .NET type a JSON path such as <c>items[3].tags[0]</c> lands on inside a request type.</summary>
internal static partial class JsonTargetType
{
    public static Type? Resolve(Type? root, string path)
    {
        var type = root;
        foreach (Match segment in Segment().Matches(path))
        {
            if (type is null) return null;
            type = segment.Groups["index"].Success
                ? ElementType(type)
                : type.GetProperty(segment.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            type = Unwrap(type);
        }
        return type;
    }

    public static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Unwrap(Type? type)
    {
        if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(Optional<>)) type = type.GetGenericArguments()[0];
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
