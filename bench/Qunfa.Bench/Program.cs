using Qunfa.Bench;

// Throughput runs, on demand (never part of the tests): dotnet run -c Release --project bench/Qunfa.Bench -- <scenario> [seconds]
var scenario = args.FirstOrDefault() ?? "help";
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 10;
switch (scenario)
{
    case "emulator-sendsms":
        await EmulatorSendSmsBench.RunAsync(TimeSpan.FromSeconds(seconds));
        break;
    case "recipients-csv":
        RecipientParsingBench.Run(RecipientParsingBench.Format.Csv);
        break;
    case "recipients-xlsx":
        RecipientParsingBench.Run(RecipientParsingBench.Format.Xlsx);
        break;
    case "api-single":
        await ApiSingleSendBench.RunAsync(clients: 32, TimeSpan.FromSeconds(seconds),
            args.Contains("postgres") ? Qunfa.Testing.DatabaseKind.Postgres : Qunfa.Testing.DatabaseKind.Sqlite,
            args.Contains("compat") ? ApiSingleSendBench.Path.Compat : ApiSingleSendBench.Path.Api,
            acceptOnly: args.Contains("accept-only"), withKannel: !args.Contains("no-kannel"), inProcessClients: args.Contains("inproc"),
            warmUp: TimeSpan.FromSeconds(int.Parse(Option("warmup") ?? "60", System.Globalization.CultureInfo.InvariantCulture)));
        break;
    case "send-1m":
        await SendEndToEndBench.RunAsync(new(args.Length > 1 && int.TryParse(args[1], out var n) ? n : 1_000_000,
            args.Contains("postgres") ? Qunfa.Testing.DatabaseKind.Postgres : Qunfa.Testing.DatabaseKind.Sqlite,
            args.Contains("2nodes") ? 2 : 1, args.Contains("push"), WithKannel: !args.Contains("no-kannel"),
            Latency: TimeSpan.FromMilliseconds(int.Parse(Option("latency") ?? "0", System.Globalization.CultureInfo.InvariantCulture)),
            CallsInFlight: Option("calls") is { } calls ? int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture) : null,
            WorkerCpus: Option("worker-cpus")));
        break;
    case "group-1m":
        await GroupSendBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var contacts) ? contacts : 1_000_000,
            args.Contains("postgres") ? Qunfa.Testing.DatabaseKind.Postgres : Qunfa.Testing.DatabaseKind.Sqlite);
        break;
    case "stats-10m":
        await StatisticsBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var records) ? records : 10_000_000);
        break;
    case "records-query":
        await RecordsQueryBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var r) ? r : 3_000_000,
            args.Contains("postgres") ? Qunfa.Testing.DatabaseKind.Postgres : Qunfa.Testing.DatabaseKind.Sqlite);
        break;
    default:
        Console.WriteLine("Scenarios: emulator-sendsms [seconds]  — SendSms calls of 1000 numbers/s through Qunfa.Aliyun against the emulator on loopback");
        Console.WriteLine("           api-single [seconds] [accept-only] [postgres] [compat] [no-kannel] [inproc] [warmup=S]  — single-number sends over 32 connections through the signed");
        Console.WriteLine("             /api/v1 (or the Alibaba-compatible SendSms), pre-signed and replayed by wrk as Kannel is measured (inproc: .NET clients in this");
        Console.WriteLine("             process), beside Kannel's durable sendsms measured first in the same run; the clients send for S seconds (60) before measuring");
        Console.WriteLine("           send-1m [numbers] [postgres [2nodes [worker-cpus=LIST]]] [push] [no-kannel] [latency=MS] [calls=N]  — a CSV task end to end through the");
        Console.WriteLine("             console and the engine against the sandbox carrier, beside Kannel's durable sendsms measured first in the same run; receipts read");
        Console.WriteLine("             from MNS, or with push (one node) POSTed by the carrier to the host's HTTP push URL. latency: the carrier waits MS before each");
        Console.WriteLine("             answer; calls: carrier calls in flight per node (Qunfa:Sending:Concurrency); worker-cpus: the worker node runs under taskset -c LIST");
        Console.WriteLine("           group-1m [contacts] [postgres]  — 1,000,000 contacts imported into a group, then preview + confirm of a send to the group timed next to the same CSV");
        Console.WriteLine("           stats-10m [records]  — 首页 and 发送量统计 timed over 10,000,000 recipient records of 200 customers in 90 days (SQLite)");
        Console.WriteLine("           records-query [records] [postgres]  — 发送记录查询's queries timed, with their plans, on a seeded table (3,000,000 records by default)");
        Console.WriteLine("           recipients-csv | recipients-xlsx  — read and check a generated 1,000,000-row recipient file with one variable column");
        break;
}

// `name=value` among the arguments.
string? Option(string name) => args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
