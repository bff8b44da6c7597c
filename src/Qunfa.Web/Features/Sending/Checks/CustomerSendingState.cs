using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.Sending.Checks;

/// <summary>
/// What a send by one customer is checked against, as of one <see cref="Version"/> of
/// <c>Customers.SendingVersion</c>: its freeze, its approved signatures and templates and its active API keys.
/// Shared between requests, so never changed once built.
/// </summary>
public sealed class CustomerSendingState(
    int customerId,
    long version,
    bool isFrozen,
    IReadOnlyDictionary<string, Signature> signaturesByName,
    IReadOnlyDictionary<int, Template> templatesById,
    IReadOnlyDictionary<string, Template> templatesByCode,
    IReadOnlyDictionary<string, ApiCredential> keys)
{
    public int CustomerId => customerId;
    public long Version => version;
    public bool IsFrozen => isFrozen;

    /// <summary>An approved signature of this name, or null.</summary>
    public Signature? Signature(string name) => signaturesByName.GetValueOrDefault(name);

    /// <summary>An approved template with a code (one Alibaba knows), or null.</summary>
    public Template? Template(int id) => templatesById.GetValueOrDefault(id);

    public Template? TemplateByCode(string code) => templatesByCode.GetValueOrDefault(code);

    /// <summary>The key if it is this customer's and not revoked.</summary>
    public ApiCredential? Key(string accessKeyId) => keys.GetValueOrDefault(accessKeyId);
}
