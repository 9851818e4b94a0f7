namespace CxApi.Common.OpenApi;

/// <summary>
/// The OpenAPI schema id of a generic contract: <c>{0}</c> is its type argument's name without
/// <see cref="TrimSuffix"/> (<c>MetricReport&lt;NpsStats&gt;</c> with <c>"{0}Report"</c> and "Stats" is <c>NpsReport</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchemaIdAttribute(string format, string trimSuffix = "") : Attribute
{
    public string Format { get; } = format;
    public string TrimSuffix { get; } = trimSuffix;

    /// <summary>The schema id of <paramref name="type"/>: its attribute's, or Swashbuckle's default (type arguments' ids, then the name).</summary>
    public static string IdOf(Type type)
    {
        if (!type.IsConstructedGenericType) return type.Name.Replace("[]", "Array", StringComparison.Ordinal);
        var arguments = type.GetGenericArguments();
        if (type.GetGenericTypeDefinition().GetCustomAttributes(typeof(SchemaIdAttribute), false) is [SchemaIdAttribute id])
        {
            var name = arguments[0].Name;
            if (id.TrimSuffix.Length > 0 && name.EndsWith(id.TrimSuffix, StringComparison.Ordinal)) name = name[..^id.TrimSuffix.Length];
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, id.Format, name);
        }
        return string.Concat(arguments.Select(IdOf)) + type.Name.Split('`')[0];
    }
}
