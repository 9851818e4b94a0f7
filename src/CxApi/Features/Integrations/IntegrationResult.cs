namespace CxApi.Features.Integrations;

/// <summary>What handling a delivery came to: a receipt (2xx), or errors per field that make it a 400 and keep nothing.</summary>
public sealed record IntegrationResult(IntegrationReceipt? Receipt, IDictionary<string, string[]>? Errors)
{
    public static IntegrationResult Of(IntegrationReceipt receipt) => new(receipt, null);

    public static IntegrationResult Invalid(IDictionary<string, string[]> errors) => new(null, errors);

    public static IntegrationResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
