namespace CxApi.Features.Operations;

/// <summary>
/// The customers an incident touched: those it lists, plus those with a response, interaction or review on its services
/// while it lasted.
/// </summary>
/// <param name="Count">Distinct customers, listed or with a record.</param>
/// <param name="Listed">Distinct customers in the incident's <c>customerIds</c>.</param>
/// <param name="WithRecords">Distinct customers with a record on its services during the incident.</param>
/// <param name="UnhappyAfter">
/// Of <paramref name="Count"/>, how many gave a detractor NPS (0–6) or a CSAT of 1–2, on any survey, in the after window;
/// null while the incident is ongoing (there is no after window yet).
/// </param>
public sealed record AffectedCustomers(long Count, long Listed, long WithRecords, long? UnhappyAfter);
