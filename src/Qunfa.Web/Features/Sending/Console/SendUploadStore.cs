using System.Security.Cryptography;
using System.Text;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Features.Sending.Console;

/// <summary>
/// Keeps the numbers a customer previewed (the text box or the uploaded file) on the server between 预览 and
/// 确认发送, under the uploads directory (Qunfa:UploadsDirectory, which the web nodes of a cluster share) in a
/// folder of that customer, keyed by a random token. The page only
/// carries the token; a token of another customer finds nothing. Entries older than <see cref="Lifetime"/> are gone.
/// </summary>
public sealed class SendUploadStore(StartupSettings settings, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const string TextExtension = ".txt-box";
    private const string FileExtension = ".upload";
    private const string InvalidExtension = ".invalid.csv";
    private const string OptedOutExtension = ".opted-out.csv";
    private const string NameExtension = ".name";

    public sealed record Stored(string Token, string Path, bool IsTextBox, string? FileName);

    private string Root => settings.UploadsDirectory;

    private string Folder(int customerId) => System.IO.Path.Combine(Root, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<string> SaveTextAsync(int customerId, string text, CancellationToken ct)
    {
        var token = NewToken();
        var folder = Prepare(customerId);
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, token + TextExtension), text, Encoding.UTF8, ct);
        return token;
    }

    public async Task<string> SaveFileAsync(int customerId, Stream content, string? fileName, CancellationToken ct)
    {
        var token = NewToken();
        var folder = Prepare(customerId);
        await using (var output = new FileStream(System.IO.Path.Combine(folder, token + FileExtension), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await content.CopyToAsync(output, ct);
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, token + NameExtension), System.IO.Path.GetFileName(fileName ?? ""), Encoding.UTF8, ct);
        return token;
    }

    /// <summary>The stored list of this customer, or null when the token is unknown, foreign or expired.</summary>
    public Stored? Find(int customerId, string? token)
    {
        if (!IsToken(token)) return null;
        var folder = Folder(customerId);
        var text = System.IO.Path.Combine(folder, token + TextExtension);
        var file = System.IO.Path.Combine(folder, token + FileExtension);
        if (File.Exists(text) && !Expired(text)) return new Stored(token!, text, true, null);
        if (File.Exists(file) && !Expired(file))
        {
            var namePath = System.IO.Path.Combine(folder, token + NameExtension);
            return new Stored(token!, file, false, File.Exists(namePath) ? File.ReadAllText(namePath) : null);
        }
        return null;
    }

    public Task SaveInvalidAsync(int customerId, string token, Action<Stream> write, CancellationToken ct) =>
        SaveBesideAsync(customerId, token, InvalidExtension, write, ct);

    public string? InvalidCsvPath(int customerId, string? token) => CsvPath(customerId, token, InvalidExtension);

    /// <summary>The numbers the 退订名单 took out of the preview, one a row, for the preview's download.</summary>
    public Task SaveOptedOutAsync(int customerId, string token, IEnumerable<string> phones, CancellationToken ct) =>
        SaveBesideAsync(customerId, token, OptedOutExtension, output =>
        {
            using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            writer.Write("号码\r\n");
            foreach (var phone in phones)
            {
                writer.Write(phone);
                writer.Write("\r\n");
            }
        }, ct);

    /// <summary>A file that goes with a stored list (its invalid or opted-out numbers), written by <paramref name="write"/>.</summary>
    private async Task SaveBesideAsync(int customerId, string token, string extension, Action<Stream> write, CancellationToken ct)
    {
        if (!IsToken(token)) return;
        await using var output = new FileStream(System.IO.Path.Combine(Folder(customerId), token + extension), FileMode.Create, FileAccess.Write, FileShare.None);
        write(output);
        await output.FlushAsync(ct);
    }

    public string? OptedOutCsvPath(int customerId, string? token) => CsvPath(customerId, token, OptedOutExtension);

    private string? CsvPath(int customerId, string? token, string extension)
    {
        if (Find(customerId, token) is null) return null;
        var path = System.IO.Path.Combine(Folder(customerId), token + extension);
        return File.Exists(path) ? path : null;
    }

    public void Delete(int customerId, string? token)
    {
        if (!IsToken(token)) return;
        foreach (var extension in new[] { TextExtension, FileExtension, InvalidExtension, OptedOutExtension, NameExtension })
            TryDelete(System.IO.Path.Combine(Folder(customerId), token + extension));
    }

    /// <summary>Removes everything older than the lifetime, of every customer.</summary>
    public void Purge()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            if (Expired(path)) TryDelete(path);
    }

    private string Prepare(int customerId)
    {
        Purge();
        return Directory.CreateDirectory(Folder(customerId)).FullName;
    }

    private bool Expired(string path) => File.GetLastWriteTimeUtc(path) < time.GetUtcNow().UtcDateTime - Lifetime;

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool IsToken(string? token) =>
        token is { Length: 32 } && token.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open by a request in flight; the next purge takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
