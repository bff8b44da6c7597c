namespace Qunfa.Web.Domain.Setup;

/// <summary>The step the wizard waits on; Done once 完成初始化 was pressed.</summary>
public enum WizardStep
{
    License = 1,
    AdminAccount = 2,
    SystemInfo = 3,
    Portal = 4,
    Done = 5,
}
