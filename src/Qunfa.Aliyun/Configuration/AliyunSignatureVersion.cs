namespace Qunfa.Aliyun.Configuration;

public enum AliyunSignatureVersion
{
    /// <summary>ACS3-HMAC-SHA256, the current SDK default.</summary>
    V3,

    /// <summary>HMAC-SHA1 RPC signature.</summary>
    V1,
}
