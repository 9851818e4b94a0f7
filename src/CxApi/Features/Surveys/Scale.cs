using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Common.Paging;

namespace CxApi.Features.Surveys;

public sealed record Scale(int Min, int Max);
