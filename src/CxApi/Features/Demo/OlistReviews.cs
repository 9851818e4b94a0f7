using System.Globalization;
using System.Text;

namespace CxApi.Features.Demo;

/// <summary>The 932 real Olist reviews the demo loads, read from the CSV embedded in the assembly (Data/olist_reviews_sample.csv).</summary>
public static class OlistReviews
{
    private const string Resource = "CxApi.Demo.olist_reviews_sample.csv";

    public static IReadOnlyList<OlistReview> Load()
    {
        using var stream = typeof(OlistReviews).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name);
        int id = Column("review_id"), score = Column("review_score"), title = Column("review_comment_title"),
            message = Column("review_comment_message"), answered = Column("review_answer_timestamp");
        return [.. rows.Skip(1).Where(r => r.Length == header.Length).Select(r => new OlistReview(
            r[id],
            int.Parse(r[score], CultureInfo.InvariantCulture),
            r[title].Trim() is { Length: > 0 } t ? t : null,
            r[message].Trim() is { Length: > 0 } m ? m : null,
            DateTimeOffset.ParseExact(r[answered] + " -03:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)))];
    }

    /// <summary>RFC 4180: quoted fields, doubled quotes, line breaks inside quotes.</summary>
    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\n' or '\r':
                    row.Add(field.ToString()); field.Clear();
                    rows.Add([.. row]); row.Clear();
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
