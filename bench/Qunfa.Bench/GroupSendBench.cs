using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunfa.Testing;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Bench;

/// <summary>
/// 通讯录 at scale: a CSV of N numbers with a per-row variable column imported into a group through the console
/// (preview + confirm), then 预览 + 确认发送 timed twice on the same host: the same CSV uploaded, and the group chosen.
/// The workers are off, so the engine does not compete with the second measurement; only acceptance is timed.
/// </summary>
public static class GroupSendBench
{
    public static async Task RunAsync(int numbers, DatabaseKind db)
    {
        Console.WriteLine($"group-1m: {numbers:N0} contacts, {db}, {Environment.ProcessorCount} cores");
        SendEndToEndBench.PointTestHostAtWebProject();
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Qunfa:Workers:Enabled"] = "false",
            ["Qunfa:Uploads:ParseTimeout"] = "00:10:00",
        };
        var setup = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(db, SendingScenario.Settings(settings)), balance: numbers * 3);
        await using var app = setup.App;
        var csv = Csv(numbers);
        Console.WriteLine($"  file: {csv.Length / 1024.0 / 1024.0:F1} MB CSV (手机号,order)");

        var import = new Dictionary<string, string> { ["Input.GroupName"] = "会员", ["Input.Mode"] = "Merge" };
        var clock = Stopwatch.StartNew();
        var preview = await setup.Client.PostMultipartAsync("/console/contacts/import?handler=Preview", import, "Input.File", csv, "contacts.csv", "text/csv", formPath: "/console/contacts/import");
        var previewed = clock.Elapsed;
        import["Input.Token"] = SendEndToEndBench.PreviewToken(preview.Html);
        var confirmed = await setup.Client.PostFormAsync("/console/contacts/import?handler=Confirm", import, formPath: "/console/contacts/import");
        if (confirmed.Location is null) throw new InvalidOperationException("Import not saved: " + confirmed.Html[..Math.Min(2000, confirmed.Html.Length)]);
        Console.WriteLine($"  import: {clock.Elapsed.TotalSeconds:F2} s (preview {previewed.TotalSeconds:F2} s, confirm {(clock.Elapsed - previewed).TotalSeconds:F2} s)");
        var groupId = await app.WithDbAsync(d => d.ContactGroups.Select(g => g.Id).SingleAsync());

        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = setup.TemplateId.ToString(CultureInfo.InvariantCulture),
        };
        await setup.Client.GetAsync("/console/send");
        var fromCsv = await TimeSendAsync(setup, new(fields), csv);
        Console.WriteLine($"  CSV   → queued: {fromCsv.Total.TotalSeconds:F2} s (preview {fromCsv.Preview.TotalSeconds:F2} s, confirm {(fromCsv.Total - fromCsv.Preview).TotalSeconds:F2} s)");
        var fromGroup = await TimeSendAsync(setup, new(fields) { ["Input.GroupIds"] = groupId.ToString(CultureInfo.InvariantCulture) }, null);
        Console.WriteLine($"  group → queued: {fromGroup.Total.TotalSeconds:F2} s (preview {fromGroup.Preview.TotalSeconds:F2} s, confirm {(fromGroup.Total - fromGroup.Preview).TotalSeconds:F2} s)");
        Console.WriteLine($"  group / CSV: {fromGroup.Total / fromCsv.Total:F2}×   target ≤ 1.5×");
        var recipients = await app.WithDbAsync(d => d.SendRecords.CountAsync());
        Console.WriteLine($"  recipient rows written: {recipients:N0} (expected {2 * numbers:N0})");
        Console.WriteLine($"  peak working set of this process (host + client): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
    }

    private static async Task<(TimeSpan Preview, TimeSpan Total)> TimeSendAsync(SendingScenario.Setup setup, Dictionary<string, string> fields, byte[]? csv)
    {
        var clock = Stopwatch.StartNew();
        var preview = await setup.Client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", csv, csv is null ? "" : "numbers.csv", "text/csv", formPath: "/console/send");
        var previewed = clock.Elapsed;
        fields["Input.Token"] = SendEndToEndBench.PreviewToken(preview.Html);
        var confirm = await setup.Client.PostFormAsync("/console/send?handler=Confirm", fields, formPath: "/console/send");
        if (confirm.Location is null) throw new InvalidOperationException("Not accepted: " + confirm.Html[..Math.Min(2000, confirm.Html.Length)]);
        return (previewed, clock.Elapsed);
    }


    private static byte[] Csv(int numbers)
    {
        var text = new StringBuilder(numbers * 22);
        text.Append("手机号,order\n");
        for (var i = 0; i < numbers; i++)
            text.Append("139").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append(",A").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }


}
