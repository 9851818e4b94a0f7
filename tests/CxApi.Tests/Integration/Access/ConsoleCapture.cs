namespace CxApi.Tests.Integration.Access;

/// <summary>Console output is process-wide, so this runs alone.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
