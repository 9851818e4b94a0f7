using System.Collections.Frozen;
using System.Text.Json;

namespace CxApi.Common;

/// <summary>
/// The one mapping between enum values and their public names (snake_case, lower case), shared by
/// JSON, query-string parsing, EF Core storage and CSV output.
/// </summary>
public static class EnumText<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllNames { get; } = [.. Names.Values.Order(StringComparer.Ordinal)];

    public static string AllowedList { get; } = string.Join(", ", Enum.GetValues<TEnum>().Select(v => Names[v]));

    public static string ToText(TEnum value) => Names[value];

    public static bool TryParse(string? text, out TEnum value) => Values.TryGetValue(text ?? "", out value);

    public static TEnum Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not one of: {AllowedList}.");
}
