using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Features.Records;

public enum BatchItemStatus { Created, Invalid, Duplicate }
