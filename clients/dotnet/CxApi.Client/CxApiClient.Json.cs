using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Client;

public partial class CxApiClient
{
    // A property nobody set is left out of a request body rather than sent as null: a create treats an absent field as
    // "none", and a PATCH is a JSON merge patch (RFC 7396), where null would clear the stored value.
    // A null where the document promises a value is an error, for reference types as much as for value types (which
    // System.Text.Json always refuses to set to null): the client holds the server to its document.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.RespectNullableAnnotations = true;
    }
}
