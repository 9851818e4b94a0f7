namespace CxApi.Features.Charts;

/// <summary>The parameters of an endpoint that also draws its figures: <c>format</c> (json or svg), <c>width</c> and <c>height</c>.</summary>
public interface IChartQuery
{
    string? Format { get; }
    int? Width { get; }
    int? Height { get; }
}
