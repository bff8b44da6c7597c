using Qunfa.Emulators.Mns;

namespace Qunfa.Emulators.Sms;

/// <summary>Records accepted batches and, after ReportDelay, publishes one SmsReport per number.</summary>
internal sealed class SmsDispatcher(EmulatorState state)
{
    public void Accept(AccountState account, SmsBatch batch)
    {
        account.Sent.Add(batch);
        state.Counters.AddAccepted(batch.Count);
        state.Scheduler.Schedule(state.Options.ReportDelay, () => Deliver(account, batch));
    }

    private void Deliver(AccountState account, SmsBatch batch)
    {
        var now = state.Time.GetUtcNow();
        batch.MarkReported(now);
        var queue = account.Queue(MnsMessageTypes.SmsReport);
        queue.Enqueue(batch, 0, batch.Count, now);
        state.Counters.AddReported(batch.Count, batch.FailedCount);
        if (state.Options.DuplicateReportRate > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (state.Dice.Roll(state.Options.DuplicateReportRate))
                {
                    queue.Enqueue(batch, i, 1, now);
                    state.Counters.AddDuplicateReport();
                }
            }
        }
    }
}
