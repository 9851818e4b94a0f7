using System.Globalization;
using System.Text;
using CxApi.Common;
using System.Data;
using System.Data.Common;
using CxApi.Infrastructure.Records;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore.Storage;
using CxApi.Features.Metrics.Calculators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

/// <summary>
/// What to count: records whose own time lies in <c>[FromMicros, ToMicros)</c>, matching every filter
/// (values of one dimension mean "either"), optionally per group and per time bucket. Bucket i is
/// <c>[Boundaries[i], Boundaries[i+1])</c>; without boundaries everything is bucket 0.
/// </summary>
public sealed record CountScope(
    long FromMicros,
    long ToMicros,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy = null,
    IReadOnlyList<long>? Boundaries = null);
