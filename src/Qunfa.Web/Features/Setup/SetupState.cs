using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Setup;

namespace Qunfa.Web.Features.Setup;

/// <summary>
/// Remembers that the wizard is complete so ordinary requests skip the database check. Completion is
/// permanent, so caching the true value is safe on every node; until then each request asks.
/// </summary>
public sealed class SetupState(IServiceScopeFactory scopes)
{
    private volatile bool _complete;

    public void MarkComplete() => _complete = true;

    public async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        if (_complete) return true;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var step = await db.Installations.Where(i => i.Id == Installation.SingletonId).Select(i => i.Step).FirstOrDefaultAsync(ct);
        if (step == WizardStep.Done) _complete = true;
        return _complete;
    }
}
