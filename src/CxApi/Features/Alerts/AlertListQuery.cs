using System.Text.Json.Serialization;
using CxApi.Common.Json;
using CxApi.Common.Paging;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Alerts;

public sealed record AlertListQuery(string[]? RuleId, string[]? Type, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
