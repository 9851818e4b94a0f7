using CxApi.Common;
namespace CxApi.Features.Operations.Calculators;

/// <summary>A half-open stretch <c>[From, To)</c> of Unix microseconds throughout which the worst impact is <see cref="Impact"/>.</summary>
public readonly record struct ImpactSegment(long From, long To, IncidentImpact Impact);
