namespace Qunfa.Web.Domain.Packages;

public enum OrderStatus
{
    /// <summary>未支付.</summary>
    Unpaid,
    /// <summary>已支付.</summary>
    Paid,
    /// <summary>已作废.</summary>
    Void,
}

/// <summary>Which Alipay protocol an order is paid with (支付配置 chooses).</summary>
public enum PaymentProtocol
{
    /// <summary>The partner protocol with an MD5 key, as the manual configures.</summary>
    Md5,
    /// <summary>The open platform with RSA2 keys.</summary>
    Rsa2,
}
