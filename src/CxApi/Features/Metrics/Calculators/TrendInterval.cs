namespace CxApi.Features.Metrics.Calculators;

public enum TrendInterval { Day, Week, Month, Quarter }
