using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Rollups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Admin;

/// <summary>Rows written per rollup table.</summary>
public sealed record RollupRebuild(IReadOnlyDictionary<string, int> Rows);
