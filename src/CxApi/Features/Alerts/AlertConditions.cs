namespace CxApi.Features.Alerts;

public static class AlertConditions
{
    /// <summary>
    /// Whether <paramref name="condition"/> holds for <paramref name="reading"/>; null when it cannot say (no value, or a
    /// window it looks at has fewer than <paramref name="minResponses"/> observations): the rule then keeps its state.
    /// <c>below</c> and <c>above</c> are strict; <c>dropBy</c> holds when the previous window's figure minus this
    /// window's is at least the given points, and with <c>significantOnly</c> the metric's test calls the change significant.
    /// </summary>
    public static bool? Holds(AlertCondition condition, int minResponses, AlertReading reading)
    {
        if (reading.Value is not { } value || reading.N < minResponses) return null;
        if (condition.Below is { } below) return value < below;
        if (condition.Above is { } above) return value > above;
        if (condition.DropBy is not { } drop) return null;
        if (reading.PreviousValue is not { } previous || reading.PreviousN < minResponses) return null;
        return previous - value >= drop && (condition.SignificantOnly != true || reading.Change?.Significant == true);
    }
}
