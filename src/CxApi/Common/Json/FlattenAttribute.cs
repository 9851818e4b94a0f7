namespace CxApi.Common.Json;

/// <summary>
/// The property's own properties are written in its place, at the level of the object that holds it (a metric
/// report's figures sit next to its period and filters). Its JSON name is never written. See <see cref="Flattening"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FlattenAttribute : Attribute;
