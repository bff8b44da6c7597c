using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Qunfa.Web.Features.HttpApi;

namespace Qunfa.Web.Api;

/// <summary>The OpenAPI document of /api/v1 at /openapi/v1.json and Swagger UI over it at /api/docs.</summary>
public static class ApiDocs
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "/api/docs";

    private static readonly (string Scheme, string Header, string Description)[] Headers =
    [
        ("QunfaKey", ApiRequestSigning.KeyHeader, "AccessKeyId"),
        ("QunfaTimestamp", ApiRequestSigning.TimestampHeader, "当前Unix时间（秒），与服务器时间相差不能超过5分钟"),
        ("QunfaNonce", ApiRequestSigning.NonceHeader, "每个请求不同的随机串，8到64个字母、数字、-或_，同一个Nonce不能重复使用"),
        ("QunfaSignature", ApiRequestSigning.SignatureHeader,
            "Base64(HMAC-SHA256(AccessKeySecret, StringToSign))；StringToSign为METHOD、路径（含原样发送的查询字符串）、timestamp、nonce、小写hex(SHA256(请求体))以换行符连接"),
    ];

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == DocumentName;
            // The document is made per request, so it follows the reader's language choice like the pages do.
            o.AddOperationTransformer((operation, context, _) =>
            {
                var l = context.ApplicationServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (operation.Summary is { } summary) operation.Summary = l[summary];
                if (operation.Description is { } description) operation.Description = l[description];
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter { Description: { } text } named) named.Description = l[text];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (schema.Description is { } text)
                    schema.Description = context.ApplicationServices.GetRequiredService<IStringLocalizer<SharedResource>>()[text];
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, context, _) =>
            {
                var l = context.ApplicationServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                document.Info = new OpenApiInfo
                {
                    Title = "Qunfa API",
                    Version = "v1",
                    Description = l["每个请求带上四个签名请求头；错误均以ProblemDetails返回，code字段为稳定的错误代码。"] + ErrorTable(l),
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                var requirement = new OpenApiSecurityRequirement();
                foreach (var (scheme, header, description) in Headers)
                {
                    document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = header,
                        Description = l[description],
                    };
                    requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [];
                }
                document.Security = [requirement];
                return Task.CompletedTask;
            });
        });

    /// <summary>The error codes as a Markdown table, which Swagger UI shows under the title.</summary>
    private static string ErrorTable(IStringLocalizer l) =>
        "\n\n### " + l["错误代码"] + "\n\n| code | HTTP | " + l["说明"] + " |\n|---|---|---|\n"
        + string.Concat(ApiErrorCodes.All.Select(e => $"| `{e.Code}` | {e.Status} | {l[e.Meaning]} |\n"));

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    /// <summary>Swagger UI serves its own scripts and styles from the package; nothing comes from a CDN.</summary>
    public static IApplicationBuilder UseApiDocsUi(this IApplicationBuilder app) =>
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = UiPath.TrimStart('/');
            o.SwaggerEndpoint(DocumentPath, "Qunfa API v1");
            o.DocumentTitle = "Qunfa API";
        });
}
