using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace CxApi.Features.Changes;

public enum ChangeOp { Upsert, Delete }
