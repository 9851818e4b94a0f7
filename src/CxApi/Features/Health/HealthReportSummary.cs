using CxApi.Common.Problems;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxApi.Features.Health;

public sealed record HealthReportSummary(string Status, IReadOnlyDictionary<string, string> Checks);
