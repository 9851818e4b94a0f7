using CxApi.Common.Paging;

namespace CxApi.Features.Surveys;

public sealed record SurveyListQuery(
    string[]? Kind,
    bool? Active,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery;
