using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Features.Setup;

/// <summary>
/// At start-up, while the wizard is not complete, makes sure a 安装码 exists and prints it in a block of the log,
/// as Jenkins prints its initial password; it is also written to <c>&lt;DataDirectory&gt;/setup-code.txt</c>
/// (readable by the service's user only) so a restart prints the same code. A node without that file prints a
/// new one, which replaces the old: the code in the newest log is the one that works. Runs within the start-up
/// turn, so nodes starting together do not replace each other's code.
/// </summary>
public static class SetupCodeIssuer
{
    /// <summary>Fixes the code for the test suite; refused in any environment but Testing.</summary>
    public const string TestCodeKey = "Qunfa:Setup:TestCode";

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var settings = services.GetRequiredService<StartupSettings>();
        var testCode = TestCode(services);
        if (!settings.Qunfa.Web.Enabled) return;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var installation = await db.Installations.AsNoTracking().SingleAsync(i => i.Id == Installation.SingletonId, ct);
        var file = Path.Combine(settings.DataDirectory, SetupCode.FileName);
        if (installation.IsComplete)
        {
            File.Delete(file);
            return;
        }

        var code = testCode ?? Saved(file, installation.SetupCodeHash) ?? SetupCode.New();
        if (!SetupCode.Matches(installation.SetupCodeHash, code))
            await db.Installations.Where(i => i.Id == Installation.SingletonId && i.Step != WizardStep.Done)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.SetupCodeHash, SetupCode.Hash(code))
                    .SetProperty(i => i.FailedLoginCount, 0)
                    .SetProperty(i => i.LockedUntil, (DateTimeOffset?)null), ct);
        Save(file, code);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Qunfa.Setup");
        logger.LogWarning(
            """

            *************************************************************
            初始化尚未完成。请在初始化第一步“获取系统授权”中输入安装码：
            Setup is not complete. Enter this setup code in step 1:

                {SetupCode}

            安装码也保存在 / The code is also in: {SetupCodeFile}
            完成初始化后它即失效并被删除。It stops working once setup is complete.
            *************************************************************

            """, code, file);
    }

    /// <summary>Deletes this node's copy once the wizard is complete.</summary>
    public static void Forget(StartupSettings settings) => File.Delete(Path.Combine(settings.DataDirectory, SetupCode.FileName));

    private static string? TestCode(IServiceProvider services)
    {
        var value = services.GetRequiredService<IConfiguration>()[TestCodeKey];
        if (string.IsNullOrEmpty(value)) return null;
        if (!services.GetRequiredService<IHostEnvironment>().IsEnvironment("Testing"))
            throw new InvalidSettingsException([$"{TestCodeKey} is for the test suite only; remove it (environment {services.GetRequiredService<IHostEnvironment>().EnvironmentName})."]);
        return value;
    }

    private static string? Saved(string file, string? hash)
    {
        if (!File.Exists(file)) return null;
        var code = File.ReadAllText(file).Trim();
        return SetupCode.Matches(hash, code) ? code : null;
    }

    private static void Save(string file, string code)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false), options);
        writer.WriteLine(code);
    }
}
