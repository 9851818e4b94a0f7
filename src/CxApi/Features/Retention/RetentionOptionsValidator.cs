using CxApi.Common;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Retention;

/// <summary>Refuses to start with a retention limit that is not a fixed-length ISO 8601 duration of at least a day.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        foreach (var kind in RetainedKind.All)
        {
            if (kind.Limit(options) is not { Length: > 0 } text) continue;
            var setting = $"{RetentionOptions.Section}:{kind.Setting}";
            if (!IsoDuration.TryParse(text, out var limit))
                failures.Add($"{setting} is '{text}', which is not an ISO 8601 duration of weeks, days, hours, minutes or seconds " +
                             "(such as P90D or P104W; years and months are refused, their length varies).");
            else if (limit < RetentionOptions.ShortestLimit)
                failures.Add($"{setting} is '{text}': records are purged by whole UTC days, so a limit is at least P1D.");
        }
        if (options.Interval <= TimeSpan.Zero || options.Interval > RetentionOptions.LongestInterval)
            failures.Add($"{RetentionOptions.Section}:{nameof(RetentionOptions.Interval)} must be positive and at most {RetentionOptions.LongestInterval.TotalDays} days.");
        if (options.BatchSize is < 1 or > RetentionOptions.MostPerBatch)
            failures.Add($"{RetentionOptions.Section}:{nameof(RetentionOptions.BatchSize)} must be from 1 to {RetentionOptions.MostPerBatch}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
