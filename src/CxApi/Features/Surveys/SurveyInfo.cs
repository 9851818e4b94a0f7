using CxApi.Common;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.Surveys;

public sealed record SurveyInfo(string Id, SurveyKind Kind, bool Active);
