using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Faults;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Manage;
using Qunfa.Emulators.Mns;
using Qunfa.Emulators.Oss;
using Qunfa.Emulators.Signing;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators;

/// <summary>All emulator state, in memory; also the inspection and seeding surface for tests and the benchmark.</summary>
public sealed partial class EmulatorState : IDisposable, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, AccountState> _accountsByKey;
    private readonly Dictionary<string, MnsQueue> _queues;
    private readonly AccountState _defaultAccount;
    private readonly long _bizIdBase = Random.Shared.NextInt64(100_000_000_000, 900_000_000_000);
    private long _bizCounter;
    private long _templateCounter = 100_000_000 + Random.Shared.Next(0, 800_000_000);
    private long _smsUpSequence;

    internal EmulatorState(EmulatorOptions options, TimeProvider time, IHttpClientFactory httpClientFactory)
    {
        Options = options;
        Time = time;
        if (options.Accounts.Count == 0)
        {
            options.Accounts.Add(new EmulatorAccount());
        }
        // Later configuration wins, so a bound account can replace the built-in default with the same key.
        _accountsByKey = new Dictionary<string, AccountState>(StringComparer.Ordinal);
        foreach (var account in options.Accounts)
        {
            _accountsByKey[account.AccessKeyId] = new AccountState(account, options);
        }
        _defaultAccount = _accountsByKey[options.Accounts[0].AccessKeyId];
        _queues = _accountsByKey.Values.SelectMany(a => a.Queues).ToDictionary(q => q.Name, StringComparer.Ordinal);
        Scheduler = new Scheduler(time);
        Dice = new FaultDice(options.Seed);
        Nonces = new NonceRegistry(time, options.MaxClockSkew);
        Dispatcher = new SmsDispatcher(this);
        Pusher = new ReportPusher(this, httpClientFactory);
        Reviews = new ReviewDesk(this);
        foreach (var sign in options.SeedSigns)
        {
            SeedSign(sign.SignName, sign.SignType, accessKeyId: sign.AccessKeyId);
        }
        foreach (var template in options.SeedTemplates)
        {
            SeedTemplate(template.TemplateCode, template.Content, template.TemplateType, accessKeyId: template.AccessKeyId);
        }
    }

    /// <summary>Live options: fault rates and delays may be changed while the emulator runs.</summary>
    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public EmulatorCounters Counters { get; } = new();

    internal Scheduler Scheduler { get; }

    internal FaultDice Dice { get; }

    internal NonceRegistry Nonces { get; }

    internal StsTokenStore Tokens { get; } = new();

    internal OssStore Oss { get; } = new();

    internal SmsDispatcher Dispatcher { get; }

    internal ReportPusher Pusher { get; }

    internal ReviewDesk Reviews { get; }

    internal DeliveryFailureRule[] FailureRules => Options.DeliveryFailureRules.ToArray();

    internal bool TryGetAccountByKey(string accessKeyId, out AccountState? account) => _accountsByKey.TryGetValue(accessKeyId, out account);

    internal bool TryGetQueue(string name, out MnsQueue? queue) => _queues.TryGetValue(name, out queue);

    internal string NewBizId() =>
        (_bizIdBase + Interlocked.Increment(ref _bizCounter)).ToString(CultureInfo.InvariantCulture) + "^0";

    internal string NewTemplateCode() => "SMS_" + Interlocked.Increment(ref _templateCounter).ToString(CultureInfo.InvariantCulture);

    public string QueueName(string messageType, string? accessKeyId = null) =>
        MnsMessageTypes.QueueName(Account(accessKeyId).Account.AccountUid, messageType);

    public EmulatorQueueCounts QueueCounts(string queueName)
    {
        if (!_queues.TryGetValue(queueName, out var queue))
        {
            throw new ArgumentException($"No queue {queueName}.", nameof(queueName));
        }
        var (visible, inFlight) = queue.Counts(Time.GetUtcNow());
        return new EmulatorQueueCounts(visible, inFlight);
    }

    public IReadOnlyList<EmulatorSentSms> MessagesTo(string phoneNumber, string? accessKeyId = null)
    {
        PhoneNumbers.Normalize(phoneNumber, out var number);
        return Account(accessKeyId).Sent.To(number).Select(m => View(m.Batch, m.Index)).ToList();
    }

    /// <summary>How many messages each number was sent, in one pass over everything accepted (for drills of many numbers).</summary>
    public IReadOnlyDictionary<string, int> SentCountsByNumber(string? accessKeyId = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in Account(accessKeyId).Sent.All)
            for (var i = 0; i < batch.Count; i++)
                counts[batch.Numbers.GetString(i)] = counts.GetValueOrDefault(batch.Numbers.GetString(i)) + 1;
        return counts;
    }

    public IReadOnlyList<EmulatorSentSms> MessagesOfBiz(string bizId, string? accessKeyId = null)
    {
        var batch = Account(accessKeyId).Sent.ByBizId(bizId);
        return batch is null ? [] : Enumerable.Range(0, batch.Count).Select(i => View(batch, i)).ToList();
    }

    public void SeedSign(string signName, int signType = 1, bool approved = true, string? accessKeyId = null)
    {
        Account(accessKeyId).Signs[signName] = new SignRecord
        {
            Name = signName,
            OrderId = Ids.OrderId(),
            CreateDate = Time.GetUtcNow(),
            SignType = signType,
            Status = approved ? ReviewStatus.Approved : ReviewStatus.Reviewing,
            AuditDate = approved ? Time.GetUtcNow() : null,
        };
    }

    /// <summary>templateType: 0 verification, 1 notification, 2 promotion, 3 international.</summary>
    public void SeedTemplate(string templateCode, string content, int templateType = 1, bool approved = true, string? accessKeyId = null)
    {
        Account(accessKeyId).Templates[templateCode] = new TemplateRecord
        {
            Code = templateCode,
            OrderId = Ids.OrderId(),
            CreateDate = Time.GetUtcNow(),
            Name = templateCode,
            Content = content,
            Type = templateType,
            Variables = TemplateText.Variables(content),
            Status = approved ? ReviewStatus.Approved : ReviewStatus.Reviewing,
            AuditDate = approved ? Time.GetUtcNow() : null,
        };
    }

    /// <summary>An already approved qualification; returns its id for CreateSmsSign's QualificationId.</summary>
    public long SeedQualification(string companyName, string organizationCode, string? accessKeyId = null)
    {
        var record = new QualificationRecord
        {
            Id = Ids.NextNumber(),
            Name = companyName + "资质",
            CompanyName = companyName,
            OrganizationCode = organizationCode,
            CreateDate = Time.GetUtcNow(),
            State = "PASSED",
            AuditTime = Time.GetUtcNow(),
        };
        Account(accessKeyId).Qualifications[record.Id] = record;
        return record.Id;
    }

    public long SeedAuthorizationLetter(string grantor, string organizationCode, IEnumerable<string> signNames, string? accessKeyId = null)
    {
        var letter = new AuthorizationLetterRecord
        {
            Id = Ids.NextNumber(),
            Name = grantor + "授权书" + Ids.NextNumber().ToString(CultureInfo.InvariantCulture),
            Authorization = grantor,
            ProxyAuthorization = "Qunfa",
            OrganizationCode = organizationCode,
            ExpDate = "2024-01-01~2099-12-31",
            Pic = "emulator/letter.png",
            SignList = signNames.ToArray(),
            State = "PASSED",
        };
        Account(accessKeyId).Letters[letter.Id] = letter;
        return letter.Id;
    }

    /// <summary>Status: 0 reviewing, 1 approved, 2 rejected (as GetSmsSign reports it).</summary>
    public EmulatorReviewState? SignReview(string signName, string? accessKeyId = null) =>
        Account(accessKeyId).Signs.TryGetValue(signName, out var s) ? new EmulatorReviewState((int)s.Status, s.RejectReason) : null;

    public EmulatorReviewState? TemplateReview(string templateCode, string? accessKeyId = null) =>
        Account(accessKeyId).Templates.TryGetValue(templateCode, out var t) ? new EmulatorReviewState((int)t.Status, t.RejectReason) : null;

    public string? LastPhoneCode(string phoneNumber, string? accessKeyId = null)
    {
        PhoneNumbers.Normalize(phoneNumber, out var number);
        return Account(accessKeyId).PhoneCodes.GetValueOrDefault(number);
    }

    public byte[]? UploadedFile(string key) => Oss.Files.GetValueOrDefault(key);

    public void InjectSmsUp(string phoneNumber, string content, string signName, string? destCode = null)
    {
        var account = _accountsByKey.Values.FirstOrDefault(a => a.Signs.ContainsKey(signName)) ?? _defaultAccount;
        PhoneNumbers.Normalize(phoneNumber, out var number);
        var body = new JsonObject
        {
            ["phone_number"] = number,
            ["content"] = content,
            ["send_time"] = ChinaTime.Format(Time.GetUtcNow()),
            ["dest_code"] = destCode ?? "",
            ["sequence_id"] = Interlocked.Increment(ref _smsUpSequence),
        };
        account.Queue(MnsMessageTypes.SmsUp).Enqueue(new SingleMessageSource(body.ToJsonString(Json)), 0, 1, Time.GetUtcNow());
    }

    public void Dispose()
    {
        Scheduler.Dispose();
        Pusher.Stop();
    }

    /// <summary>Also waits for pushes in flight to end, so none outlives the host.</summary>
    public async ValueTask DisposeAsync()
    {
        Scheduler.Dispose();
        await Pusher.DisposeAsync();
    }

    private AccountState Account(string? accessKeyId) =>
        accessKeyId is null ? _defaultAccount
        : _accountsByKey.TryGetValue(accessKeyId, out var a) ? a
        : throw new ArgumentException($"No emulator account with AccessKeyId {accessKeyId}.", nameof(accessKeyId));

    private static EmulatorSentSms View(SmsBatch batch, int i)
    {
        var failure = batch.Reported ? batch.Failure(i) : null;
        return new EmulatorSentSms(
            batch.BizId, batch.Numbers.GetString(i), batch.SignName(i), batch.TemplateCode, batch.Content(i), batch.OutId,
            batch.SendTime, !batch.Reported ? 1 : failure is null ? 3 : 2,
            !batch.Reported ? null : failure?.ErrCode ?? "DELIVERED",
            batch.Reported ? batch.ReportTime : null);
    }
}

/// <summary>SendStatus: 1 waiting for the receipt, 2 failed, 3 delivered.</summary>
public sealed record EmulatorSentSms(
    string BizId, string PhoneNumber, string SignName, string TemplateCode, string Content, string? OutId,
    DateTimeOffset SendTime, int SendStatus, string? ErrCode, DateTimeOffset? ReportTime);

public sealed record EmulatorQueueCounts(long Visible, long InFlight);

public sealed record EmulatorReviewState(int Status, string Reason);
