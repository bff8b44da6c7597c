using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Qunfa.Emulators;

public static class KestrelLimits
{
    /// <summary>SendSms with 1000 numbers in the query string (V3 style) exceeds Kestrel's default 8 KB request line.</summary>
    public static void Apply(KestrelServerOptions options)
    {
        options.Limits.MaxRequestLineSize = 256 * 1024;
        options.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
        options.Limits.MaxRequestBufferSize = 1024 * 1024;
    }
}
