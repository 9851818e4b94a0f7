namespace CxApi.Common.Charts;

/// <summary>The pixel size of a chart, with the defaults and limits the <c>width</c> and <c>height</c> parameters take.</summary>
public sealed record ChartSize(int Width, int Height)
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 360;
    public const int MinWidth = 320;
    public const int MaxWidth = 2400;
    public const int MinHeight = 200;
    public const int MaxHeight = 1600;

    public static ChartSize Of(int? width, int? height) => new(width ?? DefaultWidth, height ?? DefaultHeight);
}
