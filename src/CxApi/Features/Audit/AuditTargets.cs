namespace CxApi.Features.Audit;

/// <summary>
/// The kinds of thing an audit event names besides the record kinds, which are named as the API names them
/// (<c>response</c>, <c>service</c>, …: <see cref="Records.RecordResource.Name"/>).
/// </summary>
public static class AuditTargets
{
    public const string ApiKey = "api_key";
    public const string Survey = "survey";
    public const string Webhook = "webhook";
    public const string AlertRule = "alert_rule";
    public const string Integration = "integration";
    /// <summary>A customer, named by <see cref="CustomerIdHasher"/>'s keyed hash of the id, never the id.</summary>
    public const string Customer = "customer";
}
