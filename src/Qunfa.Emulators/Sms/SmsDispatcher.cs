using Qunfa.Emulators.Mns;

namespace Qunfa.Emulators.Sms;

/// <summary>
/// Records accepted batches and, after ReportDelay, publishes one SmsReport per number: in the MNS queue,
/// or POSTed to ReportPushUrl when that is set.
/// </summary>
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
        state.Counters.AddReported(batch.Count, batch.FailedCount);
        var duplicates = Duplicates(batch);
        if (state.Options.ReportPushUrl is { } url)
        {
            state.Pusher.Push(url, batch, duplicates);
            return;
        }
        var queue = account.Queue(MnsMessageTypes.SmsReport);
        queue.Enqueue(batch, 0, batch.Count, now);
        foreach (var index in duplicates)
        {
            queue.Enqueue(batch, index, 1, now);
        }
    }

    private List<int> Duplicates(SmsBatch batch)
    {
        var duplicates = new List<int>();
        if (state.Options.DuplicateReportRate > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (state.Dice.Roll(state.Options.DuplicateReportRate))
                {
                    duplicates.Add(i);
                    state.Counters.AddDuplicateReport();
                }
            }
        }
        return duplicates;
    }
}
