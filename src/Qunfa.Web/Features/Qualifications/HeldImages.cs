using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Uploads;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>
/// A browser empties file inputs whenever the 资质 form comes back (获取验证码, a refused field), so the images chosen
/// are kept on the server under a token of the customer (in the uploads store, for an hour) and used again when the
/// form is posted without a new choice.
/// </summary>
public sealed class HeldImages(SendUploadStore store)
{
    public sealed record Held(string Token, string FileName);

    /// <summary>Keeps a valid image; anything else is not kept (its message shows beside the field).</summary>
    public async Task<Held?> HoldAsync(int customerId, IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        var (image, _) = await ImageUpload.ReadMaterialAsync(file, ct);
        if (image is null) return null;
        using var content = new MemoryStream(image.Bytes);
        return new Held(await store.SaveFileAsync(customerId, content, file.FileName, ct), Path.GetFileName(file.FileName));
    }

    /// <summary>What is kept under <paramref name="token"/>, without reading the image; null when unknown, foreign or expired.</summary>
    public Held? Describe(int customerId, string? token, string field) =>
        store.Find(customerId, token) is { IsTextBox: false } stored ? new Held(stored.Token, stored.FileName ?? field) : null;

    /// <summary>The kept image as if it had been posted again, or null when the token is unknown, foreign or expired.</summary>
    public IFormFile? Find(int customerId, string? token, string field)
    {
        if (store.Find(customerId, token) is not { IsTextBox: false } stored) return null;
        var bytes = File.ReadAllBytes(stored.Path);
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, field, stored.FileName ?? field)
        {
            Headers = new HeaderDictionary(),
            ContentType = ImageUpload.DetectType(bytes) ?? "application/octet-stream",
        };
    }
}
