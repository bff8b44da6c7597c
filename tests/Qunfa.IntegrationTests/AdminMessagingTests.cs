using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Messaging;

namespace Qunfa.IntegrationTests;

/// <summary>签名管理 / 模板管理, 查看签名 / 查看模板 of one customer, 分配签名 / 分配模板 and 彻底删除.</summary>
public sealed class AdminMessagingTests
{
    private static async Task<(QunfaApp App, PageClient Admin)> AdminAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        return (app, admin);
    }

    private static Task<int> AddAsync<T>(QunfaApp app, T entity) where T : class => app.WithDbAsync(async d =>
    {
        d.Add(entity);
        return await d.SaveChangesAsync();
    });

    private static Signature Sign(int customerId, string name, ReviewStatus status, Origin origin = Origin.Applied, string? reason = null) => new()
    {
        CustomerId = customerId, Name = name, Type = SignatureType.General, Origin = origin, Status = status, Reason = reason,
        Remark = "备注" + name, ThreeInOne = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static Template Tpl(int customerId, string name, string code, ReviewStatus status, Origin origin = Origin.Applied) => new()
    {
        CustomerId = customerId, Name = name, TemplateCode = code, Type = TemplateType.Promotion, Origin = origin, Status = status,
        Content = name + "的内容", Remark = "说明" + name, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static Dictionary<string, string> SignAssignment(string name, string type, params int[] customerIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Target"] = customerIds.Length == 0 ? "all" : "some",
            ["Input.SignName"] = name,
            ["Input.Type"] = type,
        };
        for (var i = 0; i < customerIds.Length; i++) fields[$"Input.CustomerIds[{i}]"] = customerIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    private static Dictionary<string, string> TemplateAssignment(string code, params int[] customerIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Target"] = customerIds.Length == 0 ? "all" : "some",
            ["Input.TemplateCode"] = code,
        };
        for (var i = 0; i < customerIds.Length; i++) fields[$"Input.CustomerIds[{i}]"] = customerIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CustomerLists_ShowOnlyThatCustomersSignaturesAndTemplates(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 2);
        await AddAsync(app, Sign(ids[0], "甲公司签名", ReviewStatus.Approved));
        await AddAsync(app, Sign(ids[0], "甲被拒签名", ReviewStatus.Rejected, reason: "签名不规范"));
        await AddAsync(app, Sign(ids[1], "乙公司签名", ReviewStatus.UnderReview));
        await AddAsync(app, Tpl(ids[0], "甲模板", "SMS_900000001", ReviewStatus.Approved));
        await AddAsync(app, Tpl(ids[1], "乙模板", "SMS_900000002", ReviewStatus.Pending));

        var signs = await admin.GetAsync($"/admin/customers/signatures?id={ids[0]}");
        Assert.Equal(HttpStatusCode.OK, signs.Status);
        foreach (var column in new[] { "序号", "企业名称", "签名名称", "签名类型", "签名备注", "创建时间", "状态", "失败原因", "操作", "查看", "彻底删除" })
            Assert.Contains(column, signs.Html);
        Assert.Contains("甲公司签名", signs.Html);
        Assert.Contains("甲被拒签名", signs.Html);
        Assert.Contains("签名不规范", signs.Html);
        Assert.Contains("审批未通过", signs.Html);
        Assert.DoesNotContain("乙公司签名", signs.Html);
        Assert.DoesNotContain("乙公司签名", (await admin.GetAsync($"/admin/customers/signatures?id={ids[0]}&q=%E4%B9%99")).Html);

        var templates = await admin.GetAsync($"/admin/customers/templates?id={ids[0]}");
        foreach (var column in new[] { "模板名称", "模板类型", "模板Code", "申请说明", "推广类" })
            Assert.Contains(column, templates.Html);
        Assert.Contains("SMS_900000001", templates.Html);
        Assert.DoesNotContain("SMS_900000002", templates.Html);
        Assert.DoesNotContain("乙模板", templates.Html);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/customers/signatures?id=999999")).Status);

        // 签名管理 and 模板管理 list everyone's, with the customer's details, and filter.
        var all = await admin.GetAsync("/admin/signatures");
        foreach (var column in new[] { "企业名称", "邮箱", "联系人", "手机号", "签名名称", "签名类型", "签名状态", "创建时间", "是否三证合一", "分配签名" })
            Assert.Contains(column, all.Html);
        Assert.Contains("甲公司签名", all.Html);
        Assert.Contains("乙公司签名", all.Html);
        Assert.Contains("user02@example.com", all.Html);
        Assert.Contains("共3条", all.Html);
        var underReview = await admin.GetAsync("/admin/signatures?status=UnderReview");
        Assert.Contains("乙公司签名", underReview.Html);
        Assert.DoesNotContain("甲公司签名", underReview.Html);
        var searched = await admin.GetAsync("/admin/signatures?q=13700000001");
        Assert.Contains("共2条", searched.Html);
        Assert.DoesNotContain("乙公司签名", searched.Html);

        var allTemplates = await admin.GetAsync("/admin/templates");
        foreach (var column in new[] { "模板名称", "模板类型", "模板code", "模板状态", "分配模板" })
            Assert.Contains(column, allTemplates.Html);
        Assert.Contains("SMS_900000001", allTemplates.Html);
        Assert.Contains("SMS_900000002", allTemplates.Html);
        var pending = await admin.GetAsync("/admin/templates?status=Pending&type=Promotion");
        Assert.Contains("SMS_900000002", pending.Html);
        Assert.DoesNotContain("SMS_900000001", pending.Html);

        var signatureId = await app.WithDbAsync(d => d.Signatures.Where(s => s.Name == "甲被拒签名").Select(s => s.Id).SingleAsync());
        var view = await admin.GetAsync($"/admin/signatures/view?id={signatureId}");
        Assert.Contains("甲被拒签名", view.Html);
        Assert.Contains("签名不规范", view.Html);
        Assert.Contains("企业01", view.Html);
        var templateId = await app.WithDbAsync(d => d.Templates.Where(t => t.TemplateCode == "SMS_900000001").Select(t => t.Id).SingleAsync());
        Assert.Contains("甲模板的内容", (await admin.GetAsync($"/admin/templates/view?id={templateId}")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AssignSignature_Approved_ToOneCustomer_ThenToEveryCustomer(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 3);
        CustomerScenario.Sandbox(app).SeedSign("云顶云海", signType: 1, approved: true);

        var form = await admin.GetAsync("/admin/signatures/assign");
        Assert.Contains("企业01", form.Html);
        Assert.Contains("全部用户", form.Html);
        Assert.Contains("只能分配审核通过签名", form.Html);
        Assert.Contains("企业02", (await admin.PostFormAsync("/admin/signatures/assign?handler=Search",
            new Dictionary<string, string> { ["Input.CustomerSearch"] = "企业02" }, formPath: "/admin/signatures/assign")).Html);

        var lookup = await admin.PostFormAsync("/admin/signatures/assign?handler=LookUp",
            SignAssignment("云顶云海", "General", ids[0]), formPath: "/admin/signatures/assign");
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        Assert.Contains("审批通过", lookup.Html);
        // After 查询 the page's address carries the handler: 确认分配 must still post to the page itself.
        Assert.Contains("<form method=\"post\" action=\"/admin/signatures/assign\"", lookup.Html);
        Assert.Contains("value=\"" + ids[0] + "\" id=\"customer-" + ids[0] + "\" checked", lookup.Html);
        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync()));

        var one = await admin.PostFormAsync("/admin/signatures/assign", SignAssignment("云顶云海", "General", ids[0]));
        Assert.True(one.IsRedirectTo("/admin/signatures/assign"));
        Assert.Contains("已分配给1个用户", (await admin.GetAsync("/admin/signatures/assign")).Html);
        var assigned = await app.WithDbAsync(d => d.Signatures.SingleAsync());
        Assert.Equal(ids[0], assigned.CustomerId);
        Assert.Equal(Origin.Assigned, assigned.Origin);
        Assert.Equal(ReviewStatus.Approved, assigned.Status);
        Assert.Equal(SignatureType.General, assigned.Type);
        Assert.DoesNotContain("云顶云海", (await admin.GetAsync($"/admin/customers/signatures?id={ids[1]}")).Html);

        var everyone = await admin.PostFormAsync("/admin/signatures/assign", SignAssignment("云顶云海", "General"));
        Assert.True(everyone.IsRedirectTo("/admin/signatures/assign"));
        Assert.Contains("已分配给2个用户", (await admin.GetAsync("/admin/signatures/assign")).Html);
        Assert.Equal(ids.Order(), (await app.WithDbAsync(d => d.Signatures.Where(s => s.Name == "云顶云海").Select(s => s.CustomerId).ToListAsync())).Order());
        Assert.Equal(2, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AssignSignature && e.Succeeded)));
        Assert.Contains("分配签名", (await admin.GetAsync("/admin/log")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AssignSignature_Unapproved_Unknown_OrWithoutCustomers_IsRefused(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 2);
        CustomerScenario.Sandbox(app).SeedSign("审核中签名", signType: 1, approved: false);

        var lookup = await admin.PostFormAsync("/admin/signatures/assign?handler=LookUp",
            SignAssignment("审核中签名", "General", ids[0]), formPath: "/admin/signatures/assign");
        Assert.Contains("审批中", lookup.Html);

        var unapproved = await admin.PostFormAsync("/admin/signatures/assign", SignAssignment("审核中签名", "General", ids[0]));
        Assert.Equal(HttpStatusCode.OK, unapproved.Status);
        Assert.Contains("只能分配审核通过签名", unapproved.Html);
        Assert.Contains("field-validation-error", unapproved.Html);

        var unknown = await admin.PostFormAsync("/admin/signatures/assign", SignAssignment("不存在的签名", "General"));
        Assert.Contains("未查询到该签名信息", unknown.Html);
        Assert.Contains("未查询到该签名信息", (await admin.PostFormAsync("/admin/signatures/assign?handler=LookUp",
            SignAssignment("不存在的签名", "General"), formPath: "/admin/signatures/assign")).Html);

        CustomerScenario.Sandbox(app).SeedSign("已通过签名", signType: 1, approved: true);
        var noCustomers = SignAssignment("已通过签名", "General");
        noCustomers["Input.Target"] = "some";
        var nobody = await admin.PostFormAsync("/admin/signatures/assign", noCustomers);
        Assert.Contains("请选择分配的用户", nobody.Html);
        var noType = await admin.PostFormAsync("/admin/signatures/assign", new Dictionary<string, string> { ["Input.Target"] = "all", ["Input.SignName"] = "已通过签名" });
        Assert.Contains("请选择签名类型", noType.Html);

        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync()));
        Assert.Equal(4, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AssignSignature && !e.Succeeded)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AssignTemplate_LooksItUp_AssignsTheApprovedOne_AndDeletingItRemovesOnlyThatCustomersRow(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 2);
        const string content = "云顶云河北的小伙伴，店面大庆，满减多多，欢迎光临。回复t退订";
        CustomerScenario.Sandbox(app).SeedTemplate("SMS_172881361", content, templateType: 2, approved: true);
        CustomerScenario.Sandbox(app).SeedTemplate("SMS_172881362", "您的验证码为${code}", templateType: 0, approved: false);

        var lookup = await admin.PostFormAsync("/admin/templates/assign?handler=LookUp", TemplateAssignment("SMS_172881361", ids[0]), formPath: "/admin/templates/assign");
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        foreach (var expected in new[] { "模板名称", "模板类型", "推广类", "模板内容", content, "审核状态", "审批通过" })
            Assert.Contains(expected, lookup.Html);
        Assert.Contains("<form method=\"post\" action=\"/admin/templates/assign\"", lookup.Html);
        Assert.Contains("未查询到该模板信息", (await admin.PostFormAsync("/admin/templates/assign?handler=LookUp", TemplateAssignment("SMS_000000000"), formPath: "/admin/templates/assign")).Html);
        Assert.Contains("只能分配审核通过模板", (await admin.PostFormAsync("/admin/templates/assign", TemplateAssignment("SMS_172881362", ids[0]))).Html);
        Assert.False(await app.WithDbAsync(d => d.Templates.AnyAsync()));

        Assert.True((await admin.PostFormAsync("/admin/templates/assign", TemplateAssignment("SMS_172881361", ids[0]))).IsRedirectTo("/admin/templates/assign"));
        Assert.Contains("已分配给1个用户", (await admin.GetAsync("/admin/templates/assign")).Html);
        Assert.True((await admin.PostFormAsync("/admin/templates/assign", TemplateAssignment("SMS_172881361"))).IsRedirectTo("/admin/templates/assign"));
        var rows = await app.WithDbAsync(d => d.Templates.OrderBy(t => t.CustomerId).ToListAsync());
        Assert.Equal(ids.Order(), rows.Select(t => t.CustomerId));
        Assert.All(rows, t =>
        {
            Assert.Equal(Origin.Assigned, t.Origin);
            Assert.Equal(TemplateType.Promotion, t.Type);
            Assert.Equal(content, t.Content);
        });
        Assert.Equal(2, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AssignTemplate && e.Succeeded)));
        Assert.Equal(1, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AssignTemplate && !e.Succeeded)));

        var first = rows.Single(t => t.CustomerId == ids[0]);
        var confirm = await admin.GetAsync($"/admin/templates/delete?id={first.Id}");
        Assert.Contains("只会从该用户移除", confirm.Html);
        Assert.Equal(2, await app.WithDbAsync(d => d.Templates.CountAsync()));

        var deleted = await admin.PostFormAsync($"/admin/templates/delete?id={first.Id}", new Dictionary<string, string>());
        Assert.True(deleted.IsRedirectTo($"/admin/customers/templates?id={ids[0]}"));
        var left = await app.WithDbAsync(d => d.Templates.SingleAsync());
        Assert.Equal(ids[1], left.CustomerId);
        Assert.NotNull(CustomerScenario.Sandbox(app).TemplateReview("SMS_172881361"));
        Assert.DoesNotContain("SMS_172881361", (await admin.GetAsync($"/admin/customers/templates?id={ids[0]}")).Html);
        Assert.Contains("SMS_172881361", (await admin.GetAsync($"/admin/customers/templates?id={ids[1]}")).Html);
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.DeleteTemplate && e.Succeeded)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeleteSignature_Assigned_RemovesOnlyThatCustomersRow_AndUnderReviewIsRefused(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 2);
        CustomerScenario.Sandbox(app).SeedSign("云顶云海", signType: 1, approved: true);
        Assert.True((await admin.PostFormAsync("/admin/signatures/assign", SignAssignment("云顶云海", "General"))).IsRedirectTo("/admin/signatures/assign"));
        await AddAsync(app, Sign(ids[1], "审核中的申请", ReviewStatus.UnderReview));

        var mine = await app.WithDbAsync(d => d.Signatures.SingleAsync(s => s.CustomerId == ids[0]));
        var deleted = await admin.PostFormAsync($"/admin/signatures/delete?id={mine.Id}", new Dictionary<string, string>());
        Assert.True(deleted.IsRedirectTo($"/admin/customers/signatures?id={ids[0]}"));
        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync(s => s.CustomerId == ids[0])));
        Assert.True(await app.WithDbAsync(d => d.Signatures.AnyAsync(s => s.CustomerId == ids[1] && s.Name == "云顶云海")));
        Assert.NotNull(CustomerScenario.Sandbox(app).SignReview("云顶云海"));

        var reviewing = await app.WithDbAsync(d => d.Signatures.SingleAsync(s => s.Name == "审核中的申请"));
        Assert.Contains("审核中的签名不能删除", (await admin.GetAsync($"/admin/signatures/delete?id={reviewing.Id}")).Html);
        var refused = await admin.PostFormAsync($"/admin/signatures/delete?id={reviewing.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("审核中的签名不能删除", refused.Html);
        Assert.True(await app.WithDbAsync(d => d.Signatures.AnyAsync(s => s.Id == reviewing.Id)));
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.DeleteSignature && e.Succeeded)));
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.DeleteSignature && !e.Succeeded)));
    }
}
