namespace CxApi.Features.Demo;

/// <summary>A service of the demo catalogue: its key, name, tier, owning team, share of the records (per mille) and how well it usually serves customers.</summary>
public sealed record DemoService(string Key, string Name, int Tier, string Team, int PerMille, double Quality);
