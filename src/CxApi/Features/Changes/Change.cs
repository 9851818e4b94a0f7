using System.Text.Json.Serialization;

namespace CxApi.Features.Changes;

/// <summary>
/// One change: <c>upsert</c> carries the <c>record</c> as it is now (created or updated), <c>delete</c> its id and <c>deletedAt</c>.
/// <c>token</c> resumes the feed right after this change.
/// </summary>
public sealed record Change<TRecord>(
    long Seq,
    string Token,
    ChangeOp Op,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TRecord? Record,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeletedAt) where TRecord : class;
