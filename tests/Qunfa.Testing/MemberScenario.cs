using Microsoft.EntityFrameworkCore;

namespace Qunfa.Testing;

/// <summary>子账号 as the tests make them: invited on the owner's 子账号 page, accepted on 加入企业 with the code the sandbox delivered.</summary>
public static class MemberScenario
{
    public const string Password = "Memb3r!pw";

    /// <summary>Invites <paramref name="phone"/> as <paramref name="role"/> (Admin, Sender, Developer, Finance) from the owner's signed-in client.</summary>
    public static async Task<PageResponse> InviteAsync(PageClient owner, string phone, string role) =>
        await owner.PostFormAsync("/console/members?handler=Invite",
            new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Role"] = role }, formPath: "/console/members");

    /// <summary>Accepts the invitation to <paramref name="phone"/> on a new client, which is left signed in as the member.</summary>
    public static async Task<PageClient> JoinAsync(QunfaApp app, string phone, string name)
    {
        var client = app.CreatePageClient();
        var joined = await client.PostFormAsync("/account/join", new Dictionary<string, string>
        {
            ["Input.Phone"] = phone,
            ["Input.Code"] = CustomerScenario.LastCode(app, phone) ?? throw new InvalidOperationException($"No code reached {phone}"),
            ["Input.Name"] = name,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        SetupScenario.Expect(joined, "/console");
        return client;
    }

    /// <summary>Invites and accepts in one go: the member's signed-in client and its id.</summary>
    public static async Task<(PageClient Client, int Id)> AddAsync(QunfaApp app, PageClient owner, string phone, string role, string name)
    {
        var invited = await InviteAsync(owner, phone, role);
        if (invited.Status != System.Net.HttpStatusCode.OK || !invited.Html.Contains("sandbox-code", StringComparison.Ordinal))
            throw new InvalidOperationException($"The invitation to {phone} was not sent ({invited.Status}).");
        var client = await JoinAsync(app, phone, name);
        return (client, await app.WithDbAsync(d => d.CustomerMembers.Where(m => m.Phone == phone).Select(m => m.Id).SingleAsync()));
    }

    /// <summary>Signs a new client in on the normal console login.</summary>
    public static async Task<PageClient> LoginAsync(QunfaApp app, string account, string password)
    {
        var client = app.CreatePageClient();
        SetupScenario.Expect(await client.PostFormAsync("/account/login",
            new Dictionary<string, string> { ["Account"] = account, ["Password"] = password }), "/console");
        return client;
    }
}
