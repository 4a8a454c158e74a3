namespace Claims.Extraction.Page;

public enum BlockKind { Body, Headline }

/// <summary>A line of the page kept for extraction: body paragraphs (extracted) and headlines (title candidates, not extracted).</summary>
public readonly record struct Block(int Start, int End, BlockKind Kind);

/// <summary>What the page reader found: the article's blocks, its title/outlet/date when the page shows them, and the reader comments set apart.</summary>
public sealed record PageLayout(IReadOnlyList<Block> Blocks, string? Title, string? Outlet, DateOnly? PublishedOn, int CommentCount)
{
    public IEnumerable<Block> Body => Blocks.Where(b => b.Kind == BlockKind.Body);
}
