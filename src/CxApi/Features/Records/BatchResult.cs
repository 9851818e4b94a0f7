using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Features.Records;

public sealed record BatchResult(int Created, int Failed, IReadOnlyList<BatchItemResult> Results);
