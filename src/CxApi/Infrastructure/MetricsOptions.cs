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

public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    /// <summary>Answer from rollups where they can (off: always count the records; for comparisons).</summary>
    public bool UseRollups { get; set; } = true;
}
