using System.Text.RegularExpressions;

namespace CxApi.Features.Reviews;

public static partial class ReviewRules
{
    public const int MinRating = 1, MaxRating = 5;

    /// <summary>A BCP 47 language tag such as <c>en</c>, <c>pt-BR</c> or <c>zh-Hant-TW</c>.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    public static partial Regex LanguageTag();
}
