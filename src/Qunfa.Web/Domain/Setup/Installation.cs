using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Domain.Setup;

/// <summary>The single row that records the first-run wizard (初始化) and the licence details of step 1.</summary>
public sealed class Installation : ILockable
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public WizardStep Step { get; set; } = WizardStep.License;
    public string LicenseeName { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PurchaseInfo { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>SHA-256 of the one-time 安装码 printed at start-up; the code itself is never stored here.</summary>
    public string? SetupCodeHash { get; set; }
    /// <summary>Wrong 安装码 tries, counted and locked like wrong passwords.</summary>
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsComplete => Step == WizardStep.Done;
}
