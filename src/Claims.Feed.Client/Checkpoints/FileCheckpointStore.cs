using System.Globalization;

namespace Claims.Feed.Client.Checkpoints;

/// <summary>
/// The checkpoint in a small text file. Written to a temporary file, flushed to disk, then renamed over the old one:
/// a crash leaves either the old or the new position, never a torn file.
/// </summary>
public sealed class FileCheckpointStore(string path) : ICheckpointStore
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public async Task<long> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return 0;
        var text = (await File.ReadAllTextAsync(Path, ct)).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new InvalidDataException($"Checkpoint file {Path} does not hold a position: '{text}'. Fix or delete it (deleting restarts from the beginning).");
    }

    public async Task SaveAsync(long position, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64, FileOptions.Asynchronous))
        {
            await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(position.ToString(CultureInfo.InvariantCulture)), ct);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
