using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace CxApi.Infrastructure.Records;

/// <summary>
/// The dimension filters of a query contract: its <c>string[]</c> properties named after a record kind's dimension
/// (<see cref="RecordKinds"/>). A query takes a new dimension's filter by declaring the property; nothing else lists it.
/// </summary>
public static class QueryDimensions
{
    private static readonly HashSet<string> Known = [.. RecordKinds.All.SelectMany(k => k.Dimensions).Select(d => d.Name)];

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Properties = new();

    /// <summary>The dimension filters <paramref name="query"/>'s type accepts, with the values given (null when absent).</summary>
    public static IReadOnlyDictionary<string, string[]?> Of(object query) =>
        For(query.GetType()).ToDictionary(p => p.Name, p => (string[]?)p.Property.GetValue(query));

    /// <summary>A query of type <typeparamref name="T"/> carrying only <paramref name="filters"/> (an alert rule's).</summary>
    public static T Create<T>(IReadOnlyDictionary<string, string[]> filters)
    {
        var constructor = typeof(T).GetConstructors().Single();
        var args = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(string[]) ? filters.GetValueOrDefault(Name(p.Name!)) : null)
            .ToArray();
        return (T)constructor.Invoke(args);
    }

    /// <summary>The names of the dimension filters a query of <paramref name="type"/> takes.</summary>
    public static IReadOnlyList<string> NamesOf(Type type) => [.. For(type).Select(p => p.Name)];

    /// <summary>The values a dimension allows, when it is an enumeration in any record kind (null: any text).</summary>
    public static IReadOnlyCollection<string>? AllowedValues(string name) =>
        RecordKinds.All.Select(k => k.Dimension(name)?.AllowedValues).FirstOrDefault(v => v is not null);

    private static (string Name, PropertyInfo Property)[] For(Type type) => Properties.GetOrAdd(type, t =>
        [.. t.GetProperties().Where(p => p.PropertyType == typeof(string[]) && Known.Contains(Name(p.Name))).Select(p => (Name(p.Name), p))]);

    private static string Name(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
