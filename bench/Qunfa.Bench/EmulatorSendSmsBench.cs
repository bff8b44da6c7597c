using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Sms;
using Qunfa.Emulators;

namespace Qunfa.Bench;

/// <summary>
/// How many SendSms calls of 1000 numbers each the emulator takes per second on loopback, sent by the
/// real client (V3 signing included) from the same machine. The sending engine's benchmark depends on
/// the emulator keeping well ahead of it (target: 200 calls/s).
/// </summary>
public static class EmulatorSendSmsBench
{
    private const int Senders = 8;

    public static async Task RunAsync(TimeSpan duration)
    {
        await using var emulator = await EmulatorHost.StartAsync(o => o.ReportDelay = TimeSpan.FromMilliseconds(100));
        emulator.State.SeedSign("群发测速", signType: 1);
        emulator.State.SeedTemplate("SMS_900000100", "您的订单${order}已发货", templateType: 1);

        var services = new ServiceCollection().AddLogging();
        services.AddQunfaAliyun(o =>
        {
            o.AccessKeyId = "emulator-ak";
            o.AccessKeySecret = "emulator-secret";
            o.SmsEndpoint = new Uri(emulator.BaseAddress, "dysmsapi/");
            o.DybaseEndpoint = new Uri(emulator.BaseAddress, "dybaseapi/");
        });
        await using var provider = services.BuildServiceProvider();
        var sms = provider.GetRequiredService<IAliyunSmsClient>();
        var numbers = Enumerable.Range(0, SendSmsRequest.MaxPhoneNumbers).Select(i => $"139{i:D8}").ToArray();
        var request = new SendSmsRequest(numbers, "群发测速", "SMS_900000100", new Dictionary<string, string> { ["order"] = "A1001" });

        // Warm-up: JIT, connection pool.
        for (var i = 0; i < 20; i++) await sms.SendSmsAsync(request);

        var calls = 0;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                var result = await sms.SendSmsAsync(request);
                if (result.IsAccepted) Interlocked.Increment(ref calls);
                else Interlocked.Increment(ref failures);
            }
        }));
        var rate = calls / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"emulator-sendsms: {calls} calls ({calls * 1000L:N0} numbers) in {watch.Elapsed.TotalSeconds:F1} s = {rate:F0} calls/s, " +
                          $"{failures} failed, {Senders} senders, {Environment.ProcessorCount} cores, managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
    }
}
