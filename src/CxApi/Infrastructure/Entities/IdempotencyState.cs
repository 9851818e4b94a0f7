using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Infrastructure.Entities;

public enum IdempotencyState { InFlight, Completed }
