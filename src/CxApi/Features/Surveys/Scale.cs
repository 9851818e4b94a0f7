namespace CxApi.Features.Surveys;

public sealed record Scale(int Min, int Max);
