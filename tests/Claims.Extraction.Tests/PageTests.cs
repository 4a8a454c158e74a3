using System.Text;
using Claims.Extraction.Decoding;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Pages as they come (furniture, comments, HTML) and each bad input of the issue.</summary>
public sealed class PageTests
{
    private const string Body = "Selon l'OSDH, des avions russes ont frappé mercredi des positions rebelles près de Hama, tuant sept combattants.";

    [Fact]
    public void Reader_comments_are_counted_and_never_extracted()
    {
        var text = "Accueil\nMonde\nSyrie : nouveaux raids russes près de Hama\n\n" + Body + "\n\nLire aussi : Poutine a déclaré que tout allait bien\n\n"
                   + "Commentaires (2)\n\nPoutine a affirmé que les frappes visent Daech, c'est évident.\nJEAN\n\nSelon moi, Washington ment.\nPAUL\n";
        var a = Extract(text);
        Assert.Equal(2, a.CommentCount);
        var s = Assert.Single(a.Statements);
        Assert.Equal("OSDH", s.Speaker.Name);
        Assert.Equal("Syrie : nouveaux raids russes près de Hama", a.Title);
    }

    // A wire dispatch written here, in the agencies' style, to be wrapped at a fixed width as plain-text feeds and mail do.
    private const string Dispatch =
        "Des avions russes ont frappé mardi des positions rebelles près de Hama, tuant sept combattants, selon l'Observatoire syrien des droits de l'homme.\n\n"
        + "« Nous ne frappons que des terroristes », a déclaré le ministre russe de la Défense, Sergueï Choïgou, lors d'une réunion à Moscou. "
        + "Le Pentagone a démenti ces affirmations et accusé Moscou de viser l'opposition modérée.\n";

    private static string Wrap(string text, int width) => string.Join("\n", text.Split('\n').Select(paragraph =>
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line); line = ""; }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join("\n", lines);
    }));

    [Theory]
    [InlineData(72)]
    [InlineData(60)]
    [InlineData(100)]
    public void Text_hard_wrapped_at_a_fixed_width_reads_as_its_paragraphs(int width)
    {
        var plain = Extract(Dispatch);
        var wrapped = Extract(Wrap(Dispatch, width));
        Assert.NotEmpty(plain.Statements);
        Assert.NotEmpty(plain.Strikes);
        Assert.Equal(plain.Statements.Select(s => (s.Speaker.Id, s.Text.ReplaceLineEndings(" "))), wrapped.Statements.Select(s => (s.Speaker.Id, s.Text.ReplaceLineEndings(" "))));
        Assert.Equal(plain.Strikes.Count, wrapped.Strikes.Count);
        Assert.Equal(plain.Disputes.Count, wrapped.Disputes.Count);
        // The evidence still points into the text as it came, line breaks included.
        Assert.All(wrapped.Statements, s => Assert.Equal(s.Text, Slice(wrapped, s.Span)));
    }

    [Fact]
    public void Lines_of_a_page_are_not_joined_into_paragraphs()
    {
        // Menu items and headlines of similar lengths start in upper case: nothing runs on, so each line stays its own.
        // Every line is shorter than a wrap width, and four are filled close to the longest.
        var page = "Accueil\nMonde\nSyrie : nouveaux raids russes près de Hama, sept combattants tués\nIrak : la coalition frappe Mossoul et Tal Afar, selon Bagdad\n"
                   + "Ukraine : Kiev dément toute frappe sur la centrale de Zaporijjia\nYémen : les rebelles Houthis revendiquent un tir de missile\n\n"
                   + "Selon l'OSDH, des avions russes ont frappé mercredi Hama, tuant sept combattants.\n";
        var a = Extract(page);
        Assert.Equal("Syrie : nouveaux raids russes près de Hama, sept combattants tués", a.Title);
        Assert.Equal("OSDH", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_repeated_lead_is_recorded_once()
    {
        var a = Extract(Body + "\n\nAutre paragraphe sans citation mais assez long pour être un paragraphe de l'article lui-même.\n\n" + Body);
        Assert.Single(a.Statements);
    }

    [Fact]
    public void Html_is_stripped_with_a_parser_and_spans_index_the_extracted_text()
    {
        const string html = "<!DOCTYPE html><html><head><title>Raids russes</title><script>var s = \"Moscou a déclaré que tout va bien.\";</script></head>"
                            + "<body><nav>Accueil Monde Vidéos</nav><article><h1>Raids russes sur Hama</h1><p>" + Body + "</p></article>"
                            + "<section class=\"comments\"><div class=\"comment\">Selon Washington, tout est faux.</div><div class=\"comment\">Bravo.</div></section></body></html>";
        var decoded = ArticleDecoder.Decode(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.True(decoded.Article!.IsHtml);
        var a = Extractor.Extract(new ArticleInput("page.html", Html: decoded.Article.Text));
        var s = Assert.Single(a.Statements);
        Assert.Equal(s.Text, Slice(a, s.Span));
        Assert.DoesNotContain("var s", a.Text);
        Assert.Equal(2, a.CommentCount);
        Assert.Single(a.Strikes);
    }

    [Fact]
    public void Empty_file_is_refused_with_its_name()
    {
        var r = ArticleDecoder.Decode([], "vide.txt");
        Assert.Equal(DecodeErrorKind.Empty, r.Error?.Kind);
        Assert.Contains("vide.txt", r.Error!.Message);
        Assert.Equal(DecodeErrorKind.Empty, ArticleDecoder.Decode("  \n\t "u8, "blanc.txt").Error?.Kind);
    }

    [Fact]
    public void Binary_file_is_refused()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D };
        var r = ArticleDecoder.Decode(bytes, "image.png");
        Assert.Equal(DecodeErrorKind.Binary, r.Error?.Kind);
        Assert.Contains("image.png", r.Error!.Message);
    }

    [Fact]
    public void Windows_1252_text_is_detected_and_decoded()
    {
        // "Moscou a déclaré « non » – fin" in Windows-1252: é = E9, « = AB, » = BB, – = 96 (a 1252-only code point).
        var bytes = new byte[] { 0x4D, 0x6F, 0x73, 0x63, 0x6F, 0x75, 0x20, 0x61, 0x20, 0x64, 0xE9, 0x63, 0x6C, 0x61, 0x72, 0xE9, 0x20, 0xAB, 0x20, 0x6E, 0x6F, 0x6E, 0x20, 0xBB, 0x20, 0x96, 0x20, 0x66, 0x69, 0x6E };
        var r = ArticleDecoder.Decode(bytes, "ancien.txt");
        Assert.Equal("windows-1252", r.Article?.Encoding);
        Assert.Equal("Moscou a déclaré « non » – fin", r.Article!.Text);
        Assert.Equal("iso-8859-1", ArticleDecoder.Decode(new byte[] { 0x64, 0xE9, 0x6A, 0xE0 }, "latin.txt").Article?.Encoding);
    }

    [Fact]
    public void File_over_five_megabytes_is_refused()
    {
        var r = ArticleDecoder.Decode(new byte[ArticleDecoder.MaxBytes + 1], "enorme.txt");
        Assert.Equal(DecodeErrorKind.TooLarge, r.Error?.Kind);
        Assert.Contains("enorme.txt", r.Error!.Message);
    }

    [Fact]
    public void One_line_of_text_with_no_full_stop_is_read_as_the_article_not_refused_as_a_headline()
    {
        var a = Extract("Sergueï Lavrov a déclaré : « Nous ne frappons que des terroristes »");
        Assert.Equal("serguei-lavrov", Assert.Single(a.Statements).Speaker.Id);
        // A short line is still a headline, and a page of headlines still has no article text.
        Assert.Throws<NoArticleTextException>(() => Extractor.Extract(new ArticleInput("titre.txt", "Lavrov : « Nous visons Daech »")));
        Assert.Throws<NoArticleTextException>(() => Extractor.Extract(new ArticleInput("titres.txt",
            "Syrie : Moscou poursuit ses frappes contre les rebelles près de Hama\nIrak : la coalition frappe Mossoul et Tal Afar selon Bagdad\n")));
    }

    [Fact]
    public void Page_without_article_text_is_refused()
    {
        var e = Assert.Throws<NoArticleTextException>(() => Extractor.Extract(new ArticleInput("menu.txt", "Accueil\nMonde\nVidéos\nNewsletter\nPublicité\n")));
        Assert.Contains("menu.txt", e.Message);
    }

    [Fact]
    public async Task A_batch_reports_bad_files_and_goes_on_with_the_good_ones()
    {
        var dir = Directory.CreateTempSubdirectory("claims-extract-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "a_bon.txt"), Body);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "b_vide.txt"), []);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "c_binaire.bin"), [0, 1, 2, 3, 0, 0]);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "manifest.json"), """{"articles":[{"file":"a_bon.txt","outlet":"Le Test","title":"T","publishedOn":"2015-10-08"}]}""");
            var result = await new Batch.ExtractionBatch(Extractor).RunAsync([dir.FullName]);
            var good = Assert.Single(result.Articles);
            Assert.Equal("Le Test", good.Outlet);
            Assert.Equal(new DateOnly(2015, 10, 8), good.PublishedOn);
            Assert.Equal(new DateOnly(2015, 10, 7), Assert.Single(good.Strikes).Date);
            Assert.Equal(["b_vide.txt", "c_binaire.bin"], result.Errors.Select(e => e.File));
        }
        finally { dir.Delete(true); }
    }
}
