namespace Qunfa.Alipay.Common;

public enum AlipayProtocol
{
    /// <summary>Legacy partner protocol: partner id 2088… + MD5 key, create_direct_pay_by_user.</summary>
    Md5Partner,

    /// <summary>Open platform: app id + RSA2 key pairs, alipay.trade.*.</summary>
    OpenPlatformRsa2,
}
