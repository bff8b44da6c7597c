using System.Net;
using System.Text.RegularExpressions;

namespace Qunfa.Testing;

/// <summary>Drives pages as a browser would without script: GET a form, keep its antiforgery token, POST it.</summary>
public sealed partial class PageClient(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>The client's cookies as they are now, to replay them later from another client.</summary>
    public CookieContainer CopyCookies()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in (cookies ?? throw new InvalidOperationException("This client was made without a cookie container of its own.")).GetAllCookies())
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }

    public async Task<PageResponse> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Posts fields to <paramref name="path"/> with the token of the form served at <paramref name="formPath"/> (default: the same path).</summary>
    public async Task<PageResponse> PostFormAsync(string path, IDictionary<string, string> fields, string? formPath = null)
    {
        var token = await TokenAsync(formPath ?? path);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(all));
        return await PageResponse.ReadAsync(response);
    }

    public async Task<PageResponse> PostWithoutTokenAsync(string path, IDictionary<string, string> fields, string? forgedToken = null)
    {
        var all = new Dictionary<string, string>(fields);
        if (forgedToken is not null) all["__RequestVerificationToken"] = forgedToken;
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(all));
        return await PageResponse.ReadAsync(response);
    }

    public async Task<PageResponse> PostMultipartAsync(string path, IDictionary<string, string> fields, string fileField, byte[]? file, string fileName, string contentType, string? formPath = null)
    {
        var token = await TokenAsync(formPath ?? path);
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(part, fileField, fileName);
        }
        using var response = await http.PostAsync(path, content);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>The antiforgery token of the form served at <paramref name="formPath"/>.</summary>
    public async Task<string> TokenAsync(string formPath)
    {
        var page = await GetAsync(formPath);
        var match = TokenPattern().Match(page.Html);
        if (!match.Success)
            throw new InvalidOperationException($"No antiforgery token on {formPath} ({(int)page.Status} {page.Location})");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => http.Dispose();
}

public sealed record PageResponse(HttpStatusCode Status, string? Location, string Html)
{
    public static async Task<PageResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.OriginalString, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

    public bool IsRedirectTo(string path) =>
        Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && Location is not null && (Location == path || Location.EndsWith(path, StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(Location, UriKind.Absolute, out _));
}
