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

public sealed record DurationBinCount(string? GroupKey, int Bucket, int Which, int Bin, long Count);
