namespace Claims.TestKit.Corpus;

/// <summary>
/// A synthetic French news corpus about strikes in Syria and Iraq, built from the vocabulary and templates of
/// Corpus/corpus.json. Deterministic for a seed; article i depends only on (seed, i, count), and articles are made one at a
/// time as they are enumerated, so 100 000 of them cost no memory. Articles report a shared pool of strike incidents
/// (about one per three articles), each told by several sources with their own numbers and targets, so that across
/// articles the same striker, place and day come back with different targets and counts: the contradictions a real feed holds.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly Lazy<CorpusVocabulary> DefaultVocabulary = new(() => CorpusVocabulary.Load());

    /// <summary>The vocabulary read from the corpus.json copied next to the executable.</summary>
    public static CorpusVocabulary Vocabulary => DefaultVocabulary.Value;

    /// <summary><paramref name="count"/> articles for <paramref name="seed"/>, generated lazily.</summary>
    public static IEnumerable<SyntheticArticle> Generate(int count, int seed) => Generate(count, seed, Vocabulary);

    public static IEnumerable<SyntheticArticle> Generate(int count, int seed, CorpusVocabulary vocabulary)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return Enumerate(new ArticleWriter(vocabulary, count, seed), count);
    }

    private static IEnumerable<SyntheticArticle> Enumerate(ArticleWriter writer, int count)
    {
        for (var i = 0; i < count; i++) yield return writer.Write(i);
    }
}
