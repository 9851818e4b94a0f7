using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Client;

public partial class CxApiClient
{
    // A property nobody set is left out of a request body rather than sent as null: a create treats an absent field as
    // "none", and a PATCH is a JSON merge patch (RFC 7396), where null would clear the stored value.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
