using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace CxApi.Common.Json;

/// <summary>
/// Writes <see cref="FlattenAttribute"/> properties' members in their place: a JSON contract modifier for the wire,
/// and the same expansion over reflection for the OpenAPI schemas and the CSV columns, so the three agree.
/// </summary>
public static class Flattening
{
    /// <summary>Replaces each flattened property by its type's properties, at the same position and with the same order.</summary>
    public static void Modifier(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = 0; i < info.Properties.Count; i++)
        {
            var holder = info.Properties[i];
            if (holder.AttributeProvider is not PropertyInfo property || property.GetCustomAttribute<FlattenAttribute>() is null) continue;
            info.Properties.RemoveAt(i);
            var inner = info.Options.GetTypeInfo(holder.PropertyType);
            foreach (var member in inner.Properties)
            {
                if (member.Get is not { } get) continue;
                var flat = info.CreateJsonPropertyInfo(member.PropertyType, member.Name);
                var outer = holder.Get!;
                flat.Get = o => outer(o) is { } value ? get(value) : null;
                flat.Order = holder.Order;
                flat.CustomConverter = member.CustomConverter;
                flat.NumberHandling = member.NumberHandling;
                flat.AttributeProvider = member.AttributeProvider;
                if (member.ShouldSerialize is { } should) flat.ShouldSerialize = (o, v) => outer(o) is { } value && should(value, v);
                info.Properties.Insert(i++, flat);
            }
            i--;
        }
    }

    /// <summary>The public instance properties of <paramref name="type"/> as they are written, flattened ones expanded.</summary>
    public static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(p =>
            p.GetCustomAttribute<FlattenAttribute>() is null ? [p] : PropertiesOf(p.PropertyType));

    public static bool IsFlattened(MemberInfo? member) => member?.GetCustomAttribute<FlattenAttribute>() is not null;
}
