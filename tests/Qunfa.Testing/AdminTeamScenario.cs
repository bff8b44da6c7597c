namespace Qunfa.Testing;

/// <summary>More administrators beside the wizard's: added by a 超级管理员 through 管理员管理, then signed in for the first time.</summary>
public static class AdminTeamScenario
{
    public const string InitialPassword = "Init1al!";
    public const string ChosenPassword = "Ch0sen!pw";

    public static Dictionary<string, string> Admin(string email, string phone, string role, string name = "李四", string password = InitialPassword) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Phone"] = phone,
        ["Input.Role"] = role,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary><paramref name="owner"/> (a signed-in 超级管理员) adds an admin with the initial password.</summary>
    public static async Task AddAsync(PageClient owner, string email, string phone, string role, string name = "李四") =>
        SetupScenario.Expect(await owner.PostFormAsync("/admin/team/add", Admin(email, phone, role, name)), "/admin/team");

    public static async Task<PageResponse> LoginAsync(PageClient client, string account, string password) =>
        await client.PostFormAsync("/admin/login", new Dictionary<string, string> { ["Account"] = account, ["Password"] = password });

    /// <summary>The first sign-in of an added admin: the initial password, then 修改密码 to <see cref="ChosenPassword"/>.</summary>
    public static async Task FirstLoginAsync(PageClient client, string email)
    {
        SetupScenario.Expect(await LoginAsync(client, email, InitialPassword), "/admin");
        SetupScenario.Expect(await client.PostFormAsync("/admin/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = InitialPassword,
            ["Input.Password"] = ChosenPassword,
            ["Input.ConfirmPassword"] = ChosenPassword,
        }), "/admin");
    }
}
