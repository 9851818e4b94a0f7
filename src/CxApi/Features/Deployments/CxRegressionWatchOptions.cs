namespace CxApi.Features.Deployments;

public sealed class CxRegressionWatchOptions
{
    public const string Section = "CxRegressionWatch";
    /// <summary>How often the production deployments not yet settled are measured.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long after its after window ended a deployment is still settled (when no instance ran at that moment);
    /// deployments that finished longer ago than the window and this are left alone, so a backfill of old ones sends nothing.
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromDays(1);
}
