using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;

namespace Claims.Extraction.Statements;

public enum CueKind { Inverted, Preposed, Participle, Infinitive, Passive, Source, ColonAgent, Accusation, BackReference }

/// <summary>A place where the text attributes words to someone: the verb or phrase, its speaker(s), and where the words are.</summary>
public sealed class Cue
{
    public required CueKind Kind { get; init; }
    public required int Sentence { get; init; }
    /// <summary>First token of the cue's own words (subject, "selon", aux...): the previous cue's content stops here.</summary>
    public required int RegionStart { get; set; }
    public int VerbStart { get; init; }
    public int VerbEnd { get; init; }
    public ReportingVerb? Verb { get; init; }
    public List<ActorEntry> Speakers { get; } = [];
    public Mention? Object { get; set; }
    public int ContentStart { get; set; } = -1;
    public int ContentEnd { get; set; } = -1;
    /// <summary>Content is before the cue ("…", a déclaré X): it starts at the sentence start or after the previous cue.</summary>
    public bool ContentBefore { get; init; }
    /// <summary>Derived statements (accusers of "les accusations de X selon lesquelles…") do not become "the last speaker".</summary>
    public bool Derived { get; init; }
    public bool UsesPronoun { get; init; }
    /// <summary>A content-before cue whose words are one quotation opened mid-sentence: earlier cues' words stop at it.</summary>
    public bool QuotedMidSentence { get; set; }
    /// <summary>A trailing "selon X" closing a relative clause (", où une attaque a été perpétrée selon X"): X's words are that
    /// clause, which starts here (at the comma); earlier cues' words stop at it.</summary>
    public int RelativeClauseStart { get; set; } = -1;
    /// <summary>A participle after a document ("un communiqué affirmant que…"): the words are the issuer's own report.</summary>
    public bool AfterDocument { get; init; }
}
