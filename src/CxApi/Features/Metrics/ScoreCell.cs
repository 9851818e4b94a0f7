using System.Linq.Expressions;
using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Infrastructure.Entities;
using CxApi.Features.Metrics.Calculators;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Metrics;

/// <summary>How many linked responses with a factor value gave each score.</summary>
public sealed class ScoreCell<TKey>
{
    public required TKey Key { get; init; }
    public int Score { get; init; }
    public long Count { get; init; }
}
