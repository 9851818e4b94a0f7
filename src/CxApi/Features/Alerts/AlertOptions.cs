using System.Text.Json;
using CxApi.Common;
using CxApi.Features.Metrics;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Alerts;

public sealed class AlertOptions
{
    public const string Section = "Alerts";
    /// <summary>How often every active rule is evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
