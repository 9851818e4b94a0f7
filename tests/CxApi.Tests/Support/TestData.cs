using System.Globalization;

namespace CxApi.Tests.Support;

/// <summary>The real data sets under Data/ (see Data/SOURCES.md).</summary>
public static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    public sealed record OlistReview(string ReviewId, int Score, string Title, string Message, DateTimeOffset AnsweredAt);

    /// <summary>The 932 Olist reviews; their times are Brazilian local time (UTC−03:00).</summary>
    public static List<OlistReview> OlistReviews() =>
        Csv.ReadWithHeader(PathOf("olist_reviews_sample.csv")).Select(r => new OlistReview(
            r["review_id"],
            int.Parse(r["review_score"], CultureInfo.InvariantCulture),
            r["review_comment_title"],
            r["review_comment_message"],
            DateTimeOffset.ParseExact(r["review_answer_timestamp"] + " -03:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)))
        .ToList();
}
