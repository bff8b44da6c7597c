namespace Qunfa.Web;

/// <summary>
/// Marker for the shared strings. Keys are the Chinese text itself (the manual's labels verbatim),
/// so zh-CN needs no file; Resources/SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
