namespace CxApi.Features.Records;

public sealed record BatchResult(int Created, int Failed, IReadOnlyList<BatchItemResult> Results);
