using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CxApi.Common.Json;

public static class JsonPaths
{
    /// <summary>
    /// Every leaf of <paramref name="type"/>'s JSON contract under <paramref name="options"/>, in the contract's order:
    /// nested objects are flattened into dotted paths; lists, maps and scalars are leaves (nullable types unwrapped).
    /// </summary>
    public static IReadOnlyList<JsonLeaf> LeavesOf(Type type, JsonSerializerOptions options)
    {
        var leaves = new List<JsonLeaf>();
        Add(options.GetTypeInfo(type), "", o => o, options, leaves);
        return leaves;
    }

    private static void Add(JsonTypeInfo info, string prefix, Func<object, object?> owner, JsonSerializerOptions options, List<JsonLeaf> leaves)
    {
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get) continue;
            var path = prefix + property.Name;
            object? Value(object root) => owner(root) is { } o ? get(o) : null;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var child = options.GetTypeInfo(type);
            if (child.Kind == JsonTypeInfoKind.Object && type != typeof(object))
                Add(child, path + ".", Value, options, leaves);
            else
                leaves.Add(new JsonLeaf(path, type, Value));
        }
    }
}
