using System.Globalization;
using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Paging;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Customers;

/// <summary>A customer on the at-risk list, as the database orders it.</summary>
public sealed record AtRiskRow(string Id, long LatestMicros);
