using CxApi.Common;
using FluentValidation;

namespace CxApi.Features.Operations;

/// <summary>Impact windows are ISO 8601 durations of fixed length, at most a year.</summary>
public static class ImpactWindowRules
{
    public const string DefaultBaseline = "P14D", DefaultWindow = "P7D", MaxWindow = "P366D";
    public const string Durations = "an ISO 8601 duration of weeks, days, hours, minutes or seconds such as P7D or PT12H, at most " + MaxWindow;

    public static IRuleBuilderOptions<T, string?> ImpactWindow<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || (IsoDuration.TryParse(text, out var length) && length <= IsoDuration.Parse(MaxWindow)))
            .WithMessage("must be " + Durations + ".");

    public static long Micros(string? text, string fallback) => (long)IsoDuration.Parse(text ?? fallback).TotalMicroseconds;
}
