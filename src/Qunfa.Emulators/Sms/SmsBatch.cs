using System.Text.Encodings.Web;
using System.Text.Json;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Mns;

namespace Qunfa.Emulators.Sms;

/// <summary>One accepted SendSms/SendBatchSms call; per-number data lives in arrays to avoid an object per number.</summary>
internal sealed class SmsBatch : IMnsMessageSource
{
    /// <summary>Chinese text unescaped, as Alibaba writes it.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required string BizId { get; init; }

    public required PhoneList Numbers { get; init; }

    /// <summary>Length 1 when every number shares the value (SendSms), otherwise one per number.</summary>
    public required string[] SignNames { get; init; }

    public required string[] Contents { get; init; }

    public required string TemplateCode { get; init; }

    public required int TemplateType { get; init; }

    public required bool International { get; init; }

    public string? OutId { get; init; }

    public required DateTimeOffset SendTime { get; init; }

    public required DeliveryFailureRule[] Rules { get; init; }

    public DateOnly SendDay => ChinaTime.DayOf(SendTime);

    public bool Reported { get; private set; }

    public DateTimeOffset ReportTime { get; private set; }

    public int FailedCount { get; private set; }

    public int Count => Numbers.Count;

    public string SignName(int i) => SignNames.Length == 1 ? SignNames[0] : SignNames[i];

    public string Content(int i) => Contents.Length == 1 ? Contents[0] : Contents[i];

    public DeliveryFailureRule? Failure(int i)
    {
        var number = Numbers[i];
        foreach (var rule in Rules)
        {
            if (rule.NumberSuffix.Length > 0 && number.EndsWith(rule.NumberSuffix, StringComparison.Ordinal))
            {
                return rule;
            }
        }
        return null;
    }

    public void MarkReported(DateTimeOffset now)
    {
        var failed = 0;
        for (var i = 0; i < Numbers.Count; i++)
        {
            if (Failure(i) is not null)
            {
                failed++;
            }
        }
        FailedCount = failed;
        ReportTime = now;
        Reported = true;
    }

    public string MessageId(int index) => BizId.Replace("^", "", StringComparison.Ordinal) + index.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    public string MessageBody(int index)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteReport(w, index);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The SmsReport of one number as an object; the MNS body and each element of an HTTP push array.</summary>
    public void WriteReport(Utf8JsonWriter w, int index)
    {
        var failure = Failure(index);
        w.WriteStartObject();
        w.WriteString("phone_number", Numbers[index]);
        w.WriteString("send_time", ChinaTime.Format(SendTime));
        w.WriteString("report_time", ChinaTime.Format(ReportTime));
        w.WriteBoolean("success", failure is null);
        w.WriteString("err_code", failure?.ErrCode ?? "DELIVERED");
        w.WriteString("err_msg", failure?.ErrMessage ?? "用户接收成功");
        w.WriteString("sms_size", TemplateText.Segments(Content(index)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("biz_id", BizId);
        w.WriteString("out_id", OutId ?? "");
        w.WriteEndObject();
    }
}
