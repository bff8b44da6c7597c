using System.Collections.Concurrent;
using Qunfa.Emulators.Manage;
using Qunfa.Emulators.Mns;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators;

internal sealed class AccountState
{
    private readonly Dictionary<string, MnsQueue> _queuesByType;

    public AccountState(EmulatorAccount account, EmulatorOptions options)
    {
        Account = account;
        Sent = new SmsBatchStore(options.MaxRetainedMessages);
        _queuesByType = MnsMessageTypes.All.ToDictionary(
            t => t,
            t => new MnsQueue(MnsMessageTypes.QueueName(account.AccountUid, t), options.MnsVisibilityTimeout, options.MnsMaxQueuedMessages),
            StringComparer.Ordinal);
    }

    public EmulatorAccount Account { get; }

    public ConcurrentDictionary<string, SignRecord> Signs { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, TemplateRecord> Templates { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<long, QualificationRecord> Qualifications { get; } = new();

    public ConcurrentDictionary<long, AuthorizationLetterRecord> Letters { get; } = new();

    public ConcurrentDictionary<string, string> PhoneCodes { get; } = new(StringComparer.Ordinal);

    public SmsBatchStore Sent { get; }

    /// <summary>Messages the carrier sends on its own account (RequiredPhoneCode's code), kept apart from the account's sends.</summary>
    public SmsBatchStore CarrierSent { get; } = new(10_000);

    public PerNumberFlowControl VerificationLimits { get; } = new(1, 5, 10);

    public PerNumberFlowControl PhoneCodeLimits { get; } = new(1, 5, 10);

    public IEnumerable<MnsQueue> Queues => _queuesByType.Values;

    public MnsQueue Queue(string messageType) => _queuesByType[messageType];
}
