using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Md5;

/// <summary>Appends sign_type and sign to request parameters, keeping their order (the gateway does not care, vectors do).</summary>
internal static class Md5RequestSigner
{
    public static List<KeyValuePair<string, string>> Sign(IEnumerable<KeyValuePair<string, string>> parameters, string key)
    {
        var list = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        var sign = Md5Signer.Sign(list.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)), key);
        list.Add(new("sign_type", "MD5"));
        list.Add(new("sign", sign));
        return list;
    }

    public static Uri ToUrl(Uri gateway, IEnumerable<KeyValuePair<string, string>> signed) =>
        AlipayParameters.AppendQuery(gateway, AlipayParameters.ToQuery(signed));
}
