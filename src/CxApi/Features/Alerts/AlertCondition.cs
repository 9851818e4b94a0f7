using System.Text.Json.Serialization;

namespace CxApi.Features.Alerts;

/// <summary>
/// Exactly one of: <c>below</c> (value &lt; x), <c>above</c> (value &gt; x), or <c>dropBy</c> (the previous window's
/// value minus this window's ≥ points; <c>vsPreviousWindow</c> is the only comparison, <c>significantOnly</c> also
/// requires the change to pass the metric's 95 % test).
/// </summary>
public sealed record AlertCondition(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Below = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Above = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DropBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? VsPreviousWindow = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? SignificantOnly = null);
