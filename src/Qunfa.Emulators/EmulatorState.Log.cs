using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators;

/// <summary>The message log: what a sandbox shows its operator in place of real handsets.</summary>
public sealed partial class EmulatorState
{
    /// <summary>
    /// Every message of the account, newest first: those it was asked to send and those the carrier sent it
    /// itself (the code of RequiredPhoneCode). <paramref name="search"/> matches part of the number, signature or content.
    /// </summary>
    public EmulatorSentPage SentLog(string? search, int skip, int take, string? accessKeyId = null)
    {
        var account = Account(accessKeyId);
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var items = new List<EmulatorSentSms>();
        var total = 0;
        foreach (var batch in NewestFirst(account))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (search is not null && !Matches(batch, i, search)) continue;
                if (total >= skip && items.Count < take) items.Add(View(batch, i));
                total++;
            }
        }
        return new EmulatorSentPage(items, total);
    }

    /// <summary>The newest message to <paramref name="phoneNumber"/>, sent for the account or by the carrier itself.</summary>
    public EmulatorSentSms? LatestMessageTo(string phoneNumber, string? accessKeyId = null)
    {
        PhoneNumbers.Normalize(phoneNumber, out var number);
        foreach (var batch in NewestFirst(Account(accessKeyId)))
        {
            var index = batch.Numbers.IndexOf(number);
            if (index >= 0) return View(batch, index);
        }
        return null;
    }

    /// <summary>A message the carrier sends on its own behalf: delivered at once, no report to the account's queue.</summary>
    internal void SendAsCarrier(AccountState account, string phoneNumber, string signName, string content)
    {
        var numbers = new PhoneList.Builder(1, phoneNumber.Length);
        numbers.Add(phoneNumber);
        var batch = new SmsBatch
        {
            BizId = NewBizId(),
            Numbers = numbers.Build(),
            SignNames = [signName],
            Contents = [TemplateText.WithSignature(signName, content)],
            TemplateCode = "",
            TemplateType = 0,
            International = false,
            SendTime = Time.GetUtcNow(),
            Rules = [],
        };
        batch.MarkReported(batch.SendTime);
        account.CarrierSent.Add(batch);
    }

    // OrderBy is stable: batches of the same instant keep their newest-first order.
    private static IEnumerable<SmsBatch> NewestFirst(AccountState account) =>
        account.Sent.All.Reverse().Concat(account.CarrierSent.All.Reverse()).OrderByDescending(b => b.SendTime);

    private static bool Matches(SmsBatch batch, int i, string search) =>
        batch.Numbers[i].Contains(search, StringComparison.Ordinal)
        || batch.SignName(i).Contains(search, StringComparison.Ordinal)
        || batch.Content(i).Contains(search, StringComparison.OrdinalIgnoreCase);
}

public sealed record EmulatorSentPage(IReadOnlyList<EmulatorSentSms> Items, int Total);
