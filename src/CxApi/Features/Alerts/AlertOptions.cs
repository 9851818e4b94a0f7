namespace CxApi.Features.Alerts;

public sealed class AlertOptions
{
    public const string Section = "Alerts";
    /// <summary>How often every active rule is evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
