using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>Who signed the request, and the body the signature covered (read once, by the check).</summary>
public sealed record ApiCaller(ApiCredential Credential, byte[] Body)
{
    public int CustomerId => Credential.CustomerId;

    public static ApiCaller Of(HttpContext http) =>
        http.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("The /api/v1 signature check did not run.");
}
