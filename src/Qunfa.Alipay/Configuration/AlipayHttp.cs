namespace Qunfa.Alipay.Configuration;

internal static class AlipayHttp
{
    public const string ClientName = "qunfa-alipay";
}
