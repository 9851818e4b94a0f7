namespace CxApi.Features.Operations;

/// <summary>
/// The CX figures of the records on the services in <c>[from, to)</c>. A window that would reach past now ends now, and
/// says so with <c>complete: false</c>.
/// </summary>
/// <param name="Csat">Top-2-box percentage of CSAT responses.</param>
/// <param name="Nps">NPS of NPS responses.</param>
/// <param name="Ces">Mean CES score (1–7, higher is easier).</param>
/// <param name="Rating">Mean score of rating surveys.</param>
/// <param name="Reviews">Mean star rating of reviews.</param>
/// <param name="Contacts">Interactions opened per hour (n: how many).</param>
/// <param name="FirstResponseMedian">Median seconds to first response of the interactions opened in the window (n: those with a first response).</param>
public sealed record ImpactWindow(
    DateTimeOffset From,
    DateTimeOffset To,
    double Hours,
    bool Complete,
    ImpactFigure Csat,
    ImpactFigure Nps,
    ImpactFigure Ces,
    ImpactFigure Rating,
    ImpactFigure Reviews,
    ImpactFigure Contacts,
    ImpactFigure FirstResponseMedian);
