namespace CxApi.Features.Charts;

public sealed class ChartQueryValidator : ChartParametersValidator<ChartQuery>;
